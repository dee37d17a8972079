// AccessRow: the replay API base's host access — its state in words and the "Allow access" button.
import type { AccessState } from '../lib/permissions/access';
import { describeReplayAccess } from '../lib/replay/replay-text';

/** Props of {@link AccessRow}. */
export interface AccessRowProps {
  origin: string;
  state: AccessState | undefined;
  onRequest: () => void;
}

/** "Allow access to <origin>" until access is granted, and what the current state means. */
export function AccessRow({ origin, state, onRequest }: AccessRowProps) {
  return (
    <div class="replay-row">
      {state !== 'granted' && (
        <button type="button" onClick={onRequest} data-testid="replay-access">
          Allow access to {origin}
        </button>
      )}
      <span
        class={state === 'refused' ? 'level-bad' : state === 'granted' ? 'level-good' : 'muted'}
        data-testid="replay-access-state"
        data-state={state ?? 'unknown'}
      >
        {state ? describeReplayAccess(state, origin) : ''}
      </span>
    </div>
  );
}
