// App: the Uqudo panel's shell — toolbar, notices, token list, detail (with the Settings drawer beside it), import.
import { useState } from 'preact/hooks';
import { CaptureToolbar } from './CaptureToolbar';
import { DetailPane } from './DetailPane';
import { LazyImportPanel as ImportPanel } from './lazy/LazyImportPanel';
import { KeyLine } from './KeyLine';
import { LazyNoticeBar as NoticeBar } from './lazy/LazyNoticeBar';
import { LazySettingsPane as SettingsPane } from './lazy/LazySettingsPane';
import { ListPane } from './ListPane';
import { useInspector, useInspectorStore } from './store-context';
import { useFileDrop } from './useFileDrop';

type SidePanel = 'none' | 'settings' | 'import';

/** Settings open beside the detail (a drawer), so findings change in view as expectations do. */

/**
 * The whole panel UI over the store of the surrounding StoreContext. The shell subscribes only to
 * what it renders itself (notices); the toolbar, list and detail subscribe to their own slices, so
 * a burst of captures does not re-render the whole panel on every update.
 */
export function App() {
  const store = useInspectorStore();
  const dropped = useInspector((state) => state.dropped);
  const notices = useInspector((state) => state.notices);
  const unavailableBodies = useInspector((state) => state.unavailableBodies);

  const [side, setSide] = useState<SidePanel>('none');
  const toggle = (panel: SidePanel) => setSide((current) => (current === panel ? 'none' : panel));
  const importFile = (file: File) => void store.importHarFile(file);
  const drop = useFileDrop(importFile);

  return (
    <div class="app" {...drop.handlers}>
      <CaptureToolbar
        onHarFile={importFile}
        importOpen={side === 'import'}
        onToggleImport={() => toggle('import')}
        settingsOpen={side === 'settings'}
        onToggleSettings={() => toggle('settings')}
      />
      <KeyLine onOpenSettings={() => setSide('settings')} />
      <NoticeBar
        notices={notices}
        unavailableBodies={unavailableBodies}
        dropped={dropped}
        onDismiss={store.dismissNotice}
      />
      <div class="app-body">
        <ListPane />
        {side === 'import' ? (
          <ImportPanel
            onPaste={(text) => {
              const result = store.addPastedToken(text);
              // Show the pasted token's checks right away (it is selected).
              if (result.ok) setSide('none');
              return result;
            }}
            onHarFile={(file) => {
              setSide('none');
              importFile(file);
            }}
            onClose={() => setSide('none')}
          />
        ) : (
          <DetailPane />
        )}
        {side === 'settings' && <SettingsPane onClose={() => setSide('none')} />}
      </div>
      <footer class="app-footer">Diagnostics only — trust decisions belong on your backend.</footer>
      {drop.dragging && (
        <div class="drop-overlay" aria-hidden="true">
          Drop a HAR file to check every token in it
        </div>
      )}
    </div>
  );
}
