// The backend test of one capture as a pure state machine: confirming → asking for access → running → done.
import type { Header } from '../capture/exchange';
import type { BackendTestPlan, Mutation, Outcome } from '../session/backend-test';
import type { CarriedCredentials } from './request';
import type { RowEvent, RunEnd } from './run';

/** One row of the results table. */
export interface TestRow {
  mutation: Mutation;
  description: string;
  state: 'waiting' | 'sending' | 'answered' | 'failed' | 'not-sent';
  status?: number;
  outcome?: Outcome;
  durationMs?: number;
  note?: string;
  /** The token this row sent (memory only; cURL writes it only when the user asks). */
  token?: string;
}

/** Where a test stands. */
type TestPhase = 'confirming' | 'asking' | 'running' | 'done';

/** How a finished test ended. */
export type TestEnd = RunEnd | 'refused';

/** The backend test of one capture: what it sends, and how far it got. */
export interface BackendTestRun {
  captureId: string;
  phase: TestPhase;
  plan: BackendTestPlan;
  /** The captured body, the token in it, and what the requests carry besides. */
  body: string;
  token: string;
  expiredToken?: string;
  headers: Header[];
  credentials: CarriedCredentials;
  rows: TestRow[];
  end?: TestEnd;
}

/** A test waiting for the user's confirmation. */
export function createRun(fields: Omit<BackendTestRun, 'phase' | 'rows' | 'end'>): BackendTestRun {
  return {
    ...fields,
    phase: 'confirming',
    rows: fields.plan.steps.map((step) => ({
      mutation: step.mutation,
      description: step.description,
      state: 'waiting',
    })),
  };
}

/** The run once the user confirmed: asking for host access, then running. */
export function advanceRun(run: BackendTestRun, phase: 'asking' | 'running'): BackendTestRun {
  return { ...run, phase, end: undefined };
}

/** The run with one row event applied (unknown rows are ignored). */
export function applyRowEvent(run: BackendTestRun, event: RowEvent): BackendTestRun {
  const row = run.rows[event.index];
  if (!row) return run;
  let next: TestRow;
  if (event.type === 'sending') next = { ...row, state: 'sending', token: event.token };
  else if (event.type === 'failed') {
    next = { ...row, state: 'failed', outcome: 'error', note: event.message };
  } else {
    next = {
      ...row,
      state: 'answered',
      status: event.status,
      outcome: event.outcome,
      durationMs: event.durationMs,
      ...(event.note !== undefined && { note: event.note }),
    };
  }
  const rows = [...run.rows];
  rows[event.index] = next;
  return { ...run, rows };
}

/** The finished run: rows that never got an answer are `not-sent` (outcome error). */
export function finishRun(run: BackendTestRun, end: TestEnd): BackendTestRun {
  const rows = run.rows.map((row): TestRow =>
    row.state === 'answered' || row.state === 'failed'
      ? row
      : { ...row, state: 'not-sent', outcome: 'error' },
  );
  return { ...run, phase: 'done', end, rows };
}

/** Counts of the answered mutation rows (the control excluded). */
export interface TestTally {
  accepted: Mutation[];
  rejected: number;
  errors: number;
}

/** Which mutations the backend accepted, and how many it rejected or could not be judged. */
export function tallyRun(run: BackendTestRun): TestTally {
  const tally: TestTally = { accepted: [], rejected: 0, errors: 0 };
  for (const row of run.rows) {
    if (row.mutation === 'control') continue;
    if (row.outcome === 'accepted') tally.accepted.push(row.mutation);
    else if (row.outcome === 'rejected') tally.rejected += 1;
    else if (row.outcome === 'error') tally.errors += 1;
  }
  return tally;
}
