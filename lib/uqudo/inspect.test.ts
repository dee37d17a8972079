// inspectUqudoToken: Uqudo's classification and claim rules over the generic inspection (expectations on SDK results only).
import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../jose/findings';
import { verdictOf, type Inspection } from '../jose/inspect';
import { createStaticKeyResolver, parseKeys, type KeyResolver } from '../jose/keys';
import {
  buildJwks,
  buildUqudoPayload,
  generateTestKeys,
  mintToken,
  type TestKeys,
} from '../jose/testing/tokens';
import { inspectUqudoToken } from './inspect';
import { findSessionId } from './session-id';

let keys: TestKeys;
let jwksResolver: KeyResolver;
const IAT = 1_760_000_000;

const codes = (findings: Finding[]) => findings.map((f) => f.code);
const finding = (result: Inspection, code: string) => result.findings.find((f) => f.code === code);

beforeAll(async () => {
  keys = await generateTestKeys();
  const parsed = await parseKeys(buildJwks(keys.rsa, keys.ec), 'jwks.json');
  if (!parsed.ok) throw new Error(parsed.error);
  jwksResolver = createStaticKeyResolver(parsed.keys);
});

describe('Uqudo claim rules', () => {
  it('lists nbf, iat and every expectation failure together', async () => {
    const payload = {
      iss: 'https://id.uqudo.io',
      aud: ['client-a', 'client-b'],
      iat: IAT + 600,
      nbf: IAT + 300,
      exp: IAT - 1,
      jti: 'not-a-uuid',
      data: { nonce: 'n-1', documents: [] },
    };
    const token = await mintToken(payload, { key: keys.rsa });
    const result = await inspectUqudoToken(token, {
      keys: jwksResolver,
      now: IAT,
      expectations: {
        iss: 'https://id.dev.uqudo.io',
        aud: 'client-c',
        jti: 'other',
        nonce: 'n-2',
        sessionId: 's-1',
      },
    });
    expect(result.signature).toBe('valid');
    expect(codes(result.findings)).toEqual([
      'verified-with-key',
      'expired',
      'not-yet-valid',
      'issued-in-future',
      'jti-not-uuid',
      'iss-mismatch',
      'aud-mismatch',
      'jti-mismatch',
      'nonce-mismatch',
      'session-id-mismatch',
    ]);
    expect(finding(result, 'not-yet-valid')?.message).toMatch(
      /^Not valid for another 5 min \(nbf /,
    );
    expect(finding(result, 'issued-in-future')?.severity).toBe('error');
    expect(finding(result, 'aud-mismatch')?.message).toBe(
      'Expected aud "client-c", the token has ["client-a","client-b"].',
    );
  });

  it('passes matching expectations (aud in an array, nonce in data, session id = jti)', async () => {
    const payload = buildUqudoPayload({ iat: IAT, aud: 'client-a', nonce: 'abc' });
    const token = await mintToken(payload, { key: keys.rsa });
    const result = await inspectUqudoToken(token, {
      keys: jwksResolver,
      now: IAT + 1,
      expectations: {
        iss: 'https://id.uqudo.io',
        aud: 'client-a',
        jti: payload.jti as string,
        nonce: 'abc',
        sessionId: payload.jti as string,
      },
    });
    expect(codes(result.findings)).toEqual(['verified-with-key']);
  });

  it('binds face sessions through data.sessionId rather than jti', async () => {
    const sessionId = '11111111-2222-4333-8444-555555555555';
    const payload = buildUqudoPayload({ iat: IAT, faceSessionId: sessionId });
    const token = await mintToken(payload, { key: keys.rsa });
    const ok = await inspectUqudoToken(token, {
      keys: jwksResolver,
      now: IAT,
      expectations: { sessionId },
    });
    expect(codes(ok.findings)).toEqual(['verified-with-key']);
    expect(findSessionId(ok)).toBe(sessionId);
    const wrong = await inspectUqudoToken(token, {
      keys: jwksResolver,
      now: IAT,
      expectations: { sessionId: payload.jti as string },
    });
    expect(finding(wrong, 'session-id-mismatch')?.message).toContain('data.sessionId');
  });
});

describe('expectations apply to SDK results only', () => {
  const expectations = {
    iss: 'https://id.uqudo.io',
    aud: 'client-a',
    nonce: 'n-1',
    sessionId: '11111111-2222-4333-8444-555555555555',
  };

  it('keeps a captured access token valid when expectations are set (issue 12)', async () => {
    const token = await mintToken(
      {
        iss: 'https://auth.uqudo.io',
        aud: 'uqudo-api',
        client_id: 'client-a',
        scope: 'KYC_INFO_SDK',
        jti: '0f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a',
        iat: IAT,
        exp: IAT + 1800,
      },
      { key: keys.rsa },
    );
    const result = await inspectUqudoToken(token, {
      keys: jwksResolver,
      now: IAT + 1,
      seenAs: 'bearer',
      url: 'https://id.uqudo.io/api/v1/info/x',
      expectations,
    });
    expect(result.kind).toBe('uqudo-access-token');
    expect(codes(result.findings)).toEqual(['verified-with-key']);
    expect(verdictOf(result)).toBe('valid');
  });

  it('still fails an SDK result that misses the same expectations', async () => {
    const payload = buildUqudoPayload({ iat: IAT, aud: 'client-b', nonce: 'other' });
    const token = await mintToken(payload, { key: keys.rsa });
    const result = await inspectUqudoToken(token, {
      keys: jwksResolver,
      now: IAT + 1,
      expectations,
    });
    expect(result.kind).toBe('uqudo-result');
    expect(codes(result.findings)).toEqual([
      'verified-with-key',
      'aud-mismatch',
      'nonce-mismatch',
      'session-id-mismatch',
    ]);
    expect(verdictOf(result)).toBe('invalid');
  });
});

describe('classification and the session id', () => {
  it('classifies a bearer sent to a Uqudo host as an access token', async () => {
    const token = await mintToken({ sub: 'client', exp: IAT + 1800 }, { key: keys.rsa });
    const result = await inspectUqudoToken(token, {
      seenAs: 'bearer',
      url: 'https://id.uqudo.io/api/v1/info/x',
      now: IAT,
    });
    expect(result.kind).toBe('uqudo-access-token');
  });

  it('returns no session id for non-object payloads', () => {
    expect(
      findSessionId({
        format: 'jws',
        header: {},
        payload: 'text',
        signature: 'valid',
        kind: 'unknown',
        findings: [],
      }),
    ).toBeUndefined();
  });
});
