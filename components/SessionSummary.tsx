// SessionSummary: integration findings across all sessions, counted per code; a click jumps to a session.
import { describeFindingCounts, FINDING_TITLES } from '../lib/session/session-text';
import { selectSessionSummary, type SessionFindingCode } from '../lib/store';
import { useInspector } from './store-context';

/** Props of {@link SessionSummary}. */
export interface SessionSummaryProps {
  /** Jumps to the newest session with this finding. */
  onJump: (code: SessionFindingCode) => void;
}

/** One chip per finding code with its count (the store's summary); nothing before the first session. */
export function SessionSummary({ onJump }: SessionSummaryProps) {
  const summary = useInspector(selectSessionSummary);
  if (summary.sessions === 0) return null;
  const codes = Object.keys(summary.byCode) as SessionFindingCode[];
  return (
    <div class="session-summary" data-testid="session-summary" aria-label="Integration findings">
      <span class="session-summary-total">
        {summary.sessions} session{summary.sessions === 1 ? '' : 's'}:{' '}
        {describeFindingCounts(summary.errors, summary.warnings)}
      </span>
      {codes.map((code) => (
        <button
          key={code}
          type="button"
          class="session-summary-chip"
          data-summary-code={code}
          title="Show the newest session with this finding"
          onClick={() => onJump(code)}
        >
          {FINDING_TITLES[code]} ×{summary.byCode[code]}
        </button>
      ))}
    </div>
  );
}
