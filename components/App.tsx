// App: the Uqudo panel's shell — toolbar, notices, token list, detail, settings and import panels.
import type { ComponentChildren } from 'preact';
import { useCallback, useState } from 'preact/hooks';
import { useStore } from 'zustand';
import { MAX_HAR_CHARS } from '../lib/capture/har';
import {
  selectJtiCounts,
  selectSelectedCapture,
  selectVisibleCaptures,
  type Capture,
  type InspectorStore,
} from '../lib/store';
import type { ImageRef } from '../lib/uqudo/summary';
import { CaptureDetail } from './CaptureDetail';
import { EmptyState } from './EmptyState';
import { ErrorBoundary } from './ErrorBoundary';
import { ImportPanel } from './ImportPanel';
import { KeyLine } from './KeyLine';
import { NoticeBar } from './NoticeBar';
import type { OriginAccess } from '../lib/settings/access';
import { SettingsPanel } from './SettingsPanel';
import { SightingList } from './SightingList';
import { Toolbar } from './Toolbar';

export interface AppProps {
  store: InspectorStore;
  /** Host-permission access (browser.permissions), injected by the composition root. */
  originAccess?: OriginAccess;
  /** Replay controls for the selected capture (the replay feature plugs in here). */
  renderReplay?: (capture: Capture) => ComponentChildren;
  /** Per-image replay actions inside the Uqudo summary of the selected capture. */
  renderImageActions?: (capture: Capture, ref: ImageRef) => ComponentChildren;
}

type SidePanel = 'none' | 'settings' | 'import';

/** The whole panel UI over one store. */
export function App({ store, originAccess, renderReplay, renderImageActions }: AppProps) {
  const total = useStore(store, (state) => state.captures.length);
  const visible = useStore(store, selectVisibleCaptures);
  const jtiCounts = useStore(store, selectJtiCounts);
  const selected = useStore(store, selectSelectedCapture);
  const selectedId = useStore(store, (state) => state.selectedId);
  const filter = useStore(store, (state) => state.filter);
  const pending = useStore(store, (state) => state.pending);
  const dropped = useStore(store, (state) => state.dropped);
  const settings = useStore(store, (state) => state.settings);
  const keySetup = useStore(store, (state) => state.keySetup);
  const decryptionSetup = useStore(store, (state) => state.decryptionSetup);
  const hasDecryptionKey = useStore(store, (state) => state.secrets.decryptionKey !== '');
  const notices = useStore(store, (state) => state.notices);
  const unavailableBodies = useStore(store, (state) => state.unavailableBodies);

  const [side, setSide] = useState<SidePanel>('none');
  const [dragging, setDragging] = useState(false);
  const toggle = (panel: SidePanel) => setSide((current) => (current === panel ? 'none' : panel));

  const importFile = useCallback(
    async (file: File) => {
      if (file.size > MAX_HAR_CHARS) {
        store.notify(
          'error',
          `${file.name} is too large to import (${Math.round(file.size / 1048576)} MB).`,
        );
        return;
      }
      let text: string;
      try {
        text = await file.text();
      } catch (error) {
        store.notify(
          'error',
          `Could not read ${file.name}: ${error instanceof Error ? error.message : String(error)}`,
        );
        return;
      }
      store.importHar(text);
    },
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
        if (file) void importFile(file);
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
        onHarFile={(file) => void importFile(file)}
        importOpen={side === 'import'}
        onToggleImport={() => toggle('import')}
        settingsOpen={side === 'settings'}
        onToggleSettings={() => toggle('settings')}
      />
      <KeyLine
        store={store}
        originAccess={originAccess}
        onOpenSettings={() => setSide('settings')}
      />
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
              void importFile(file);
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
                  jtiCount={selected.jti ? (jtiCounts.get(selected.jti) ?? 0) : 0}
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
