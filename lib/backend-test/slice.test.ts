// Unit tests of the backend-test store: kept posts, confirmation, host access from the click, Cancel, the expired row, cURL.
import { describe, expect, it } from 'vitest';
import type { CapturedExchange } from '../capture/exchange';
import type { Inspection } from '../jose/inspect';
import { createFinding } from '../jose/findings';
import type { OriginAccess } from '../permissions/access';
import { generateForeignKey } from '../session/mutations';
import { listOf, type Capture } from '../store';
import { renderTestCurl } from './curl';
import { createBackendTestStore } from './slice';

const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJqdGkiOiJ4IiwiYXVkIjoiYyJ9.c2lnbmF0dXJl';
const EXPIRED = 'eyJhbGciOiJSUzI1NiJ9.eyJqdGkiOiJ5IiwiYXVkIjoiYyIsImV4cCI6MX0.c2ln';
const ORIGIN = 'https://app.example';
const keyPromise = generateForeignKey();

function inspection(payload: Record<string, unknown>, expired = false): Inspection {
  return {
    format: 'jws',
    header: { alg: 'RS256' },
    payload,
    signature: 'valid',
    kind: 'uqudo-result',
    findings: expired ? [createFinding('expired', 'exp passed')] : [],
  };
}

const exchange: CapturedExchange = {
  id: 'r1',
  time: 10,
  method: 'POST',
  url: `${ORIGIN}/kyc/result`,
  status: 200,
  requestHeaders: [
    { name: 'Content-Type', value: 'application/json' },
    { name: 'Cookie', value: 'sid=secret' },
    { name: 'X-CSRF-Token', value: 'csrf-secret' },
  ],
  responseHeaders: [],
  requestBody: JSON.stringify({ jwsResult: TOKEN }),
  source: 'network',
};

function capture(id: string, token: string, result: Inspection, where = 'r1'): Capture {
  return {
    id,
    seq: 1,
    exchange: {
      id: where,
      time: 10,
      method: 'POST',
      url: exchange.url,
      status: 200,
      source: 'network',
    },
    sighting: { location: 'request.body', path: '$.jwsResult', token },
    inspection: result,
    jti: '',
    replay: false,
    bytes: 0,
    searchText: '',
  };
}

const posted = capture('c1', TOKEN, inspection({ jti: 'x', aud: 'c' }));
const expired = capture('c0', EXPIRED, inspection({ jti: 'y', aud: 'c', exp: 1 }, true), 'r0');
const captures = listOf([posted, expired]);

function setup(granted: boolean | Promise<boolean>) {
  const asked: string[] = [];
  const access: OriginAccess = {
    contains: async () => false,
    request: (origin) => {
      asked.push(origin);
      return Promise.resolve(granted);
    },
  };
  const sent: string[] = [];
  const fetchImpl = (async (_url: string | URL | Request, init?: RequestInit) => {
    sent.push(String(init?.body));
    return new Response('{"ok":true}', { headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
  const store = createBackendTestStore({
    fetch: fetchImpl,
    originAccess: access,
    wait: async () => undefined,
    generateKey: () => keyPromise,
  });
  store.observe(exchange);
  return { store, asked, sent };
}

/** Resolves once the test of c1 is done. */
function done(store: ReturnType<typeof setup>['store']): Promise<void> {
  return new Promise((resolve) => {
    const check = () => store.getState().runs.c1?.phase === 'done' && resolve();
    store.subscribe(check);
    check();
  });
}

describe('createBackendTestStore', () => {
  it('plans the test of a kept post, with the expired result of the same client', () => {
    const { store } = setup(true);
    expect(store.keptPost('r1')?.request.body).toContain(TOKEN);
    expect(store.open(posted, captures)).toEqual({ ok: true });
    const run = store.getState().runs.c1!;
    expect(run.phase).toBe('confirming');
    expect(run.rows.map((r) => r.mutation)).toContain('expired');
    expect(run.expiredToken).toBe(EXPIRED);
    expect(run.credentials).toEqual({
      cookie: true,
      csrfHeaders: ['X-CSRF-Token'],
      authorization: false,
    });
    expect(store.open(expired, captures)).toMatchObject({ ok: false });
  });

  it('asks for host access to the captured origin from the confirm click, then sends 8 requests', async () => {
    const { store, asked, sent } = setup(true);
    store.open(posted, captures);
    store.confirm('c1');
    // Asked synchronously (Chrome needs the click), for the captured origin only.
    expect(asked).toEqual([ORIGIN]);
    await done(store);
    const run = store.getState().runs.c1!;
    expect(run.end).toBe('finished');
    expect(sent).toHaveLength(8);
    expect(run.rows.map((r) => r.outcome)).toEqual(Array(8).fill('accepted'));
  });

  it('sends nothing when host access is refused', async () => {
    const { store, sent } = setup(false);
    store.open(posted, captures);
    store.confirm('c1');
    await done(store);
    expect(store.getState().runs.c1!.end).toBe('refused');
    expect(store.getState().runs.c1!.rows.every((r) => r.state === 'not-sent')).toBe(true);
    expect(sent).toHaveLength(0);
  });

  it('Cancel while Chrome asks ends the test; a late grant sends nothing', async () => {
    let grant: (value: boolean) => void = () => undefined;
    const { store, sent } = setup(new Promise<boolean>((resolve) => (grant = resolve)));
    store.open(posted, captures);
    store.confirm('c1');
    expect(store.getState().runs.c1!.phase).toBe('asking');
    store.cancel('c1');
    expect(store.getState().runs.c1!.end).toBe('cancelled');
    grant(true);
    await Promise.resolve();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(sent).toHaveLength(0);
  });

  it('renders each row as cURL with the result and credentials left to shell variables', async () => {
    const { store } = setup(true);
    store.open(posted, captures);
    store.confirm('c1');
    await done(store);
    const run = store.getState().runs.c1!;
    const curl = renderTestCurl(run, run.rows[2]!, false)!;
    expect(curl).toContain(`'${ORIGIN}/kyc/result'`);
    expect(curl).toContain(`--data-raw '{"jwsResult":"'"$UQUDO_RESULT"'"}'`);
    expect(curl).toContain('--header "X-CSRF-Token: $BACKEND_CSRF_TOKEN"');
    expect(curl).toContain('--header "Cookie: $BACKEND_COOKIE"');
    expect(curl).not.toContain('csrf-secret');
    expect(curl).not.toContain('sid=secret');
    expect(curl).not.toContain(run.rows[2]!.token!);
    const included = renderTestCurl(run, run.rows[2]!, true)!;
    expect(included).toContain(run.rows[2]!.token!);
    expect(included).toContain('X-CSRF-Token: csrf-secret');
  });
});
