// DetailPane: the selected capture's detail (with its replay panel and image actions), or a hint.
import { useCallback } from 'preact/hooks';
import {
  selectCaptureFacts,
  selectSelectedCapture,
  selectSelectedJtiCount,
  type Capture,
} from '../lib/store';
import type { ImageRef } from '../lib/uqudo/summary';
import { BackendTestSection } from './BackendTestSection';
import { CaptureDetail } from './CaptureDetail';
import { ErrorBoundary } from './ErrorBoundary';
import { ImageFetchButton } from './ImageFetchButton';
import { ReplayPanel } from './ReplayPanel';
import { useInspector, useInspectorStore } from './store-context';

/** The detail pane over the store of the surrounding StoreContext. */
export function DetailPane() {
  const store = useInspectorStore();
  const selected = useInspector(selectSelectedCapture);
  const jtiCount = useInspector(selectSelectedJtiCount);
  const hasCaptures = useInspector((state) => state.captures.length > 0);
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
  return (
    <div class="detail-pane">
      {selected ? (
        // A detail that fails to render (odd payload) must not take the list down with it;
        // selecting another row starts a fresh boundary.
        <ErrorBoundary key={selected.id}>
          <CaptureDetail
            capture={selected}
            jtiCount={jtiCount}
            renderReplay={renderReplay}
            renderImageActions={renderImageActions}
          />
        </ErrorBoundary>
      ) : (
        <p class="detail-placeholder muted">
          {hasCaptures
            ? 'Select a token (click, or ↑ / ↓ in the list) to see every check.'
            : 'Checks of the selected token appear here.'}
        </p>
      )}
      <BackendTestSection />
    </div>
  );
}
