// BackendTestConfirm: names the URL, the number of requests and the reused credentials before anything is sent.
import {
  describeConfirmation,
  describeCredentials,
  describeExpiredNote,
} from '../lib/backend-test/backend-test-text';
import type { BackendTestRun } from '../lib/backend-test/machine';

/** Props of {@link BackendTestConfirm}. */
export interface BackendTestConfirmProps {
  run: BackendTestRun;
  onConfirm: () => void;
  onCancel: () => void;
}

/** The confirmation: Send (asks Chrome for host access to the origin first) or Cancel. */
export function BackendTestConfirm({ run, onConfirm, onCancel }: BackendTestConfirmProps) {
  const expiredNote = describeExpiredNote(run);
  return (
    <div class="backend-test-confirm" role="group" data-testid="backend-test-confirmation">
      <p data-testid="backend-test-confirm-text">{describeConfirmation(run)}</p>
      <p class="muted" data-testid="backend-test-credentials">
        {describeCredentials(run.credentials, run.plan.origin)}
      </p>
      {expiredNote ? <p class="muted">{expiredNote}</p> : null}
      <ol class="backend-test-plan">
        {run.plan.steps.map((step) => (
          <li key={step.mutation}>
            <code>{step.mutation}</code> — {step.description}
          </li>
        ))}
      </ol>
      <div class="backend-test-actions">
        <button type="button" class="danger" data-testid="backend-test-confirm" onClick={onConfirm}>
          Send {run.plan.steps.length} requests
        </button>
        <button type="button" data-testid="backend-test-dismiss" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
