// SessionTimeline: the requests of one session in time order; an entry with a token selects its capture.
import { formatClockTime } from '../lib/format/clock';
import { describeRole, describeTimelineWhere } from '../lib/session/detail-text';
import type { Session } from '../lib/store';
import { VisibleText } from './UntrustedText';

/** Props of {@link SessionTimeline}. */
export interface SessionTimelineProps {
  timeline: Session['timeline'];
  /** Exchange id of the selected capture, to mark its entry. */
  selectedExchangeId: string | undefined;
  onSelectEntry: (exchangeId: string) => void;
}

/** One button per request: time, method, host and path, where the token was, status, role. */
export function SessionTimeline({
  timeline,
  selectedExchangeId,
  onSelectEntry,
}: SessionTimelineProps) {
  return (
    <ol class="session-timeline" data-testid="session-timeline">
      {timeline.map((entry) => (
        <li key={entry.exchangeId}>
          <button
            type="button"
            class={`timeline-entry ${entry.exchangeId === selectedExchangeId ? 'selected' : ''}`}
            data-testid="timeline-entry"
            data-exchange-id={entry.exchangeId}
            data-role={entry.role}
            title="Show this request's token in the detail"
            onClick={() => onSelectEntry(entry.exchangeId)}
          >
            <span class="cell-time">{formatClockTime(entry.time)}</span>
            <span class="timeline-request">
              <VisibleText text={`${entry.method} ${entry.host}${entry.path}`} />
            </span>
            <span class="timeline-where">
              <VisibleText text={describeTimelineWhere(entry.where)} />
            </span>
            <span class="timeline-status">{entry.status || '—'}</span>
            <span class="timeline-role muted">{describeRole(entry.role)}</span>
          </button>
        </li>
      ))}
    </ol>
  );
}
