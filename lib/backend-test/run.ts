// runBackendTest: lib/backend-test's one effectful edge — sends the control, then one request per mutation.
import type { Header } from '../capture/exchange';
import {
  isUqudoTarget,
  judgeAnswer,
  substituteToken,
  type BackendAnswer,
  type BackendTestPlan,
  type Outcome,
} from '../session/backend-test';
import { generateForeignKey, type ForeignKey } from '../session/mutations';
import { buildRowToken } from './tokens';

/** The most requests one test sends, whatever the plan says. */
export const MAX_TEST_REQUESTS = 8;
/** Pause between two requests, so a test never floods the backend. */
export const REQUEST_DELAY_MS = 250;
/** Each request gives up after this long. */
const REQUEST_TIMEOUT_MS = 15_000;
/** Answer bodies are read up to this many characters (enough to compare JSON answers). */
const MAX_ANSWER_CHARS = 64 * 1024;

/** One test to run: the plan, the captured body and token, and what to resend with it. */
export interface BackendTestJob {
  plan: BackendTestPlan;
  body: string;
  token: string;
  expiredToken?: string;
  headers: readonly Header[];
  /** Let the browser add its cookies for the plan's origin (the captured request carried some). */
  withCookies: boolean;
}

/** What happened to one row. */
export type RowEvent =
  | { index: number; type: 'sending'; token: string }
  | {
      index: number;
      type: 'answered';
      status: number;
      outcome: Outcome;
      durationMs: number;
      note?: string;
    }
  | { index: number; type: 'failed'; message: string };

/** How a run ended. */
export type RunEnd = 'finished' | 'cancelled' | 'control-failed';

/** Effects of a run (all injectable; tests pass an immediate `wait`). */
export interface RunDeps {
  fetch: typeof fetch;
  signal: AbortSignal;
  /** Resolves after `ms`, or as soon as `signal` aborts. */
  wait?: (ms: number, signal: AbortSignal) => Promise<void>;
  generateKey?: () => Promise<ForeignKey>;
  now?: () => number;
}

/** setTimeout, cut short by the signal. */
function waitFor(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

/** The answer and how long it took; status 0 with a note when nothing usable came back. */
type SentAnswer = BackendAnswer & { durationMs: number; note?: string };

async function readCapped(response: Response): Promise<string> {
  const text = await response.text();
  return text.length > MAX_ANSWER_CHARS ? text.slice(0, MAX_ANSWER_CHARS) : text;
}

/** Sends one request; never follows a redirect (it could lead to another origin), never throws. */
async function sendOne(
  job: BackendTestJob,
  body: string,
  deps: RunDeps,
  now: () => number,
): Promise<SentAnswer> {
  const started = now();
  const controller = new AbortController();
  const abort = () => controller.abort();
  deps.signal.addEventListener('abort', abort, { once: true });
  const timer = setTimeout(abort, REQUEST_TIMEOUT_MS);
  try {
    const headers = new Headers();
    for (const header of job.headers) headers.append(header.name, header.value);
    const response = await deps.fetch(job.plan.url, {
      method: job.plan.method,
      headers,
      body,
      redirect: 'manual',
      credentials: job.withCookies ? 'include' : 'omit',
      cache: 'no-store',
      signal: controller.signal,
    });
    if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
      return { status: 0, durationMs: now() - started, note: 'redirected (not followed)' };
    }
    return {
      status: response.status,
      body: await readCapped(response),
      contentType: response.headers.get('content-type') ?? '',
      durationMs: now() - started,
    };
  } catch (error) {
    const note = deps.signal.aborted
      ? 'cancelled'
      : controller.signal.aborted
        ? 'timed out'
        : `no answer (${error instanceof Error ? error.message : String(error)})`;
    return { status: 0, durationMs: now() - started, note };
  } finally {
    clearTimeout(timer);
    deps.signal.removeEventListener('abort', abort);
  }
}

/** The refusal, if the plan's target must not be sent anything. */
function refuseTarget(plan: BackendTestPlan): string | undefined {
  if (isUqudoTarget(plan.url)) return 'never sent to a Uqudo host';
  try {
    if (new URL(plan.url).origin !== plan.origin) return 'the URL left the captured origin';
  } catch {
    return 'the request URL does not parse';
  }
  return undefined;
}

/**
 * Runs the test: the control (the captured request unchanged) first, then each mutation, one at a
 * time with REQUEST_DELAY_MS between them, never more than MAX_TEST_REQUESTS, only to the plan's
 * URL (its captured origin, never a Uqudo host). Each answer is judged against the control's; a
 * control the backend did not accept ends the run (nothing else can be judged). `report` gets
 * every row event; tokens go nowhere but the request. Never throws.
 */
export async function runBackendTest(
  job: BackendTestJob,
  deps: RunDeps,
  report: (event: RowEvent) => void,
): Promise<RunEnd> {
  const wait = deps.wait ?? waitFor;
  const now = deps.now ?? (() => Date.now());
  let key: Promise<ForeignKey> | undefined;
  const foreignKey = () => (key ??= (deps.generateKey ?? generateForeignKey)());
  let control: BackendAnswer | undefined;
  const steps = job.plan.steps.slice(0, MAX_TEST_REQUESTS);
  for (const [index, step] of steps.entries()) {
    if (deps.signal.aborted) return 'cancelled';
    if (index > 0) await wait(REQUEST_DELAY_MS, deps.signal);
    if (deps.signal.aborted) return 'cancelled';
    const refused = refuseTarget(job.plan);
    const built = refused
      ? ({ ok: false, message: refused } as const)
      : await buildRowToken(step.mutation, {
          token: job.token,
          ...(job.expiredToken !== undefined && { expiredToken: job.expiredToken }),
          foreignKey,
        });
    const body = built.ok
      ? substituteToken(job.body, job.plan.location, built.token, job.token)
      : built;
    if (!body.ok) {
      report({ index, type: 'failed', message: body.message });
      if (index === 0) return 'control-failed';
      continue;
    }
    report({ index, type: 'sending', token: built.ok ? built.token : job.token });
    const answer = await sendOne(job, body.body, deps, now);
    if (deps.signal.aborted) return 'cancelled';
    control ??= answer;
    const outcome = judgeAnswer(control, answer);
    report({
      index,
      type: 'answered',
      status: answer.status,
      outcome,
      durationMs: answer.durationMs,
      ...(answer.note !== undefined && { note: answer.note }),
    });
    if (index === 0 && outcome !== 'accepted') return 'control-failed';
  }
  return 'finished';
}
