// BackendTestTable: progress with Cancel, then mutation → status → outcome, with "Copy as cURL" per row.
import { useState } from 'preact/hooks';
import { describeEnd, describeProgress } from '../lib/backend-test/backend-test-text';
import type { BackendTestRun } from '../lib/backend-test/machine';
import { tallyRun } from '../lib/backend-test/machine';
import { BackendTestRow } from './BackendTestRow';

/** Props of {@link BackendTestTable}. */
export interface BackendTestTableProps {
  run: BackendTestRun;
  onCancel: () => void;
  onAgain: () => void;
}

/** The results of one test (test contract: rows `backend-test-row` with data-mutation / data-outcome). */
export function BackendTestTable({ run, onCancel, onAgain }: BackendTestTableProps) {
  const [includeSecrets, setIncludeSecrets] = useState(false);
  const done = run.phase === 'done';
  const accepted = done && tallyRun(run).accepted.length > 0;
  return (
    <div class="backend-test-results" data-testid="backend-test-table" data-phase={run.phase}>
      {done ? (
        <p
          class={accepted || run.end !== 'finished' ? 'level-bad' : 'level-good'}
          data-testid="backend-test-summary"
          data-end={run.end}
        >
          {describeEnd(run)}
        </p>
      ) : (
        <p class="backend-test-actions" data-testid="backend-test-progress">
          <span>{describeProgress(run)}</span>
          <button type="button" data-testid="backend-test-cancel" onClick={onCancel}>
            Cancel
          </button>
        </p>
      )}
      <table class="backend-test-table">
        <thead>
          <tr>
            <th scope="col">Mutation</th>
            <th scope="col">What was sent</th>
            <th scope="col">Status</th>
            <th scope="col">Outcome</th>
            <th scope="col">
              <span class="sr-only">cURL</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {run.rows.map((row) => (
            <BackendTestRow
              key={row.mutation}
              run={run}
              row={row}
              includeSecrets={includeSecrets}
            />
          ))}
        </tbody>
      </table>
      <p class="backend-test-actions">
        <label>
          <input
            type="checkbox"
            data-testid="backend-test-curl-secrets"
            checked={includeSecrets}
            onChange={(event) => setIncludeSecrets((event.target as HTMLInputElement).checked)}
          />{' '}
          include tokens and credentials in cURL
        </label>
        {done ? (
          <button type="button" data-testid="backend-test-again" onClick={onAgain}>
            Test again
          </button>
        ) : null}
      </p>
    </div>
  );
}
