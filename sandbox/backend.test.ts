// Real-HTTP tests of the demo backend: nonce + token hand-out, naive and strict result checks, and the acceptance test.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeJwt, exportPKCS8, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  judgeAnswer,
  planBackendTest,
  substituteToken,
  type BackendAnswer,
  type Mutation,
} from '../lib/session/backend-test';
import { generateForeignKey, mutateToken, type ForeignKey } from '../lib/session/mutations';
import { startSandbox, type Sandbox } from './server';

let sandbox: Sandbox;
let foreign: ForeignKey;

beforeAll(async () => {
  [sandbox, foreign] = await Promise.all([startSandbox({ port: 0 }), generateForeignKey()]);
});

afterAll(async () => {
  await sandbox.close();
});

async function post(path: string, body: unknown): Promise<Response> {
  return fetch(`${sandbox.url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
}

/** A result carrying a nonce the backend minted, as the demo page obtains one. */
async function freshResult(scenario = 'passport'): Promise<string> {
  const { nonce } = (await (await post('/demo/backend/session', { withToken: false })).json()) as {
    nonce: string;
  };
  return (await sandbox.createSession({ scenario, nonce })).jws;
}

async function sendResult(mode: string, token: string): Promise<BackendAnswer> {
  const response = await post(`/demo/backend/result?mode=${mode}`, { jwsResult: token });
  return {
    status: response.status,
    body: await response.text(),
    contentType: response.headers.get('content-type') ?? '',
  };
}

describe('POST /demo/backend/session', () => {
  it('mints a nonce and hands out an SDK-only token for the demo client', async () => {
    const response = await post('/demo/backend/session', {});
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, string>;
    expect(body.nonce).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.scope).toBe('KYC_SCAN_SDK');
    expect(decodeJwt(body.access_token!)).toMatchObject({
      client_id: sandbox.credentials.clientId,
      scope: 'KYC_SCAN_SDK',
    });
  });

  it('gives every scope, another client, or no token when asked', async () => {
    const all = (await (await post('/demo/backend/session', { scope: 'all' })).json()) as {
      scope: string;
    };
    expect(all.scope).toBe('KYC_INFO_SDK KYC_SCAN_SDK');
    const other = (await (await post('/demo/backend/session', { client: 'scan-only' })).json()) as {
      access_token: string;
    };
    expect(decodeJwt(other.access_token).client_id).toBe(sandbox.scanOnlyCredentials.clientId);
    const none = (await (
      await post('/demo/backend/session', { withToken: false })
    ).json()) as object;
    expect(Object.keys(none)).toEqual(['nonce']);
  });
});

describe('POST /demo/backend/result', () => {
  it('naive accepts anything shaped like a JWS or JWE, refuses the rest with 400', async () => {
    expect((await sendResult('naive', 'a.b.c')).status).toBe(200);
    expect((await sendResult('naive', 'a.b.c.d.e')).status).toBe(200);
    const refused = await sendResult('naive', 'not-a-token');
    expect(refused.status).toBe(400);
    expect((await post('/demo/backend/result', { result: 'a.b.c' })).status).toBe(400);
  });

  it('takes the result from the URL query when the body has none', async () => {
    const response = await post(`/demo/backend/result?mode=naive&jwsResult=a.b.c`, {});
    expect(response.status).toBe(200);
  });

  it('strict accepts a fresh result once, then answers 409 replayed; reset forgets it', async () => {
    const token = await freshResult();
    expect((await sendResult('strict', token)).status).toBe(200);
    const again = await sendResult('strict', token);
    expect(again.status).toBe(409);
    expect(JSON.parse(again.body!)).toMatchObject({ error: 'replayed' });
    expect((await fetch(`${sandbox.url}/demo/backend/reset`, { method: 'POST' })).status).toBe(204);
    expect((await sendResult('strict', token)).status).toBe(200);
  });

  it('strict decrypts an encrypted result with the sandbox key and checks the JWS inside', async () => {
    const { nonce } = (await (
      await post('/demo/backend/session', { withToken: false })
    ).json()) as {
      nonce: string;
    };
    const jwe = (await sandbox.createSession({ scenario: 'passport', encrypt: true, nonce })).jws;
    expect((await sendResult('strict', jwe)).status).toBe(200);
  });

  it('strict refuses a nonce it did not mint, a missing nonce, and each broken scenario, with a reason', async () => {
    const cases: [Promise<string>, string][] = [
      [
        sandbox.createSession({ scenario: 'passport', nonce: 'not-minted' }).then((s) => s.jws),
        'nonce_mismatch',
      ],
      [sandbox.createSession({ scenario: 'passport' }).then((s) => s.jws), 'nonce_mismatch'],
      [freshResult('expired'), 'expired'],
      [freshResult('tampered'), 'signature_invalid'],
      [freshResult('unknown-kid'), 'unknown_kid'],
      [freshResult('alg-none'), 'alg_not_allowed'],
    ];
    for (const [token, reason] of cases) {
      const answer = await sendResult('strict', await token);
      expect(answer.status, reason).toBe(400);
      expect(JSON.parse(answer.body!), reason).toMatchObject({ error: reason });
    }
  });
});

describe('strict backend: aud', () => {
  it('refuses a well-signed result meant for another client (400 aud_mismatch)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'backend-aud-'));
    const { privateKey } = await generateKeyPair('RS256', { extractable: true });
    const keyPath = join(dir, 'key.pem');
    writeFileSync(keyPath, await exportPKCS8(privateKey));
    const own = await startSandbox({ port: 0, signingKeyPath: keyPath });
    try {
      const jwks = (await (await fetch(`${own.url}/api/.well-known/jwks.json`)).json()) as {
        keys: { kid: string }[];
      };
      const session = (await (
        await fetch(`${own.url}/demo/backend/session`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: '{"withToken":false}',
        })
      ).json()) as { nonce: string };
      const sign = (aud: string) =>
        new SignJWT({ data: { nonce: session.nonce }, jti: crypto.randomUUID() })
          .setProtectedHeader({ alg: 'RS256', kid: jwks.keys[0]!.kid })
          .setAudience(aud)
          .setExpirationTime('10m')
          .sign(privateKey);
      const answer = async (token: string) =>
        fetch(`${own.url}/demo/backend/result?mode=strict`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ jwsResult: token }),
        });
      const other = await answer(await sign('someone-else'));
      expect(other.status).toBe(400);
      expect(await other.json()).toMatchObject({ error: 'aud_mismatch' });
      expect((await answer(await sign(own.credentials.clientId))).status).toBe(200);
    } finally {
      await own.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** Runs the acceptance test against one backend mode, as the panel will (control first). */
async function runAcceptanceTest(mode: 'naive' | 'strict'): Promise<Map<Mutation, string>> {
  const token = await freshResult();
  const expired = await freshResult('expired');
  const body = JSON.stringify({ jwsResult: token });
  const planned = planBackendTest(
    {
      method: 'POST',
      url: `${sandbox.url}/demo/backend/result?mode=${mode}`,
      headers: [{ name: 'Content-Type', value: 'application/json' }],
      body,
    },
    token,
    { hasExpiredResult: true },
  );
  if (!planned.ok) throw new Error(planned.reason);
  const { plan } = planned;
  expect(plan.location).toEqual({ kind: 'json', path: ['jwsResult'] });
  const outcomes = new Map<Mutation, string>();
  let control: BackendAnswer | undefined;
  for (const step of plan.steps) {
    let next = token;
    if (step.mutation === 'expired') next = expired;
    else if (step.mutation !== 'control' && step.mutation !== 'replay') {
      const mutated = await mutateToken(token, step.mutation, foreign);
      if (!mutated.ok) throw new Error(mutated.message);
      next = mutated.token;
    }
    const substituted = substituteToken(body, plan.location, next, token);
    if (!substituted.ok) throw new Error(substituted.message);
    const response = await fetch(plan.url, {
      method: plan.method,
      headers: { 'Content-Type': 'application/json' },
      body: substituted.body,
    });
    const answer: BackendAnswer = {
      status: response.status,
      body: await response.text(),
      contentType: response.headers.get('content-type') ?? '',
    };
    control ??= answer;
    outcomes.set(step.mutation, judgeAnswer(control, answer));
  }
  return outcomes;
}

describe('the backend acceptance test against both demo backends', () => {
  const mutations: Mutation[] = [
    'payload-altered',
    'alg-none',
    'foreign-key',
    'embedded-jwk',
    'unknown-kid',
    'replay',
    'expired',
  ];

  it('naive: the control and every mutation are accepted', async () => {
    const outcomes = await runAcceptanceTest('naive');
    expect(Object.fromEntries(outcomes)).toEqual({
      control: 'accepted',
      ...Object.fromEntries(mutations.map((m) => [m, 'accepted'])),
    });
  });

  it('strict: the control is accepted and every mutation rejected', async () => {
    const outcomes = await runAcceptanceTest('strict');
    expect(Object.fromEntries(outcomes)).toEqual({
      control: 'accepted',
      ...Object.fromEntries(mutations.map((m) => [m, 'rejected'])),
    });
  });
});
