// Real-HTTP tests of the sandbox: every endpoint and status, scenarios, expiry, deletion and JWE.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CompactSign,
  compactDecrypt,
  compactVerify,
  createRemoteJWKSet,
  decodeJwt,
  decodeProtectedHeader,
  errors,
  exportJWK,
  exportPKCS8,
  generateKeyPair,
  importJWK,
  jwtVerify,
  type JWK,
} from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCENARIOS } from './scenarios';
import { startSandbox, type Sandbox } from './server';

let sandbox: Sandbox;
/** The sandbox's clock (ms); tests move it instead of sleeping. */
let clock = Date.now();

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, now: () => clock });
});

afterAll(async () => {
  await sandbox.close();
});

type Payload = Record<string, any>;

function url(path: string): string {
  return `${sandbox.url}${path}`;
}

async function requestToken(
  credentials = sandbox.credentials,
  extra: Record<string, string> = {},
): Promise<Response> {
  return fetch(url('/api/oauth/token'), {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: credentials.clientId,
      client_secret: credentials.clientSecret,
      ...extra,
    }),
  });
}

async function accessToken(credentials = sandbox.credentials): Promise<string> {
  const response = await requestToken(credentials);
  expect(response.status).toBe(200);
  return ((await response.json()) as { access_token: string }).access_token;
}

function bearer(token: string, extra: Record<string, string> = {}): Record<string, string> {
  return { Authorization: `Bearer ${token}`, ...extra };
}

async function createSession(body: Record<string, unknown>): Promise<Response> {
  return fetch(url('/sandbox/sessions'), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
}

async function expectError(response: Response, status: number, error?: string): Promise<void> {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toBe('application/json');
  const body = (await response.json()) as { error: unknown; message: unknown };
  expect(typeof body.error).toBe('string');
  expect(typeof body.message).toBe('string');
  if (error !== undefined) expect(body.error).toBe(error);
}

function jwks() {
  return createRemoteJWKSet(new URL(url('/api/.well-known/jwks.json')));
}

function imageIdsOf(payload: Payload): string[] {
  const ids: string[] = [];
  const walk = (value: unknown, key = ''): void => {
    if (typeof value === 'string' && /ImageId$/.test(key)) ids.push(value);
    else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) walk(v, k);
    }
  };
  walk(payload);
  return ids;
}

describe('server basics', () => {
  it('listens on 127.0.0.1 with an ephemeral port', () => {
    expect(sandbox.port).toBeGreaterThan(0);
    expect(sandbox.url).toBe(`http://127.0.0.1:${sandbox.port}`);
  });

  it('answers unknown routes with a JSON 404 and wrong methods with 405', async () => {
    await expectError(await fetch(url('/nope')), 404, 'not_found');
    const wrong = await fetch(url('/api/oauth/token'));
    await expectError(wrong, 405, 'method_not_allowed');
    expect(wrong.headers.get('allow')).toBe('POST');
  });

  it('answers a malformed request line with a JSON 400, not a 500', async () => {
    /** Sends one raw request line over TCP and returns the status line and body of the answer. */
    const send = (line: string) =>
      new Promise<{ status: string; body: string }>((resolve, reject) => {
        const socket = connect(sandbox.port, '127.0.0.1', () =>
          socket.end(`${line}\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`),
        );
        let text = '';
        socket.on('data', (chunk: Buffer) => (text += chunk.toString('latin1')));
        socket.on('end', () => {
          const split = text.indexOf('\r\n\r\n');
          resolve({ status: text.slice(0, text.indexOf('\r\n')), body: text.slice(split + 4) });
        });
        socket.on('error', reject);
      });
    for (const line of [
      'GET http://[::1 HTTP/1.1',
      'GET http://a:99999/ HTTP/1.1',
      'OPTIONS * HTTP/1.1',
    ]) {
      const answer = await send(line);
      expect(answer.status).toBe('HTTP/1.1 400 Bad Request');
      expect(JSON.parse(answer.body)).toEqual({
        error: 'bad_request',
        message: 'malformed request target',
      });
    }
    // A path that merely looks odd is still a path: no route, so 404.
    expect((await send('GET //x:y HTTP/1.1')).status).toBe('HTTP/1.1 404 Not Found');
  });

  it('refuses bodies over 64 KiB with 413', async () => {
    const response = await fetch(url('/sandbox/sessions'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ scenario: 'passport', nonce: 'x'.repeat(70_000) }),
    });
    await expectError(response, 413, 'payload_too_large');
  });
});

describe('GET /api/.well-known/jwks.json', () => {
  it('publishes the current and an older RS256 key, public members only', async () => {
    const response = await fetch(url('/api/.well-known/jwks.json'));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { keys: JWK[] };
    expect(body.keys).toHaveLength(2);
    for (const key of body.keys) {
      expect(key.kid).toMatch(/^[0-9a-f]{32}$/);
      expect(key).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' });
      expect(key.d).toBeUndefined();
      expect(key.p).toBeUndefined();
    }
    expect(body.keys[0]?.kid).not.toBe(body.keys[1]?.kid);
  });
});

describe('POST /api/oauth/token', () => {
  it('issues an RS256 access token with exp, iss and both scopes', async () => {
    const response = await requestToken();
    expect(response.status).toBe(200);
    const body = (await response.json()) as Payload;
    expect(body).toMatchObject({
      token_type: 'bearer',
      expires_in: 1800,
      scope: 'KYC_INFO_SDK KYC_SCAN_SDK',
    });
    expect(body.jti).toMatch(/^[0-9a-f-]{36}$/);
    const { payload, protectedHeader } = await jwtVerify(body.access_token, jwks(), {
      issuer: sandbox.url,
      currentDate: new Date(clock),
    });
    expect(protectedHeader).toMatchObject({ alg: 'RS256', typ: 'at+jwt' });
    expect(payload.exp).toBe((payload.iat ?? 0) + 1800);
    expect(payload.scope).toBe(body.scope);
    expect(payload.jti).toBe(body.jti);
  });

  it('answers 401 for a wrong secret or an unknown client', async () => {
    await expectError(
      await requestToken({ clientId: sandbox.credentials.clientId, clientSecret: 'wrong' }),
      401,
      'invalid_client',
    );
    await expectError(
      await requestToken({ clientId: 'someone-else', clientSecret: 'sandbox-secret' }),
      401,
      'invalid_client',
    );
  });

  it('answers 400 for another grant type or a non-form body', async () => {
    await expectError(
      await requestToken(sandbox.credentials, { grant_type: 'password' }),
      400,
      'unsupported_grant_type',
    );
    const json = await fetch(url('/api/oauth/token'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ grant_type: 'client_credentials' }),
    });
    await expectError(json, 400, 'invalid_request');
  });

  it('narrows the scope on request and refuses scopes the client lacks', async () => {
    const narrowed = await requestToken(sandbox.credentials, { scope: 'KYC_SCAN_SDK' });
    expect(((await narrowed.json()) as Payload).scope).toBe('KYC_SCAN_SDK');
    const scanOnly = await requestToken(sandbox.scanOnlyCredentials);
    expect(((await scanOnly.json()) as Payload).scope).toBe('KYC_SCAN_SDK');
    await expectError(
      await requestToken(sandbox.scanOnlyCredentials, { scope: 'KYC_INFO_SDK' }),
      400,
      'invalid_scope',
    );
  });
});

describe('GET /api/v1/info', () => {
  it('serves the session JWS as application/jwt by path and by UQ-Session-ID', async () => {
    const token = await accessToken();
    const { sessionId, jws } = await sandbox.createSession({ scenario: 'passport' });
    const byPath = await fetch(url(`/api/v1/info/${sessionId}`), { headers: bearer(token) });
    expect(byPath.status).toBe(200);
    expect(byPath.headers.get('content-type')).toBe('application/jwt');
    expect(await byPath.text()).toBe(jws);
    const byHeader = await fetch(url('/api/v1/info'), {
      headers: bearer(token, { 'UQ-Session-ID': sessionId }),
    });
    expect(byHeader.status).toBe(200);
    expect(await byHeader.text()).toBe(jws);
  });

  it('answers 400 for a malformed or missing session id', async () => {
    const token = await accessToken();
    await expectError(
      await fetch(url('/api/v1/info/not-a-uuid'), { headers: bearer(token) }),
      400,
      'bad_request',
    );
    await expectError(
      await fetch(url('/api/v1/info'), { headers: bearer(token, { 'UQ-Session-ID': '1234' }) }),
      400,
    );
    await expectError(await fetch(url('/api/v1/info'), { headers: bearer(token) }), 400);
    await expectError(await fetch(url('/api/v1/info/%E0%A4%A'), { headers: bearer(token) }), 400);
  });

  it('answers 404 with a JSON error for an unknown session', async () => {
    const token = await accessToken();
    await expectError(
      await fetch(url(`/api/v1/info/${crypto.randomUUID()}`), { headers: bearer(token) }),
      404,
      'not_found',
    );
  });

  it('answers 401 without a valid bearer token', async () => {
    const { sessionId, jws } = await sandbox.createSession({ scenario: 'passport' });
    const path = url(`/api/v1/info/${sessionId}`);
    const missing = await fetch(path);
    await expectError(missing, 401, 'unauthorized');
    expect(missing.headers.get('www-authenticate')).toMatch(/^Bearer/);
    await expectError(await fetch(path, { headers: { Authorization: 'Basic abc' } }), 401);
    await expectError(await fetch(path, { headers: bearer('not.a.token') }), 401);
    // A result JWS is signed by the same key but is not an access token (typ at+jwt).
    await expectError(await fetch(path, { headers: bearer(jws) }), 401);
    const { privateKey } = await generateKeyPair('RS256');
    const forged = await new CompactSign(
      new TextEncoder().encode(
        JSON.stringify({ iss: sandbox.url, scope: 'KYC_INFO_SDK', exp: 4_102_444_800 }),
      ),
    )
      .setProtectedHeader({ alg: 'RS256', typ: 'at+jwt' })
      .sign(privateKey);
    await expectError(await fetch(path, { headers: bearer(forged) }), 401);
  });

  it('answers 401 once the access token expired', async () => {
    const token = await accessToken();
    const { sessionId } = await sandbox.createSession({ scenario: 'passport' });
    const path = url(`/api/v1/info/${sessionId}`);
    expect((await fetch(path, { headers: bearer(token) })).status).toBe(200);
    clock += 1801 * 1000;
    const expired = await fetch(path, { headers: bearer(token) });
    expect(expired.status).toBe(401);
    expect(((await expired.json()) as Payload).message).toBe('access token expired');
  });

  it('answers 403 when the token lacks KYC_INFO_SDK', async () => {
    const token = await accessToken(sandbox.scanOnlyCredentials);
    const { sessionId, jws } = await sandbox.createSession({ scenario: 'passport' });
    await expectError(
      await fetch(url(`/api/v1/info/${sessionId}`), { headers: bearer(token) }),
      403,
      'forbidden',
    );
    await expectError(
      await fetch(url('/api/v1/info'), { headers: bearer(token, { 'UQ-Session-ID': sessionId }) }),
      403,
    );
    await expectError(
      await fetch(url(`/api/v1/info/${sessionId}`), { method: 'DELETE', headers: bearer(token) }),
      403,
    );
    const imageId = imageIdsOf(decodeJwt(jws))[0];
    await expectError(
      await fetch(url(`/api/v1/info/img/${imageId}`), { headers: bearer(token) }),
      403,
    );
  });
});

describe('DELETE /api/v1/info/{id}', () => {
  it('answers 204, after which the result and its images are gone', async () => {
    const token = await accessToken();
    const { sessionId, jws } = await sandbox.createSession({ scenario: 'passport' });
    const imageId = imageIdsOf(decodeJwt(jws))[0];
    expect(
      (await fetch(url(`/api/v1/info/img/${imageId}`), { headers: bearer(token) })).status,
    ).toBe(200);
    const deleted = await fetch(url(`/api/v1/info/${sessionId}`), {
      method: 'DELETE',
      headers: bearer(token),
    });
    expect(deleted.status).toBe(204);
    expect(await deleted.text()).toBe('');
    await expectError(
      await fetch(url(`/api/v1/info/${sessionId}`), { headers: bearer(token) }),
      404,
    );
    await expectError(
      await fetch(url(`/api/v1/info/img/${imageId}`), { headers: bearer(token) }),
      404,
    );
  });

  it('answers 204 for unknown ids too, and 401 without a token', async () => {
    const token = await accessToken();
    const unknown = await fetch(url(`/api/v1/info/${crypto.randomUUID()}`), {
      method: 'DELETE',
      headers: bearer(token),
    });
    expect(unknown.status).toBe(204);
    const malformed = await fetch(url('/api/v1/info/not-a-uuid'), {
      method: 'DELETE',
      headers: bearer(token),
    });
    expect(malformed.status).toBe(204);
    await expectError(
      await fetch(url(`/api/v1/info/${crypto.randomUUID()}`), { method: 'DELETE' }),
      401,
    );
  });
});

describe('GET /api/v1/info/img/{id}', () => {
  it('serves real JPEG bytes, different per image kind', async () => {
    const token = await accessToken();
    const { jws } = await sandbox.createSession({ scenario: 'uae-id' });
    const ids = imageIdsOf(decodeJwt(jws));
    expect(ids).toHaveLength(6);
    const bodies: string[] = [];
    for (const id of ids) {
      expect(id).toMatch(/^[0-9a-f]{24}$/);
      const response = await fetch(url(`/api/v1/info/img/${id}`), { headers: bearer(token) });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/jpeg');
      const bytes = new Uint8Array(await response.arrayBuffer());
      expect([...bytes.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
      expect([...bytes.subarray(-2)]).toEqual([0xff, 0xd9]);
      bodies.push(Buffer.from(bytes).toString('base64'));
    }
    // Front and back frames share a picture; the other four kinds differ.
    expect(new Set(bodies).size).toBe(5);
  });

  it('answers 400 for a malformed id and 404 for an unknown one', async () => {
    const token = await accessToken();
    await expectError(
      await fetch(url('/api/v1/info/img/xyz'), { headers: bearer(token) }),
      400,
      'bad_request',
    );
    await expectError(
      await fetch(url(`/api/v1/info/img/${'ab'.repeat(12)}`), { headers: bearer(token) }),
      404,
      'not_found',
    );
    await expectError(await fetch(url(`/api/v1/info/img/${'ab'.repeat(12)}`)), 401);
  });

  it('answers 404 once the session expired, while the result stays readable', async () => {
    const { sessionId, jws } = await sandbox.createSession({
      scenario: 'passport',
      lifetimeSeconds: 60,
    });
    const imageId = imageIdsOf(decodeJwt(jws))[0];
    const before = await fetch(url(`/api/v1/info/img/${imageId}`), {
      headers: bearer(await accessToken()),
    });
    expect(before.status).toBe(200);
    clock += 61 * 1000;
    const token = await accessToken();
    await expectError(
      await fetch(url(`/api/v1/info/img/${imageId}`), { headers: bearer(token) }),
      404,
    );
    expect((await fetch(url(`/api/v1/info/${sessionId}`), { headers: bearer(token) })).status).toBe(
      200,
    );
  });

  it('answers 404 for a session created already expired (lifetimeSeconds <= 0)', async () => {
    const token = await accessToken();
    const { jws } = await sandbox.createSession({ scenario: 'passport', lifetimeSeconds: 0 });
    const claims = decodeJwt(jws);
    expect(claims.exp).toBeLessThanOrEqual(Math.floor(clock / 1000));
    const imageId = imageIdsOf(claims)[0];
    await expectError(
      await fetch(url(`/api/v1/info/img/${imageId}`), { headers: bearer(token) }),
      404,
    );
  });
});

describe('GET /api/v2/info (web SDK)', () => {
  it('serves the result with Authorization and UQ-Session-ID, also to a scan-only token', async () => {
    const { sessionId, jws } = await sandbox.createSession({ scenario: 'passport' });
    for (const token of [await accessToken(), await accessToken(sandbox.scanOnlyCredentials)]) {
      const response = await fetch(url('/api/v2/info'), {
        headers: bearer(token, { 'UQ-Session-ID': sessionId }),
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/jwt');
      expect(await response.text()).toBe(jws);
    }
    const partial = await fetch(url('/api/v2/infop'), {
      headers: bearer(await accessToken(), { 'UQ-Session-ID': sessionId }),
    });
    expect(await partial.text()).toBe(jws);
  });

  it('answers 401 without a token, 400 without UQ-Session-ID, 404 for an unknown session', async () => {
    const token = await accessToken();
    await expectError(
      await fetch(url('/api/v2/info'), { headers: { 'UQ-Session-ID': crypto.randomUUID() } }),
      401,
    );
    await expectError(await fetch(url('/api/v2/info'), { headers: bearer(token) }), 400);
    await expectError(
      await fetch(url('/api/v2/info'), {
        headers: bearer(token, { 'UQ-Session-ID': crypto.randomUUID() }),
      }),
      404,
    );
  });
});

describe('POST /sandbox/sessions', () => {
  it.each(SCENARIOS)('creates a %s session with Uqudo-shaped claims', async (scenario) => {
    const response = await createSession({ scenario, nonce: `nonce-${scenario}` });
    expect(response.status).toBe(201);
    const body = (await response.json()) as Payload;
    expect(body.sessionId).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(body.encrypted).toBe(false);
    const header = decodeProtectedHeader(body.jws);
    const claims = decodeJwt(body.jws) as Payload;
    expect(body.jws.split('.')).toHaveLength(3);
    expect(claims.iss).toBe(sandbox.url);
    expect(claims.aud).toBe(sandbox.credentials.clientId);
    expect(claims.jti).toBe(body.jti);
    expect(claims.exp).toBe(body.expiresAt);
    expect(claims.data.nonce).toBe(`nonce-${scenario}`);
    if (scenario === 'alg-none') {
      expect(header).toEqual({ alg: 'none' });
      expect(body.jws.endsWith('.')).toBe(true);
    } else {
      expect(Object.keys(header).sort()).toEqual(['alg', 'kid']);
      expect(header.alg).toBe('RS256');
      expect(header.kid).toMatch(/^[0-9a-f]{32}$/);
    }
    if (scenario === 'face-session') {
      expect(claims.data.sessionId).toBe(body.sessionId);
      expect(claims.jti).not.toBe(body.sessionId);
      expect(claims.exp - claims.iat).toBe(600);
    } else {
      expect(claims.jti).toBe(body.sessionId);
    }
    if (scenario === 'expired') {
      expect(claims.exp).toBeLessThan(Math.floor(clock / 1000));
    } else {
      expect(claims.exp).toBeGreaterThan(Math.floor(clock / 1000));
    }
  });

  it('builds a passport with NFC reading, inline photo, face and verifications', async () => {
    const { jws } = await sandbox.createSession({ scenario: 'passport' });
    const { data } = decodeJwt(jws) as Payload;
    const doc = data.documents[0];
    expect(doc.documentType).toBe('PASSPORT');
    expect(doc.scan.front).toMatchObject({
      primaryId: 'SAMPLE',
      secondaryId: 'TEST',
      mrzVerified: true,
    });
    expect(doc.reading.data.photoMimeType).toBe('image/jpeg');
    expect(Buffer.from(doc.reading.data.photo, 'base64').subarray(0, 3)).toEqual(
      Buffer.from([0xff, 0xd8, 0xff]),
    );
    expect(doc.face).toMatchObject({ matchLevel: 4, match: true });
    const verification = data.verifications[0];
    expect(verification.reading.passiveAuthentication.documentDataSignatureValid).toBe(true);
    expect(verification.mrzChecksum.valid).toBe(true);
    expect(verification.dataConsistencyCheck.fields.length).toBeGreaterThan(0);
    expect(verification.idScreenDetection.score).toEqual(expect.any(Number));
  });

  it('builds a UAE ID with front, back, reading and lookup, and a partial session without face', async () => {
    const uae = (decodeJwt((await sandbox.createSession({ scenario: 'uae-id' })).jws) as Payload)
      .data.documents[0];
    expect(uae.documentType).toBe('UAE_ID');
    expect(uae.scan.backImageId).toMatch(/^[0-9a-f]{24}$/);
    expect(uae.reading.data).toBeTruthy();
    expect(uae.lookup.status).toBe('SUCCESS');
    const partial = (
      decodeJwt((await sandbox.createSession({ scenario: 'partial' })).jws) as Payload
    ).data.documents[0];
    expect(partial.scan.front.documentNumber).toBeTruthy();
    expect(partial.reading).toBeNull();
    expect(partial.face).toBeNull();
  });

  it('honours lifetimeSeconds and omits nonce when none is given', async () => {
    const claims = decodeJwt(
      (await sandbox.createSession({ scenario: 'uae-id', lifetimeSeconds: 60 })).jws,
    ) as Payload;
    expect(claims.exp - claims.iat).toBe(60);
    expect('nonce' in claims.data).toBe(false);
  });

  it('verifies good results against the served JWKS and fails the broken ones as designed', async () => {
    const keys = jwks();
    const now = new Date(clock);
    for (const scenario of ['passport', 'uae-id', 'face-session', 'partial'] as const) {
      const { jws } = await sandbox.createSession({ scenario });
      const { payload } = await jwtVerify(jws, keys, {
        issuer: sandbox.url,
        audience: sandbox.credentials.clientId,
        currentDate: now,
      });
      expect(payload.data).toBeTruthy();
    }
    const expired = (await sandbox.createSession({ scenario: 'expired' })).jws;
    await expect(jwtVerify(expired, keys, { currentDate: now })).rejects.toBeInstanceOf(
      errors.JWTExpired,
    );
    // Still cryptographically valid: only the exp check fails.
    await expect(compactVerify(expired, keys)).resolves.toBeTruthy();
    const tampered = (await sandbox.createSession({ scenario: 'tampered' })).jws;
    await expect(compactVerify(tampered, keys)).rejects.toBeInstanceOf(
      errors.JWSSignatureVerificationFailed,
    );
    expect((decodeJwt(tampered) as Payload).data.documents[0].face.matchLevel).toBe(5);
    const unknownKid = (await sandbox.createSession({ scenario: 'unknown-kid' })).jws;
    await expect(compactVerify(unknownKid, keys)).rejects.toBeInstanceOf(errors.JWKSNoMatchingKey);
    const algNone = (await sandbox.createSession({ scenario: 'alg-none' })).jws;
    await expect(compactVerify(algNone, keys)).rejects.toThrow();
  });

  it('lets a face session be fetched and deleted by data.sessionId but not by jti', async () => {
    const token = await accessToken();
    const { sessionId, jti } = await sandbox.createSession({ scenario: 'face-session' });
    expect((await fetch(url(`/api/v1/info/${sessionId}`), { headers: bearer(token) })).status).toBe(
      200,
    );
    expect((await fetch(url(`/api/v1/info/${jti}`), { headers: bearer(token) })).status).toBe(404);
    await fetch(url(`/api/v1/info/${sessionId}`), { method: 'DELETE', headers: bearer(token) });
    expect((await fetch(url(`/api/v1/info/${sessionId}`), { headers: bearer(token) })).status).toBe(
      404,
    );
  });

  it('answers 400 for invalid bodies', async () => {
    await expectError(await createSession({ scenario: 'selfie-only' }), 400, 'bad_request');
    await expectError(await createSession({ scenario: 'passport', encrypt: 'yes' }), 400);
    await expectError(await createSession({ scenario: 'passport', lifetimeSeconds: 1.5 }), 400);
    await expectError(await createSession({ scenario: 'passport', nonce: 42 }), 400);
    await expectError(
      await fetch(url('/sandbox/sessions'), { method: 'POST', body: '{not json' }),
      400,
    );
    await expect(sandbox.createSession({ scenario: 'nope' })).rejects.toThrow(/scenario/);
  });
});

describe('encrypted results', () => {
  it('wraps the JWS in a compact JWE that the served private JWK decrypts', async () => {
    const response = await createSession({ scenario: 'passport', encrypt: true, nonce: 'n-enc' });
    const { jws: jwe, sessionId, encrypted } = (await response.json()) as Payload;
    expect(encrypted).toBe(true);
    expect(jwe.split('.')).toHaveLength(5);
    expect(decodeProtectedHeader(jwe)).toMatchObject({
      alg: 'RSA-OAEP-256',
      enc: 'A256GCM',
      cty: 'JWT',
    });
    const jwkResponse = await fetch(url('/sandbox/keys/decrypt.jwk'));
    expect(jwkResponse.status).toBe(200);
    const jwk = (await jwkResponse.json()) as JWK;
    expect(jwk).toMatchObject({ kty: 'RSA', alg: 'RSA-OAEP-256', use: 'enc' });
    expect(typeof jwk.d).toBe('string');
    const { plaintext } = await compactDecrypt(jwe, await importJWK(jwk, 'RSA-OAEP-256'));
    const inner = new TextDecoder().decode(plaintext);
    const { payload } = await jwtVerify(inner, jwks(), { currentDate: new Date(clock) });
    expect(payload.jti).toBe(sessionId);
    expect((payload as Payload).data.nonce).toBe('n-enc');
    const served = await fetch(url(`/api/v1/info/${sessionId}`), {
      headers: bearer(await accessToken()),
    });
    expect(await served.text()).toBe(jwe);
  });
});

describe('CORS', () => {
  it('answers preflights from extension and loopback origins', async () => {
    for (const origin of [
      'chrome-extension://abcdefghijklmnopabcdefghijklmnop',
      'http://localhost:3000',
    ]) {
      const response = await fetch(url('/api/v1/info'), {
        method: 'OPTIONS',
        headers: {
          Origin: origin,
          'Access-Control-Request-Method': 'GET',
          'Access-Control-Request-Headers': 'authorization,uq-session-id',
        },
      });
      expect(response.status).toBe(204);
      expect(response.headers.get('access-control-allow-origin')).toBe(origin);
      expect(response.headers.get('access-control-allow-headers')).toMatch(/Authorization/);
      expect(response.headers.get('access-control-allow-headers')).toMatch(/UQ-Session-ID/);
      expect(response.headers.get('access-control-allow-methods')).toMatch(/DELETE/);
    }
  });

  it('adds Access-Control-Allow-Origin to responses for allowed origins only', async () => {
    const allowed = await fetch(url('/api/.well-known/jwks.json'), {
      headers: { Origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop' },
    });
    expect(allowed.headers.get('access-control-allow-origin')).toBe(
      'chrome-extension://abcdefghijklmnopabcdefghijklmnop',
    );
    const denied = await fetch(url('/api/.well-known/jwks.json'), {
      headers: { Origin: 'https://evil.example' },
    });
    expect(denied.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await fetch(url('/api/v1/info'), {
      method: 'OPTIONS',
      headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'GET' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('demo page and backend', () => {
  it('serves the page, its script and config with a strict CSP', async () => {
    const page = await fetch(url('/'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    const html = await page.text();
    for (const id of [
      'run-passport',
      'run-passport-encrypted',
      ...SCENARIOS.map((s) => `run-${s}`),
    ]) {
      expect(html).toContain(`id="${id}"`);
    }
    const script = await fetch(url('/demo.js'));
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
    const source = await script.text();
    expect(source).toContain('/api/v2/info');
    expect(source).not.toMatch(/innerHTML/);
    const config = (await (await fetch(url('/demo/config.json'))).json()) as Payload;
    expect(config).toMatchObject(sandbox.credentials);
  });

  it('accepts {jwsResult} on its backend and rejects other bodies', async () => {
    const { jws } = await sandbox.createSession({ scenario: 'passport' });
    const ok = await fetch(url('/demo/backend/result'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ jwsResult: jws }),
    });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ accepted: true, mode: 'naive' });
    await expectError(
      await fetch(url('/demo/backend/result'), {
        method: 'POST',
        body: JSON.stringify({ result: jws }),
      }),
      400,
    );
    await expectError(
      await fetch(url('/demo/backend/result'), { method: 'POST', body: jws }),
      400,
      'bad_request',
    );
  });
});

describe('startSandbox({ signingKeyPath })', () => {
  it(
    'signs with a PKCS#8 PEM or private JWK from file under a stable 32-hex kid',
    { timeout: 60_000 },
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'sandbox-key-'));
      const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
      const pemPath = join(dir, 'key.pem');
      writeFileSync(pemPath, await exportPKCS8(privateKey));
      const jwkPath = join(dir, 'key.jwk');
      writeFileSync(jwkPath, JSON.stringify(await exportJWK(privateKey)));
      const kids: string[] = [];
      for (const signingKeyPath of [pemPath, pemPath, jwkPath]) {
        const other = await startSandbox({ port: 0, signingKeyPath });
        try {
          const { jws } = await other.createSession({ scenario: 'passport' });
          await expect(compactVerify(jws, publicKey)).resolves.toBeTruthy();
          const served = (await (await fetch(`${other.url}/api/.well-known/jwks.json`)).json()) as {
            keys: JWK[];
          };
          const kid = decodeProtectedHeader(jws).kid ?? '';
          expect(served.keys[0]?.kid).toBe(kid);
          kids.push(kid);
        } finally {
          await other.close();
        }
      }
      expect(kids[0]).toMatch(/^[0-9a-f]{32}$/);
      expect(new Set(kids).size).toBe(1);
    },
  );

  it('fails to start with a clear error for a PKCS#1 PEM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sandbox-key-'));
    const path = join(dir, 'rsa.pem');
    writeFileSync(path, '-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----\n');
    await expect(startSandbox({ port: 0, signingKeyPath: path })).rejects.toThrow(/pkcs8/);
  });
});
