// SessionRow: one Uqudo session — document type, verdict, face match, expiry, requests — expandable to its detail.
import {
  describeFaceMatch,
  describeFindingCounts,
  describeRequestCount,
  describeSessionTitle,
} from '../lib/session/session-text';
import type { Session } from '../lib/store';
import { ExpiryCountdown } from './ExpiryCountdown';
import { LazySessionDetail as SessionDetail } from './lazy/LazySessionDetail';
import { VerdictBadge } from './VerdictBadge';
import { VisibleText } from './UntrustedText';

/** Props of {@link SessionRow}. */
export interface SessionRowProps {
  session: Session;
  expanded: boolean;
  /** The selected capture belongs to this session. */
  current: boolean;
  rowHeight: number;
  selectedExchangeId: string | undefined;
  onToggle: (id: string) => void;
  onSelectEntry: (exchangeId: string) => void;
  onMeasure: (height: number) => void;
}

/**
 * Test contract: `data-testid="session-row"` with `data-session-id` (jti, or data.sessionId for
 * face sessions), `data-verdict` (the result's verdict) and `data-requests` (requests spanned).
 */
export function SessionRow(props: SessionRowProps) {
  const { session, expanded, rowHeight } = props;
  const errors = session.findings.filter((f) => f.severity === 'error').length;
  const warnings = session.findings.length - errors;
  const level = errors > 0 ? 'level-bad' : warnings > 0 ? 'level-warn' : 'muted';
  return (
    <div
      class={`session-row ${props.current ? 'current' : ''}`}
      data-testid="session-row"
      data-session-id={session.id}
      data-verdict={session.verdict}
      data-requests={session.requests}
    >
      <button
        type="button"
        class="session-head"
        aria-expanded={expanded}
        data-testid="session-head"
        style={{ height: `${rowHeight}px` }}
        onClick={() => props.onToggle(session.id)}
      >
        <span class="session-caret" aria-hidden="true">
          {expanded ? '▾' : '▸'}
        </span>
        <span class="session-title">
          <VisibleText text={describeSessionTitle(session)} />
        </span>
        <span class="cell-verdict">
          {session.verdict ? (
            <VerdictBadge verdict={session.verdict} />
          ) : (
            <span class="muted">no result yet</span>
          )}
        </span>
        <span class="session-face">{describeFaceMatch(session.faceMatchLevel)}</span>
        <span class="session-expiry-cell">
          {session.expiresAt !== undefined && <ExpiryCountdown expiresAt={session.expiresAt} />}
        </span>
        <span class="session-requests">{describeRequestCount(session.requests)}</span>
        <span class={`session-counts ${level}`}>{describeFindingCounts(errors, warnings)}</span>
        <span class="session-id cell-jti" title={session.id}>
          <VisibleText text={session.id} />
        </span>
      </button>
      {expanded && (
        <SessionDetail
          session={session}
          selectedExchangeId={props.selectedExchangeId}
          onSelectEntry={props.onSelectEntry}
          onMeasure={props.onMeasure}
        />
      )}
    </div>
  );
}
