// UngroupedDetail: the expanded ungrouped row — the newest captures no session claims, each selectable.
import { useLayoutEffect, useRef } from 'preact/hooks';
import { describeKind, describeRequest } from '../lib/format/capture-words';
import { formatClockTime } from '../lib/format/clock';
import type { UngroupedCaptures } from '../lib/store';
import { VerdictBadge } from './VerdictBadge';
import { VisibleText } from './UntrustedText';

/** Props of {@link UngroupedDetail}. */
export interface UngroupedDetailProps {
  /** Reports the rendered height (the virtualised list makes room for it). */
  onMeasure: (height: number) => void;
  ungrouped: UngroupedCaptures;
  selectedId: string | undefined;
  onSelect: (captureId: string) => void;
  onShowTokens: () => void;
}

/** The list below an expanded ungrouped row. */
export function UngroupedDetail({
  onMeasure,
  ungrouped,
  selectedId,
  onSelect,
  onShowTokens,
}: UngroupedDetailProps) {
  const detail = useRef<HTMLDivElement>(null);
  const measure = useRef(onMeasure);
  measure.current = onMeasure;
  useLayoutEffect(() => {
    if (detail.current) measure.current(detail.current.offsetHeight);
  }, [ungrouped]);
  return (
    <div ref={detail} class="session-detail">
      <ol class="session-timeline">
        {ungrouped.newest.map((capture) => (
          <li key={capture.id}>
            <button
              type="button"
              class={`timeline-entry ${capture.id === selectedId ? 'selected' : ''}`}
              data-testid="ungrouped-entry"
              onClick={() => onSelect(capture.id)}
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
        <button type="button" class="link-button" onClick={onShowTokens}>
          {ungrouped.count - ungrouped.newest.length} more: show the token list
        </button>
      )}
    </div>
  );
}
