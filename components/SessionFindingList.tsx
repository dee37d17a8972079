// SessionFindingList: a session's cross-request and integration findings, each with Uqudo's recommendation.
import { FINDING_TITLES } from '../lib/session/session-text';
import type { SessionFinding } from '../lib/store';
import { VisibleText } from './UntrustedText';

/** Props of {@link SessionFindingList}. */
export interface SessionFindingListProps {
  findings: readonly SessionFinding[];
}

/** Test contract: one element per finding with `data-finding-code`. */
export function SessionFindingList({ findings }: SessionFindingListProps) {
  if (findings.length === 0) {
    return (
      <p class="muted session-findings-none" data-testid="session-findings-none">
        No cross-request or integration findings.
      </p>
    );
  }
  return (
    <ul class="session-findings" data-testid="session-findings">
      {findings.map((finding, index) => (
        <li
          key={`${finding.code}-${index}`}
          class={`session-finding level-${finding.severity === 'error' ? 'bad' : 'warn'}`}
          data-finding-code={finding.code}
          data-severity={finding.severity}
        >
          <span class="level-marker" aria-hidden="true" />
          <div>
            <strong>{FINDING_TITLES[finding.code]}</strong>{' '}
            <span class="session-finding-severity">({finding.severity})</span>
            <div class="session-finding-message">
              {/* Messages quote page values (nonces, hosts): text only, invisible characters shown. */}
              <VisibleText text={finding.message} />
            </div>
            <div class="session-finding-advice">Uqudo recommends: {finding.recommendation}</div>
          </div>
        </li>
      ))}
    </ul>
  );
}
