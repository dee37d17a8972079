// FindingList: every finding of an inspection with severity icon + word, message and code, errors first.
import { revealInvisible } from '../lib/format/visible';
import { splitFindingMessage, type Finding, type Severity } from '../lib/jose/findings';
import { UntrustedText } from './UntrustedText';

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const SEVERITY_ICONS: Record<Severity, string> = { error: '✖', warning: '▲', info: 'ℹ' };
const SEVERITY_LEVELS: Record<Severity, 'bad' | 'warn' | 'info'> = {
  error: 'bad',
  warning: 'warn',
  info: 'info',
};

/** Findings sorted errors → warnings → info, keeping the engine's order within a severity. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  // Array.prototype.sort is stable, so equal severities keep their original order.
  return [...findings].sort(
    (a, b) => (SEVERITY_ORDER[a.severity] ?? 3) - (SEVERITY_ORDER[b.severity] ?? 3),
  );
}

/** Props of {@link FindingList}. */
export interface FindingListProps {
  findings: readonly Finding[];
}

/** The findings as a list; "No findings" when there are none. */
export function FindingList({ findings }: FindingListProps) {
  if (findings.length === 0) return <p class="finding-empty">No findings</p>;
  return (
    <ul class="finding-list">
      {sortFindings(findings).map((finding, index) => (
        <li
          key={`${index}-${finding.code}`}
          class={`finding finding-${finding.severity} level-${SEVERITY_LEVELS[finding.severity] ?? 'info'}`}
        >
          <span class="finding-icon" aria-hidden="true">
            {SEVERITY_ICONS[finding.severity] ?? '•'}
          </span>
          <span class="finding-severity">{finding.severity}</span>
          <span class="finding-message" dir="ltr">
            <FindingMessage message={finding.message} />
          </span>
          <code class="finding-code">{finding.code}</code>
        </li>
      ))}
    </ul>
  );
}

/**
 * A finding message: the engine's words as text (any invisible character shown by name), each
 * value it quoted from the token as {@link UntrustedText}, so a crafted kid cannot read as ours.
 */
function FindingMessage({ message }: { message: string }) {
  return (
    <>
      {splitFindingMessage(message).map((part, index) =>
        part.quoted ? <UntrustedText key={index} text={part.text} /> : revealInvisible(part.text),
      )}
    </>
  );
}
