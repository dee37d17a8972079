// SessionField: the session id to replay, GET info (path or header), and delete behind an inline confirmation.
import type { ReplayActions } from '../lib/replay/slice';
import { selectSessionIdProblem } from '../lib/replay/selectors';

/** Props of {@link SessionField}; the id and the confirmation are held by the panel. */
export interface SessionFieldProps {
  sessionId: string;
  onSessionId: (text: string) => void;
  /** Where the capture's own session id came from, shown while the field still holds it. */
  source?: { sessionId: string; from: string };
  confirmDelete: boolean;
  onConfirmDelete: (asking: boolean) => void;
  origin: string | undefined;
  actions: ReplayActions;
}

/** The session row and its actions; a delete goes out only after "Delete session" is clicked. */
export function SessionField(props: SessionFieldProps) {
  const { actions, confirmDelete, onConfirmDelete, source } = props;
  const trimmedId = props.sessionId.trim();
  const idProblem = selectSessionIdProblem(props.sessionId);
  return (
    <>
      <div class="replay-row">
        <input
          type="text"
          class="replay-session-input"
          value={props.sessionId}
          onInput={(event) => props.onSessionId(event.currentTarget.value)}
          placeholder="Session id (UUID)"
          aria-label="Session id"
          data-testid="replay-session-id"
          spellcheck={false}
        />
        {source && trimmedId === source.sessionId && <span class="muted">from {source.from}</span>}
      </div>
      {idProblem && <p class="level-warn">{idProblem}</p>}
      <div class="replay-row replay-buttons">
        <button
          type="button"
          disabled={trimmedId === ''}
          onClick={() => void actions.fetchInfo(trimmedId, 'path')}
          data-testid="replay-fetch-info"
          title="GET {base}/api/v1/info/{sessionId}"
        >
          GET info
        </button>
        <button
          type="button"
          disabled={trimmedId === ''}
          onClick={() => void actions.fetchInfo(trimmedId, 'header')}
          data-testid="replay-fetch-info-header"
          title="GET {base}/api/v1/info with the UQ-Session-ID header"
        >
          GET info (UQ-Session-ID header)
        </button>
        <button
          type="button"
          class="danger"
          disabled={trimmedId === '' || confirmDelete}
          onClick={() => onConfirmDelete(true)}
          data-testid="replay-delete"
        >
          Delete…
        </button>
      </div>
      {confirmDelete && (
        <div class="replay-confirm level-bad" role="alertdialog" aria-label="Confirm delete">
          <p data-testid="replay-delete-question">
            Delete session <code>{trimmedId}</code> at{' '}
            <code>{props.origin ?? '(no API base)'}</code>? Its result and images are gone for good.
          </p>
          <button
            type="button"
            class="danger"
            onClick={() => {
              onConfirmDelete(false);
              void actions.deleteSession(trimmedId);
            }}
            data-testid="replay-delete-confirm"
          >
            Delete session
          </button>
          <button
            type="button"
            onClick={() => onConfirmDelete(false)}
            data-testid="replay-delete-cancel"
          >
            Keep it
          </button>
        </div>
      )}
    </>
  );
}
