// DetailPane: the selected capture's detail in tabs (the chosen tab kept across rows), or a hint.
import { useCallback, useLayoutEffect, useState } from 'preact/hooks';
import type { DetailTab } from '../lib/detail/tabs';
import {
  selectCaptureSessionId,
  selectReplayScope,
  selectScopedImageCount,
} from '../lib/replay/scope';
import { selectSelectedCapture, selectSelectedJtiCount, type Capture } from '../lib/store';
import type { ImageRef } from '../lib/uqudo/summary';
import { LazyBackendTestSection as BackendTestSection } from './lazy/LazyBackendTestSection';
import { LazyCaptureDetail as CaptureDetail } from './lazy/LazyCaptureDetail';
import { LazyDetailImages as DetailImages } from './lazy/LazyDetailImages';
import { LazyDetailUseToken as DetailUseToken } from './lazy/LazyDetailUseToken';
import { ErrorBoundary } from './ErrorBoundary';
import { ExportSelected } from './ExportSelected';
import { LazyImageFetchButton as ImageFetchButton } from './lazy/LazyImageFetchButton';
import { LazyReplayPanel as ReplayPanel } from './lazy/LazyReplayPanel';
import { useInspector, useInspectorStore } from './store-context';

/** The detail pane over the store of the surrounding StoreContext. */
export function DetailPane() {
  const store = useInspectorStore();
  const selected = useInspector(selectSelectedCapture);
  const jtiCount = useInspector(selectSelectedJtiCount);
  const hasCaptures = useInspector((state) => state.captures.length > 0);
  const [tab, setTab] = useState<DetailTab>('checks');
  // Replays and fetched images belong to the selected capture's session.
  const scope = selected ? selectReplayScope(selected) : '';
  // Set in the commit, not after the next frame: a click that follows the selection (a separate
  // event) must find the new scope, or its answer would be filed under the previous row.
  useLayoutEffect(() => store.replay.setScope(scope), [store, scope]);
  const fetchedImages = useInspector((state) => selectScopedImageCount(state.replay, scope));
  const renderReplay = useCallback(
    (capture: Capture) => (
      <ReplayPanel store={store} capture={capture} scope={selectReplayScope(capture)} />
    ),
    [store],
  );
  const renderImages = useCallback(
    (capture: Capture) => (
      <DetailImages store={store} capture={capture} scope={selectReplayScope(capture)} />
    ),
    [store],
  );
  const renderImageActions = useCallback(
    (capture: Capture, ref: ImageRef) => (
      <ImageFetchButton
        store={store}
        imageRef={ref}
        scope={selectReplayScope(capture)}
        sessionId={selectCaptureSessionId(capture)}
      />
    ),
    [store],
  );
  return (
    <div class="detail-pane">
      <ExportSelected />
      {selected ? (
        // A detail that fails to render (odd payload) must not take the list down with it;
        // selecting another row starts a fresh boundary.
        <ErrorBoundary key={selected.id}>
          <CaptureDetail
            capture={selected}
            jtiCount={jtiCount}
            chosenTab={tab}
            onTab={setTab}
            fetchedImages={fetchedImages}
            headActions={
              <DetailUseToken store={store} capture={selected} onUsed={() => setTab('replay')} />
            }
            renderReplay={renderReplay}
            renderImages={renderImages}
            renderImageActions={renderImageActions}
            checksFooter={<BackendTestSection />}
          />
        </ErrorBoundary>
      ) : (
        <p class="detail-placeholder muted">
          {hasCaptures
            ? 'Select a token (click, or ↑ / ↓ in the list) to see every check.'
            : 'Checks of the selected token appear here.'}
        </p>
      )}
    </div>
  );
}
