// App: the Uqudo panel's shell — toolbar, notices, token list, detail, settings and import panels.
import { useCallback, useState } from 'preact/hooks';
import {
  selectCaptureFacts,
  selectJtiCounts,
  selectSelectedCapture,
  selectSelectedJtiCount,
  selectVisibleCaptures,
  type Capture,
} from '../lib/store';
import type { ImageRef } from '../lib/uqudo/summary';
import { CaptureDetail } from './CaptureDetail';
import { EmptyState } from './EmptyState';
import { ErrorBoundary } from './ErrorBoundary';
import { ImageFetchButton } from './ImageFetchButton';
import { ImportPanel } from './ImportPanel';
import { KeyLine } from './KeyLine';
import { NoticeBar } from './NoticeBar';
import type { OriginAccess } from '../lib/settings/access';
import { ReplayPanel } from './ReplayPanel';
import { SettingsPanel } from './SettingsPanel';
import { SightingList } from './SightingList';
import { useInspector, useInspectorStore } from './store-context';
import { Toolbar } from './Toolbar';

export interface AppProps {
  /** Host-permission access (browser.permissions), injected by the composition root. */
  originAccess?: OriginAccess;
}

type SidePanel = 'none' | 'settings' | 'import';

/** The whole panel UI over the store of the surrounding StoreContext. */
export function App({ originAccess }: AppProps) {
  const store = useInspectorStore();
  const total = useInspector((state) => state.captures.length);
  const visible = useInspector(selectVisibleCaptures);
  const jtiCounts = useInspector(selectJtiCounts);
  const selected = useInspector(selectSelectedCapture);
  const selectedJtiCount = useInspector(selectSelectedJtiCount);
  const selectedId = useInspector((state) => state.selectedId);
  const filter = useInspector((state) => state.filter);
  const pending = useInspector((state) => state.pending);
  const dropped = useInspector((state) => state.dropped);
  const settings = useInspector((state) => state.settings);
  const keySetup = useInspector((state) => state.keySetup);
  const decryptionSetup = useInspector((state) => state.decryptionSetup);
  const hasDecryptionKey = useInspector((state) => state.secrets.decryptionKey !== '');
  const notices = useInspector((state) => state.notices);
  const unavailableBodies = useInspector((state) => state.unavailableBodies);

  const [side, setSide] = useState<SidePanel>('none');
  const [dragging, setDragging] = useState(false);
  const toggle = (panel: SidePanel) => setSide((current) => (current === panel ? 'none' : panel));
  const importFile = (file: File) => void store.importHarFile(file);
  const renderReplay = useCallback(
    (capture: Capture) => <ReplayPanel store={store} capture={capture} />,
    [store],
  );
  const renderImageActions = useCallback(
    (capture: Capture, ref: ImageRef) => (
      <ImageFetchButton
        store={store}
        imageRef={ref}
        sessionId={selectCaptureFacts(capture).sessionId}
      />
    ),
    [store],
  );

  const hasFiles = (event: DragEvent) =>
    Array.from(event.dataTransfer?.types ?? []).includes('Files');

  return (
    <div
      class="app"
      onDragOver={(event) => {
        if (!hasFiles(event)) return;
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(event) => {
        // Leaving a child element also fires dragleave; only the panel's edge ends the drag.
        if (event.relatedTarget === null) setDragging(false);
      }}
      onDrop={(event) => {
        event.preventDefault();
        setDragging(false);
        const file = event.dataTransfer?.files?.[0];
        if (file) importFile(file);
      }}
    >
      <Toolbar
        total={total}
        shown={visible.length}
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
      <KeyLine originAccess={originAccess} onOpenSettings={() => setSide('settings')} />
      <NoticeBar
        notices={notices}
        unavailableBodies={unavailableBodies}
        dropped={dropped}
        onDismiss={store.dismissNotice}
      />
      <div class="app-body">
        <div class="list-pane">
          {visible.length > 0 ? (
            <SightingList
              captures={visible}
              selectedId={selectedId}
              jtiCounts={jtiCounts}
              onSelect={store.select}
              onNext={store.selectNext}
              onPrev={store.selectPrev}
            />
          ) : (
            <EmptyState filtered={total > 0} onClearFilter={() => store.setFilter('')} />
          )}
        </div>
        {side === 'settings' ? (
          <SettingsPanel
            settings={settings}
            keySetup={keySetup}
            decryptionSetup={decryptionSetup}
            hasDecryptionKey={hasDecryptionKey}
            onChange={store.updateSettings}
            onDecryptionKey={store.setDecryptionKey}
            onReloadKeys={store.reloadKeys}
            originAccess={originAccess}
            onClose={() => setSide('none')}
          />
        ) : side === 'import' ? (
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
          <div class="detail-pane">
            {selected ? (
              // A detail that fails to render (odd payload) must not take the list down with it;
              // selecting another row starts a fresh boundary.
              <ErrorBoundary key={selected.id}>
                <CaptureDetail
                  capture={selected}
                  jtiCount={selectedJtiCount}
                  renderReplay={renderReplay}
                  renderImageActions={renderImageActions}
                />
              </ErrorBoundary>
            ) : (
              <p class="detail-placeholder muted">
                {total > 0
                  ? 'Select a token (click, or ↑ / ↓ in the list) to see every check.'
                  : 'Checks of the selected token appear here.'}
              </p>
            )}
          </div>
        )}
      </div>
      <footer class="app-footer">Diagnostics only — trust decisions belong on your backend.</footer>
      {dragging && (
        <div class="drop-overlay" aria-hidden="true">
          Drop a HAR file to check every token in it
        </div>
      )}
    </div>
  );
}
