// Unit tests of runBackendTest's safety rules over a recording fetch: order, delay, cap, Cancel, origin, redirects, cookies.
import { describe, expect, it } from 'vitest';
import { planBackendTest, type BackendTestPlan } from '../session/backend-test';
import { generateForeignKey } from '../session/mutations';
import { MAX_TEST_REQUESTS, REQUEST_DELAY_MS, runBackendTest, type BackendTestJob } from './run';
import type { RowEvent } from './run';

const TOKEN =
  'eyJhbGciOiJSUzI1NiIsImtpZCI6ImsxIn0.eyJqdGkiOiJ4IiwiZGF0YSI6eyJub25jZSI6Im4ifX0.c2lnbmF0dXJl';
const URL_ = 'https://app.example/kyc/result';
const BODY = JSON.stringify({ jwsResult: TOKEN });
const keyPromise = generateForeignKey();

function plan(overrides: { url?: string; expired?: boolean } = {}): BackendTestPlan {
  const planned = planBackendTest(
    {
      method: 'POST',
      url: overrides.url ?? URL_,
      headers: [{ name: 'Content-Type', value: 'application/json' }],
      body: BODY,
    },
    TOKEN,
    { hasExpiredResult: overrides.expired ?? true },
  );
  if (!planned.ok) throw new Error(planned.reason);
  return planned.plan;
}

function job(overrides: Partial<BackendTestJob> = {}): BackendTestJob {
  return {
    plan: plan(),
    body: BODY,
    token: TOKEN,
    expiredToken: 'eyJhbGciOiJSUzI1NiJ9.eyJleHAiOjF9.c2ln',
    headers: [
      { name: 'Content-Type', value: 'application/json' },
      { name: 'X-CSRF-Token', value: 'csrf-1' },
    ],
    withCookies: false,
    ...overrides,
  };
}

interface Call {
  url: string;
  init: RequestInit;
  token: string;
}

/** A fetch that records each call and answers with `answer(call index, token)`. */
function recordingFetch(answer: (index: number, token: string) => Response): {
  fetch: typeof fetch;
  calls: Call[];
} {
  const calls: Call[] = [];
  const fetchImpl = (async (input: string | URL | Request, init?: RequestInit) => {
    const token = (JSON.parse(String(init?.body)) as { jwsResult: string }).jwsResult;
    calls.push({ url: String(input), init: init ?? {}, token });
    return answer(calls.length - 1, token);
  }) as typeof fetch;
  return { fetch: fetchImpl, calls };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

async function run(
  testJob: BackendTestJob,
  fetchImpl: typeof fetch,
  options: { signal?: AbortSignal; waits?: number[] } = {},
) {
  const events: RowEvent[] = [];
  const end = await runBackendTest(
    testJob,
    {
      fetch: fetchImpl,
      signal: options.signal ?? new AbortController().signal,
      wait: async (ms) => void options.waits?.push(ms),
      generateKey: () => keyPromise,
    },
    (event) => events.push(event),
  );
  return { end, events };
}

function outcomes(events: RowEvent[]): (string | undefined)[] {
  return events.filter((e) => e.type === 'answered').map((e) => e.outcome);
}

describe('runBackendTest', () => {
  it('sends the control, then each mutation once, in order, with the delay between them', async () => {
    const { fetch: fetchImpl, calls } = recordingFetch(() => json(200, { accepted: true }));
    const waits: number[] = [];
    const { end, events } = await run(job(), fetchImpl, { waits });
    expect(end).toBe('finished');
    expect(calls).toHaveLength(8);
    expect(waits).toEqual(Array(7).fill(REQUEST_DELAY_MS));
    expect(calls.every((c) => c.url === URL_ && c.init.method === 'POST')).toBe(true);
    // Control and replay resend the captured token; every forged row sends something else.
    expect(calls[0]!.token).toBe(TOKEN);
    expect(calls[6]!.token).toBe(TOKEN);
    expect(new Set(calls.slice(1, 6).map((c) => c.token)).size).toBe(5);
    expect(calls[2]!.token.endsWith('.')).toBe(true); // alg none: no signature
    expect(calls[7]!.token).toBe(job().expiredToken);
    expect(outcomes(events)).toEqual(Array(8).fill('accepted'));
  });

  it('judges a different 4xx as rejected and a same-status different JSON body as error', async () => {
    const { fetch: fetchImpl } = recordingFetch((index) =>
      index === 0
        ? json(200, { accepted: true })
        : index === 1
          ? json(200, { accepted: false })
          : json(400, { error: 'signature_invalid' }),
    );
    const { events } = await run(job(), fetchImpl);
    expect(outcomes(events)).toEqual(['accepted', 'error', ...Array(6).fill('rejected')]);
  });

  it('stops after a control the backend did not accept', async () => {
    const { fetch: fetchImpl, calls } = recordingFetch(() => json(409, { error: 'replayed' }));
    const { end, events } = await run(job(), fetchImpl);
    expect(end).toBe('control-failed');
    expect(calls).toHaveLength(1);
    expect(outcomes(events)).toEqual(['error']);
  });

  it('never sends more than the cap, whatever the plan lists', async () => {
    const { fetch: fetchImpl, calls } = recordingFetch(() => json(200, {}));
    const long = plan();
    const steps = [...long.steps, ...long.steps];
    await run(job({ plan: { ...long, steps } }), fetchImpl);
    expect(calls).toHaveLength(MAX_TEST_REQUESTS);
  });

  it('stops at Cancel: nothing is sent after the abort', async () => {
    const controller = new AbortController();
    const { fetch: fetchImpl, calls } = recordingFetch((index) => {
      if (index === 2) controller.abort();
      return json(200, {});
    });
    const { end } = await run(job(), fetchImpl, { signal: controller.signal });
    expect(end).toBe('cancelled');
    expect(calls).toHaveLength(3);
  });

  it('refuses a Uqudo host and a URL that left the captured origin, sending nothing', async () => {
    const { fetch: fetchImpl, calls } = recordingFetch(() => json(200, {}));
    const uqudo = { ...plan(), url: 'https://id.uqudo.io/api/v1/info' };
    expect((await run(job({ plan: uqudo }), fetchImpl)).end).toBe('control-failed');
    const moved = { ...plan(), url: 'https://elsewhere.example/kyc/result' };
    const { events } = await run(job({ plan: moved }), fetchImpl);
    expect(events[0]).toMatchObject({
      type: 'failed',
      message: 'the URL left the captured origin',
    });
    expect(calls).toHaveLength(0);
  });

  it('does not follow redirects and sends cookies only when the captured request had them', async () => {
    const { fetch: fetchImpl, calls } = recordingFetch(
      () => new Response(null, { status: 302, headers: { location: 'https://evil.example/' } }),
    );
    const { events } = await run(job(), fetchImpl);
    expect(calls[0]!.init.redirect).toBe('manual');
    expect(calls[0]!.init.credentials).toBe('omit');
    expect(events.find((e) => e.type === 'answered')).toMatchObject({
      status: 0,
      outcome: 'error',
      note: 'redirected (not followed)',
    });
    const { fetch: withCookies, calls: cookieCalls } = recordingFetch(() => json(200, {}));
    await run(job({ withCookies: true }), withCookies);
    expect(cookieCalls[0]!.init.credentials).toBe('include');
    expect(new Headers(cookieCalls[0]!.init.headers).get('x-csrf-token')).toBe('csrf-1');
  });

  it('reports a row it cannot build (no expired result held) and goes on', async () => {
    const { fetch: fetchImpl, calls } = recordingFetch(() => json(200, {}));
    const { expiredToken: _none, ...rest } = job();
    const { end, events } = await run(rest, fetchImpl);
    expect(end).toBe('finished');
    expect(calls).toHaveLength(7);
    expect(events.at(-1)).toMatchObject({ index: 7, type: 'failed' });
  });
});
