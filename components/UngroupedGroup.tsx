// UngroupedGroup: the captures no session claims (pastes, replays, other JWTs), as one expandable row.
import { useLayoutEffect, useRef } from 'preact/hooks';
import { describeKind, describeRequest } from '../lib/format/capture-words';
import { formatClockTime } from '../lib/format/clock';
import { describeUngrouped } from '../lib/session/session-text';
import type { UngroupedCaptures } from '../lib/store';
import { VerdictBadge } from './VerdictBadge';
import { VisibleText } from './UntrustedText';

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
  const detail = useRef<HTMLDivElement>(null);
  const measure = useRef(props.onMeasure);
  measure.current = props.onMeasure;
  useLayoutEffect(() => {
    if (expanded && detail.current) measure.current(detail.current.offsetHeight);
  }, [expanded, ungrouped]);
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
        <div ref={detail} class="session-detail">
          <ol class="session-timeline">
            {ungrouped.newest.map((capture) => (
              <li key={capture.id}>
                <button
                  type="button"
                  class={`timeline-entry ${capture.id === props.selectedId ? 'selected' : ''}`}
                  data-testid="ungrouped-entry"
                  onClick={() => props.onSelect(capture.id)}
                >
                  <span class="cell-time">{formatClockTime(capture.exchange.time)}</span>
                  <span class="timeline-request">
                    <VisibleText text={describeRequest(capture)} />
                  </span>
                  <span class="timeline-where">{describeKind(capture)}</span>
                  <span class="timeline-status">
                    {capture.verdict && <VerdictBadge verdict={capture.verdict} />}
                  </span>
                </button>
              </li>
            ))}
          </ol>
          {ungrouped.count > ungrouped.newest.length && (
            <button type="button" class="link-button" onClick={props.onShowTokens}>
              {ungrouped.count - ungrouped.newest.length} more: show the token list
            </button>
          )}
        </div>
      )}
    </div>
  );
}
