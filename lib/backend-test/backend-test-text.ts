// Wording of the backend test: confirmation, credentials note, progress, row outcomes, how a test ended.
import type { Outcome } from '../session/backend-test';
import type { BackendTestRun, TestRow } from './machine';
import type { CarriedCredentials } from './request';
import { MAX_TEST_REQUESTS, REQUEST_DELAY_MS } from './run';
import { tallyRun } from './machine';

/** The button that opens the confirmation. */
export const START_LABEL = 'Test my backend';

/** What the test is, in one sentence (under the section title). */
export const TEST_INTRO =
  'Sends this request again, unchanged (the control), then once per forged result, and compares each answer with the control’s.';

/** The confirmation's main line: where, how many requests, how fast. */
export function describeConfirmation(run: BackendTestRun): string {
  const count = run.plan.steps.length;
  return `Send ${count} request${count === 1 ? '' : 's'} (at most ${MAX_TEST_REQUESTS}, ${REQUEST_DELAY_MS} ms apart) to ${run.plan.method} ${run.plan.url}?`;
}

/** What the requests carry besides the body, and that it goes to this origin only. */
export function describeCredentials(credentials: CarriedCredentials, origin: string): string {
  const reused: string[] = [];
  if (credentials.cookie) reused.push('the browser’s cookies');
  if (credentials.authorization) reused.push('the Authorization header');
  if (credentials.csrfHeaders.length > 0) {
    reused.push(`the anti-CSRF header ${credentials.csrfHeaders.join(', ')}`);
  }
  if (reused.length === 0) {
    return `The original request carried no cookies or CSRF header; none are sent. Requests go to ${origin} only, never to a Uqudo host.`;
  }
  return `Reused from the original request, for ${origin} only: ${reused.join(', ')}. Nothing is sent to any other origin or to a Uqudo host.`;
}

/** Why no mutation rows without an expired result. */
export function describeExpiredNote(run: BackendTestRun): string | undefined {
  return run.plan.steps.some((s) => s.mutation === 'expired')
    ? undefined
    : 'No expired result of this client is in the panel, so the expired row is skipped (capture or import one to include it).';
}

/** The progress line while asking or running. */
export function describeProgress(run: BackendTestRun): string {
  if (run.phase === 'asking') return `Waiting for host access to ${run.plan.origin}…`;
  const done = run.rows.filter((r) => r.state === 'answered' || r.state === 'failed').length;
  return `Sent ${done} of ${run.rows.length}…`;
}

/** How a finished test ended, in words. */
export function describeEnd(run: BackendTestRun): string {
  const control = run.rows[0];
  switch (run.end) {
    case 'refused':
      return `Host access to ${run.plan.origin} was not granted, so nothing was sent.`;
    case 'cancelled':
      return 'Cancelled: the rows below were answered before Cancel; nothing else was sent.';
    case 'control-failed':
      return `The backend did not accept the unchanged request (${control?.status ? `HTTP ${control.status}` : (control?.note ?? 'no answer')}), so no mutation can be judged. A strict backend refuses a result it has already used: post a fresh result and test that request.`;
    default:
      break;
  }
  const tally = tallyRun(run);
  if (tally.accepted.length > 0) {
    return `Your backend accepted ${tally.accepted.length} forged or invalid result${tally.accepted.length === 1 ? '' : 's'}: ${tally.accepted.join(', ')}. It must verify the signature, exp, nonce and one-time use.`;
  }
  return tally.errors > 0
    ? `Every answered mutation was rejected; ${tally.errors} row${tally.errors === 1 ? '' : 's'} could not be judged.`
    : 'Every mutation was rejected: the backend answered each forged or invalid result differently from the control.';
}

/** A row's outcome in words. */
export function describeOutcome(row: TestRow): string {
  const words: Record<Outcome, string> = {
    accepted: row.mutation === 'control' ? 'accepted (control)' : 'accepted — should be refused',
    rejected: 'rejected',
    error: row.state === 'not-sent' ? 'not sent' : 'error',
  };
  if (row.outcome) return words[row.outcome];
  return row.state === 'sending' ? 'sending…' : 'waiting';
}

/** A row's status cell. */
export function describeStatus(row: TestRow): string {
  if (row.status !== undefined && row.status !== 0) return `HTTP ${row.status}`;
  return row.note ?? '—';
}
