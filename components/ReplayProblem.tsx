// ReplayProblem: why the selected session's last replay action was not sent, with Dismiss.
import type { ReplayActions } from '../lib/replay/slice';

/** The problem line; nothing when there is none. */
export function ReplayProblem({
  problem,
  actions,
}: {
  problem: string | undefined;
  actions: ReplayActions;
}) {
  if (!problem) return null;
  return (
    <div class="replay-problem level-bad" role="alert" data-testid="replay-problem">
      <span>{problem}</span>{' '}
      <button type="button" class="link-button" onClick={actions.dismissProblem}>
        Dismiss
      </button>
    </div>
  );
}
