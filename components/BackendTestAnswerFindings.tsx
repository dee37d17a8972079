// BackendTestAnswerFindings: what the backend answered to the page's own post, judged against the result (passive).
import type { SessionFinding } from '../lib/session/findings';

/** Props of {@link BackendTestAnswerFindings}. */
export interface BackendTestAnswerFindingsProps {
  findings: readonly SessionFinding[];
}

/** The session's backend-answer findings (text only), each with Uqudo's recommendation. */
export function BackendTestAnswerFindings({ findings }: BackendTestAnswerFindingsProps) {
  if (findings.length === 0) return null;
  return (
    <ul class="finding-list backend-test-findings">
      {findings.map((finding, index) => (
        <li
          key={`${index}-${finding.code}`}
          class={`finding finding-${finding.severity} level-${finding.severity === 'error' ? 'bad' : 'warn'}`}
          data-finding-code={finding.code}
        >
          <span class="finding-icon" aria-hidden="true">
            {finding.severity === 'error' ? '✖' : '▲'}
          </span>
          <span class="finding-severity">{finding.severity}</span>
          <span class="finding-message" dir="ltr">
            {finding.message} <span class="muted">{finding.recommendation}</span>
          </span>
          <code class="finding-code">{finding.code}</code>
        </li>
      ))}
    </ul>
  );
}
