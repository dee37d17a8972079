// UngroupedGroup: the captures no session claims (pastes, replays, other JWTs), as one expandable row.
import { describeUngrouped } from '../lib/session/session-text';
import type { UngroupedCaptures } from '../lib/store';
import { LazyUngroupedDetail } from './lazy/LazyUngroupedDetail';

/** Props of {@link UngroupedGroup}. */
export interface UngroupedGroupProps {
  ungrouped: UngroupedCaptures;
  expanded: boolean;
  rowHeight: number;
  selectedId: string | undefined;
  onToggle: () => void;
  onSelect: (captureId: string) => void;
  /** Switches to the flat token list (which lists every capture). */
  onShowTokens: () => void;
  onMeasure: (height: number) => void;
}

/** Collapsed: a count; expanded: the newest ungrouped captures, each selectable. */
export function UngroupedGroup(props: UngroupedGroupProps) {
  const { ungrouped, expanded } = props;
  return (
    <div class="session-row ungrouped-row" data-testid="ungrouped-row" data-count={ungrouped.count}>
      <button
        type="button"
        class="session-head"
        aria-expanded={expanded}
        style={{ height: `${props.rowHeight}px` }}
        onClick={props.onToggle}
      >
        <span class="session-caret" aria-hidden="true">
          {expanded ? '▾' : '▸'}
        </span>
        <span class="session-title">{describeUngrouped(ungrouped.count)}</span>
      </button>
      {expanded && (
        <LazyUngroupedDetail
          onMeasure={props.onMeasure}
          ungrouped={ungrouped}
          selectedId={props.selectedId}
          onSelect={props.onSelect}
          onShowTokens={props.onShowTokens}
        />
      )}
    </div>
  );
}
