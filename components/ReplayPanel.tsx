// ReplayPanel: the Replay tab — API base (with its suggestion), access token, and info/delete with answers below.
import { useEffect, useLayoutEffect, useMemo, useState } from 'preact/hooks';
import type { StoreApi } from 'zustand/vanilla';
import { useStoreSlice } from './useStoreSlice';
import type { Inspection } from '../lib/jose/inspect';
import {
  selectReplayCapture,
  selectScopedProblem,
  selectScopedReplays,
} from '../lib/replay/selectors';
import type { ReplayActions, ReplayState } from '../lib/replay/slice';
import { suggestApiBase, type SuggestionSource } from '../lib/replay/suggest';
import { ApiBaseField } from './ApiBaseField';
import { ClientCredentialsForm } from './ClientCredentialsForm';
import { ReplayBaseSuggestion } from './ReplayBaseSuggestion';
import { ReplayList } from './ReplayList';
import { ReplayProblem } from './ReplayProblem';
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
  /** The selected capture: its session id prefills the form, its iss or request suggests the base. */
  capture: { id: string; inspection?: Inspection; exchange?: SuggestionSource['exchange'] };
  /** The session the answers belong to (selectReplayScope); '' in a store of replays alone. */
  scope?: string;
}

const SESSION_PURPOSES = ['info', 'info-header', 'delete'] as const;
const TOKEN_PURPOSES = ['token'] as const;

/** The replay controls of one selected capture, each group's answers right below its buttons. */
export function ReplayPanel({ store, capture, scope = '' }: ReplayPanelProps) {
  const replay = useStoreSlice(store, (state) => state.replay);
  const actions = store.replay;
  const now = useNow();

  const facts = useMemo(() => selectReplayCapture(capture.inspection), [capture.inspection]);
  const { exchange, inspection } = capture;
  const suggestion = useMemo(
    () =>
      exchange ? suggestApiBase({ exchange, ...(inspection ? { inspection } : {}) }) : undefined,
    [exchange, inspection],
  );
  const [sessionId, setSessionId] = useState(facts.sessionId ?? '');
  const [confirmDelete, setConfirmDelete] = useState(false);
  // A new selection brings its own session id; a half-confirmed delete must not carry over.
  useEffect(() => {
    setSessionId(facts.sessionId ?? '');
    setConfirmDelete(false);
  }, [capture.id, facts.sessionId]);

  // Tests (and a store of replays alone) render without a DetailPane to set the scope.
  useLayoutEffect(() => actions.setScope(scope), [actions, scope]);
  const sessionAnswers = useMemo(
    () => selectScopedReplays(replay, scope, SESSION_PURPOSES),
    [replay, scope],
  );
  const tokenAnswers = useMemo(
    () => selectScopedReplays(replay, scope, TOKEN_PURPOSES),
    [replay, scope],
  );
  const common = { replay, actions, now };
  return (
    <div class="replay-panel" data-testid="replay-panel">
      <h3 class="section-title">Replay with Uqudo’s Info API</h3>
      <ReplayBaseSuggestion suggestion={suggestion} replay={replay} actions={actions} />
      <ApiBaseField replay={replay} actions={actions} />
      <fieldset class="replay-group">
        <legend>Access token</legend>
        <TokenField replay={replay} actions={actions} now={now} />
        <ClientCredentialsForm origin={replay.apiOrigin} actions={actions} />
        <ReplayList {...common} entries={tokenAnswers} label="Token answers" />
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
        <ReplayProblem problem={selectScopedProblem(replay, scope)} actions={actions} />
        <ReplayList
          {...common}
          entries={sessionAnswers}
          label="Info and delete answers"
          clearable
        />
      </fieldset>
    </div>
  );
}
