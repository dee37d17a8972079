// ReplayList: every replay sent (newest first) with its result, and "Clear replays".
import type { ReplayActions, ReplayState } from '../lib/replay/slice';
import { ReplayResultView } from './ReplayResultView';

/** Props of {@link ReplayList}. */
export interface ReplayListProps {
  replay: ReplayState;
  actions: ReplayActions;
  /** Current time in milliseconds (pending rows show how long they have run). */
  now: number;
}

/** The replay list; nothing is rendered before the first replay. */
export function ReplayList({ replay, actions, now }: ReplayListProps) {
  if (replay.replays.length === 0) return null;
  return (
    <section class="replay-list" aria-label="Replays" data-testid="replay-list">
      <div class="replay-row">
        <h4 class="section-title">Replays ({replay.replays.length})</h4>
        <button type="button" class="link-button" onClick={actions.clearReplays}>
          Clear replays
        </button>
      </div>
      {replay.replays.map((entry) => (
        <ReplayResultView
          key={entry.id}
          entry={entry}
          token={replay.token}
          tokenOrigin={replay.tokenOrigin}
          now={now}
          onCancel={actions.cancel}
        />
      ))}
    </section>
  );
}
