// ReplayPanel: replay Uqudo's Info API for the selected result — token, API base, host access, info/delete/images.
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { StoreApi } from 'zustand/vanilla';
import { useStoreSlice } from './useStoreSlice';
import type { Inspection } from '../lib/jose/inspect';
import { selectReplayCapture } from '../lib/replay/selectors';
import type { ReplayActions, ReplayState } from '../lib/replay/slice';
import { ApiBaseField } from './ApiBaseField';
import { ClientCredentialsForm } from './ClientCredentialsForm';
import { ImageBatchRow } from './ImageBatchRow';
import { ReplayGallery } from './ReplayGallery';
import { ReplayList } from './ReplayList';
import { SessionField } from './SessionField';
import { TokenField } from './TokenField';
import { useNow } from './useNow';
import './replay.css';

/** What the replay components need of the store: its replay state and actions. */
export type ReplayHost = Pick<
  StoreApi<{ replay: ReplayState }>,
  'getState' | 'getInitialState' | 'subscribe'
> & {
  replay: ReplayActions;
};

/** Props of {@link ReplayPanel}. */
export interface ReplayPanelProps {
  store: ReplayHost;
  /** The selected capture: its session id prefills the form, its image references feed "Fetch all". */
  capture: { id: string; inspection?: Inspection };
}

/** The replay controls and results for one selected capture. */
export function ReplayPanel({ store, capture }: ReplayPanelProps) {
  const replay = useStoreSlice(store, (state) => state.replay);
  const actions = store.replay;
  const now = useNow();

  const facts = useMemo(() => selectReplayCapture(capture.inspection), [capture.inspection]);
  const [sessionId, setSessionId] = useState(facts.sessionId ?? '');
  const [confirmDelete, setConfirmDelete] = useState(false);
  // A new selection brings its own session id; a half-confirmed delete must not carry over.
  useEffect(() => {
    setSessionId(facts.sessionId ?? '');
    setConfirmDelete(false);
  }, [capture.id, facts.sessionId]);
  // Object URLs of fetched images are freed when the gallery goes away.
  useEffect(() => () => actions.releaseImages(), [actions]);

  const usedSessionId = sessionId.trim() || facts.sessionId;
  return (
    <div class="replay-panel" data-testid="replay-panel">
      <h3 class="section-title">Replay with Uqudo’s Info API</h3>
      <ApiBaseField replay={replay} actions={actions} />
      <fieldset class="replay-group">
        <legend>Access token</legend>
        <TokenField replay={replay} actions={actions} now={now} />
        <ClientCredentialsForm origin={replay.apiOrigin} actions={actions} />
      </fieldset>
      <fieldset class="replay-group">
        <legend>Session</legend>
        <SessionField
          sessionId={sessionId}
          onSessionId={(text) => {
            setSessionId(text);
            setConfirmDelete(false);
          }}
          {...(facts.sessionId && facts.sessionIdSource
            ? { source: { sessionId: facts.sessionId, from: facts.sessionIdSource } }
            : {})}
          confirmDelete={confirmDelete}
          onConfirmDelete={setConfirmDelete}
          origin={replay.apiOrigin}
          actions={actions}
        />
        <ImageBatchRow
          images={facts.images}
          uniqueCount={facts.uniqueImageCount}
          sessionId={usedSessionId}
          batch={replay.imageBatch}
          actions={actions}
        />
      </fieldset>
      {replay.problem && (
        <div class="replay-problem level-bad" role="alert" data-testid="replay-problem">
          <span>{replay.problem}</span>{' '}
          <button type="button" class="link-button" onClick={actions.dismissProblem}>
            Dismiss
          </button>
        </div>
      )}
      <ReplayGallery
        images={replay.images}
        inlinePhotos={facts.inlinePhotos}
        sessionId={usedSessionId}
        actions={actions}
      />
      <ReplayList replay={replay} actions={actions} now={now} />
    </div>
  );
}
