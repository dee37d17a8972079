// BackendTestRow: one mutation of the backend test — what it sent, the status, the outcome and its cURL.
import { describeOutcome, describeStatus } from '../lib/backend-test/backend-test-text';
import { renderTestCurl } from '../lib/backend-test/curl';
import type { BackendTestRun, TestRow } from '../lib/backend-test/machine';
import { CopyButton } from './CopyButton';

/** Props of {@link BackendTestRow}. */
export interface BackendTestRowProps {
  run: BackendTestRun;
  row: TestRow;
  includeSecrets: boolean;
}

const OUTCOME_LEVELS = { accepted: 'level-bad', rejected: 'level-good', error: 'level-warn' };

/** One row; a forged result the backend accepted is shown as an error (the control as accepted). */
export function BackendTestRow({ run, row, includeSecrets }: BackendTestRowProps) {
  const level =
    row.mutation === 'control'
      ? row.outcome === 'accepted'
        ? 'level-good'
        : 'level-warn'
      : row.outcome
        ? OUTCOME_LEVELS[row.outcome]
        : 'muted';
  return (
    <tr
      data-testid="backend-test-row"
      data-mutation={row.mutation}
      data-outcome={row.outcome}
      data-state={row.state}
    >
      <td>
        <code>{row.mutation}</code>
      </td>
      <td class="muted">{row.description}</td>
      <td data-testid="backend-test-status">{describeStatus(row)}</td>
      <td class={level}>{describeOutcome(row)}</td>
      <td>
        {row.token !== undefined ? (
          <CopyButton
            text={() => renderTestCurl(run, row, includeSecrets) ?? ''}
            label="Copy as cURL"
            title={
              includeSecrets
                ? 'Copy this request as a cURL command, with its token and credentials'
                : 'Copy this request as a cURL command ($UQUDO_RESULT and credentials left to shell variables)'
            }
          />
        ) : null}
      </td>
    </tr>
  );
}
