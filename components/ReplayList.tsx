// ReplayList: the answers to one group of replay buttons in the selected session (newest first).
import type { ReplayActions, ReplayEntry, ReplayState } from '../lib/replay/slice';
import { ReplayResultView } from './ReplayResultView';

/** Props of {@link ReplayList}. */
export interface ReplayListProps {
  entries: readonly ReplayEntry[];
  replay: ReplayState;
  actions: ReplayActions;
  /** Current time in milliseconds (pending rows show how long they have run). */
  now: number;
  /** Accessible name of the list, e.g. "Info and delete answers". */
  label: string;
  /** Offer "Clear replays" (of the whole session). */
  clearable?: boolean;
}

/** The answers; nothing is rendered before the first one. */
export function ReplayList({ entries, replay, actions, now, label, clearable }: ReplayListProps) {
  if (entries.length === 0) return null;
  return (
    <section class="replay-list" aria-label={label} data-testid="replay-list">
      {clearable && (
        <div class="replay-row">
          <span class="muted">
            {entries.length} {entries.length === 1 ? 'answer' : 'answers'}
          </span>
          <button type="button" class="link-button" onClick={actions.clearReplays}>
            Clear replays
          </button>
        </div>
      )}
      {entries.map((entry) => (
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
