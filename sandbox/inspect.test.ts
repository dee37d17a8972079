// Sandbox results checked by the project's own token engine (inspectToken) against the served JWKS.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verdictOf, type Inspection } from '../lib/jose/inspect';
import { findSessionId } from '../lib/uqudo/session-id';
import { inspectUqudoToken } from '../lib/uqudo/inspect';
import { createJwksLoader, parseDecryptionKey, type KeyResolver } from '../lib/jose/keys';
import { startSandbox, type Sandbox } from './server';

let sandbox: Sandbox;
let keys: KeyResolver;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  keys = createJwksLoader({ url: `${sandbox.url}/api/.well-known/jwks.json` });
});

afterAll(async () => {
  await sandbox.close();
});

function codes(inspection: Inspection): string[] {
  return inspection.findings.map((f) => f.code);
}

function errorCodes(inspection: Inspection): string[] {
  return inspection.findings.filter((f) => f.severity === 'error').map((f) => f.code);
}

describe('sandbox results through inspectToken', () => {
  it.each(['passport', 'uae-id', 'partial'] as const)(
    'verifies a %s result with no error findings',
    async (scenario) => {
      const { jws, sessionId } = await sandbox.createSession({ scenario, nonce: 'n-1' });
      const inspection = await inspectUqudoToken(jws, {
        keys,
        expectations: { aud: sandbox.credentials.clientId, jti: sessionId, nonce: 'n-1' },
      });
      expect(inspection.format).toBe('jws');
      expect(inspection.signature).toBe('valid');
      expect(errorCodes(inspection)).toEqual([]);
      expect(inspection.kind).toBe('uqudo-result');
      expect(verdictOf(inspection)).toBe('valid');
      expect(findSessionId(inspection)).toBe(sessionId);
    },
  );

  it('binds a face session through data.sessionId', async () => {
    const { jws, sessionId, jti } = await sandbox.createSession({ scenario: 'face-session' });
    const inspection = await inspectUqudoToken(jws, { keys, expectations: { sessionId } });
    expect(verdictOf(inspection)).toBe('valid');
    expect(findSessionId(inspection)).toBe(sessionId);
    expect(findSessionId(inspection)).not.toBe(jti);
  });

  it('reports expired, tampered, unknown-kid and alg-none results', async () => {
    const expired = await inspectUqudoToken(
      (await sandbox.createSession({ scenario: 'expired' })).jws,
      {
        keys,
      },
    );
    expect(expired.signature).toBe('valid');
    expect(codes(expired)).toContain('expired');
    expect(verdictOf(expired)).toBe('invalid');

    const tampered = await inspectUqudoToken(
      (await sandbox.createSession({ scenario: 'tampered' })).jws,
      { keys },
    );
    expect(tampered.signature).toBe('invalid');
    expect(codes(tampered)).toContain('signature-invalid');

    const unknownKid = await inspectUqudoToken(
      (await sandbox.createSession({ scenario: 'unknown-kid' })).jws,
      { keys },
    );
    expect(codes(unknownKid)).toContain('key-not-found');
    expect(verdictOf(unknownKid)).toBe('invalid');

    const algNone = await inspectUqudoToken(
      (await sandbox.createSession({ scenario: 'alg-none' })).jws,
      { keys },
    );
    expect(codes(algNone)).toContain('alg-none');
    expect(verdictOf(algNone)).toBe('invalid');
  });

  it('decrypts an encrypted result with the served key and verifies the inner JWS', async () => {
    const { jws: jwe, sessionId } = await sandbox.createSession({
      scenario: 'passport',
      encrypt: true,
    });
    const jwkText = await (await fetch(`${sandbox.url}/sandbox/keys/decrypt.jwk`)).text();
    const parsed = await parseDecryptionKey(jwkText);
    if (!parsed.ok) throw new Error(parsed.error);
    const locked = await inspectUqudoToken(jwe, { keys });
    expect(verdictOf(locked)).toBe('encrypted');
    const inspection = await inspectUqudoToken(jwe, { keys, decryptionKey: parsed.key });
    expect(inspection.format).toBe('jwe');
    expect(inspection.inner?.format).toBe('jws');
    expect(inspection.inner?.signature).toBe('valid');
    expect(verdictOf(inspection)).toBe('valid');
    expect(findSessionId(inspection)).toBe(sessionId);
  });

  it('recognises a sandbox access token seen at the token endpoint', async () => {
    const response = await fetch(`${sandbox.url}/api/oauth/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: sandbox.credentials.clientId,
        client_secret: sandbox.credentials.clientSecret,
      }),
    });
    const { access_token: token } = (await response.json()) as { access_token: string };
    const inspection = await inspectUqudoToken(token, { keys, seenAs: 'token-endpoint' });
    expect(inspection.signature).toBe('valid');
    expect(inspection.kind).toBe('uqudo-access-token');
  });
});
