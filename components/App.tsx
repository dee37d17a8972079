// App: the Uqudo panel's shell — toolbar, notices, token list, detail (with the Settings drawer beside it), import.
import { useState } from 'preact/hooks';
import { DetailPane } from './DetailPane';
import { LazyImportPanel as ImportPanel } from './lazy/LazyImportPanel';
import { KeyLine } from './KeyLine';
import { NoticeBar } from './NoticeBar';
import { LazySettingsPane as SettingsPane } from './lazy/LazySettingsPane';
import { ListPane } from './ListPane';
import { useInspector, useInspectorStore } from './store-context';
import { Toolbar } from './Toolbar';
import { useFileDrop } from './useFileDrop';

type SidePanel = 'none' | 'settings' | 'import';

/** Settings open beside the detail (a drawer), so findings change in view as expectations do. */

/** The whole panel UI over the store of the surrounding StoreContext. */
export function App() {
  const store = useInspectorStore();
  const total = useInspector((state) => state.captures.length);
  const shown = useInspector((state) => state.visible.length);
  const filter = useInspector((state) => state.filter);
  const pending = useInspector((state) => state.pending);
  const dropped = useInspector((state) => state.dropped);
  const settings = useInspector((state) => state.settings);
  const notices = useInspector((state) => state.notices);
  const unavailableBodies = useInspector((state) => state.unavailableBodies);

  const [side, setSide] = useState<SidePanel>('none');
  const toggle = (panel: SidePanel) => setSide((current) => (current === panel ? 'none' : panel));
  const importFile = (file: File) => void store.importHarFile(file);
  const drop = useFileDrop(importFile);

  return (
    <div class="app" {...drop.handlers}>
      <Toolbar
        total={total}
        shown={shown}
        pending={pending}
        dropped={dropped}
        filter={filter}
        onFilter={store.setFilter}
        preserveLog={settings.preserveLog}
        onPreserveLog={(preserveLog) => store.updateSettings({ preserveLog })}
        onClear={store.clear}
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
