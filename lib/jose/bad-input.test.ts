// Bad-input corpus: truncated, non-base64url, non-JSON headers, invalid UTF-8, huge and deeply nested inputs → clear findings.
import { base64url } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { findTokens } from './find';
import { inspectToken, verdictOf, type Inspection } from './inspect';
import { createStaticKeyResolver, parseKeys } from './keys';
import { generateTestKeyPair, mintToken, type TestKeyPair } from './testing/tokens';

let signer: TestKeyPair;
let token: string;

beforeAll(async () => {
  signer = await generateTestKeyPair('ES256', 'bad-input');
  token = await mintToken({ sub: 'x', exp: 4_000_000_000 }, { key: signer });
});

const enc = (text: string) => base64url.encode(text);
const onlyFinding = (result: Inspection) => {
  expect(result.findings).toHaveLength(1);
  return result.findings[0];
};

describe('malformed tokens become one clear finding', () => {
  it.each([
    ['empty', () => '', 'The token is empty.'],
    ['whitespace', () => '  \n ', 'The token is empty.'],
    [
      'one segment',
      () => 'abc',
      'Expected 3 segments (JWS) or 5 (JWE) separated by dots, found 1.',
    ],
    [
      'four segments',
      () => `${token}.x`,
      'Expected 3 segments (JWS) or 5 (JWE) separated by dots, found 4.',
    ],
    [
      'truncated to two segments',
      () => token.split('.').slice(0, 2).join('.'),
      'Expected 3 segments (JWS) or 5 (JWE) separated by dots, found 2.',
    ],
    [
      'standard base64 characters',
      () => token.replace(/^e/, '+'),
      "The header contains '+' at offset 0, outside base64url.",
    ],
    [
      'a space inside',
      () => `${token.slice(0, 10)} ${token.slice(10)}`,
      'The header contains U+0020 at offset 10, outside base64url.',
    ],
    [
      'non-JSON header',
      () => `${enc('not json')}.${enc('{}')}.AA`,
      'Cannot read the header: the header is not a JSON object.',
    ],
    [
      'array header',
      () => `${enc('[1]')}.${enc('{}')}.AA`,
      'Cannot read the header: the header is not a JSON object.',
    ],
    [
      'impossible base64url length',
      () => `eyJhb.${enc('{}')}.AA`,
      'Cannot read the header: the header is not valid base64url.',
    ],
    [
      'header without alg',
      () => `${enc('{"typ":"JWT"}')}.${enc('{}')}.AA`,
      'The header has no "alg".',
    ],
    [
      'JWE header without enc',
      () => `${enc('{"alg":"RSA-OAEP"}')}.a.b.c.d`,
      'The JWE header has no "enc".',
    ],
    [
      'invalid UTF-8 in the header',
      () => `${base64url.encode(new Uint8Array([0x7b, 0xff, 0x7d]))}.${enc('{}')}.AA`,
      'Cannot read the header: the header is not valid UTF-8.',
    ],
    [
      'broken payload base64url',
      () => `${enc('{"alg":"ES256"}')}.A.AA`,
      'The payload is not valid base64url.',
    ],
  ])('%s', async (_name, build, message) => {
    const result = await inspectToken(build());
    expect(result.format).toBe('invalid');
    expect(onlyFinding(result)).toEqual({ severity: 'error', code: 'malformed', message });
    expect(verdictOf(result)).toBe('malformed');
  });

  it('rejects tokens over 4 MB without decoding them', async () => {
    const huge = `${enc('{"alg":"ES256"}')}.${'A'.repeat(5 * 1024 * 1024)}.AA`;
    const result = await inspectToken(huge);
    expect(onlyFinding(result)?.message).toBe('The token is 5.0 MB, over the 4 MB limit.');
  });
});

describe('well-formed tokens with odd payloads', () => {
  it('reports invalid UTF-8 in the payload as a warning and still verifies', async () => {
    const bytes = new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d]);
    const signed = await mintToken(bytes, { key: signer });
    const result = await inspectToken(signed);
    expect(result.format).toBe('jws');
    expect(result.findings.map((f) => f.code)).toEqual(['invalid-utf8', 'unverified']);
    expect(result.payload).toEqual({ a: '\ufffd(' });
  });

  it('shows a non-JSON payload as text and an empty payload as an empty string', async () => {
    const text = await inspectToken(await mintToken('hello', { key: signer }));
    expect(text.payload).toBe('hello');
    expect(text.findings[0]?.code).toBe('payload-not-json');
    const empty = await inspectToken(await mintToken('', { key: signer }));
    expect(empty.payload).toBe('');
    expect(empty.findings[0]?.message).toBe('The payload is empty.');
  });

  it('parses a deeply nested (100 000 levels) JSON payload without exceptions', async () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const result = await inspectToken(await mintToken(deep, { key: signer }));
    expect(result.format).toBe('jws');
    // An array payload carries no claims: that alone keeps it from being valid.
    expect(result.findings.map((f) => f.code)).toEqual(['unverified', 'claims-unchecked']);
    expect(Array.isArray(result.payload)).toBe(true);
  });

  it('accepts a JWE whose parts are garbage as encrypted, and reports decrypt-failed with a key', async () => {
    const jwe = `${enc('{"alg":"dir","enc":"A256GCM"}')}..AAAA.AAAA.AAAA`;
    const result = await inspectToken(jwe);
    expect(verdictOf(result)).toBe('encrypted');
    const withKey = await inspectToken(jwe, {
      decryptionKey: { kty: 'oct', jwk: { kty: 'oct', k: enc('k'.repeat(32)) }, source: 't' },
    });
    expect(withKey.findings.map((f) => f.code)).toEqual(['decrypt-failed']);
  });
});

describe('finder on hostile text', () => {
  it('finds nothing in binary noise and invalid UTF-16 without throwing', () => {
    const noise = Array.from({ length: 50_000 }, (_, i) =>
      String.fromCharCode((i * 7919) % 65536),
    ).join('');
    expect(findTokens(noise)).toEqual([]);
    expect(findTokens('\ud800eyJ\udfff.a.b')).toEqual([]);
  });

  it('handles a run of a million dots and a megabyte of backslashes', () => {
    expect(findTokens('.'.repeat(1_000_000))).toEqual([]);
    expect(findTokens(`${'\\'.repeat(1_000_000)}${token}`)).toEqual([
      { token, format: 'jws', start: 1_000_000, end: 1_000_000 + token.length },
    ]);
  });
});

describe('untrusted header values in messages', () => {
  it('shortens a huge kid and alg so messages stay readable', async () => {
    const kid = 'k'.repeat(10_000);
    const header = enc(JSON.stringify({ alg: 'ES256', kid }));
    const parsed = await parseKeys(JSON.stringify(signer.publicJwk));
    if (!parsed.ok) throw new Error(parsed.error);
    const result = await inspectToken(`${header}.${enc('{}')}.AA`, {
      keys: createStaticKeyResolver(parsed.keys),
    });
    expect(result.findings.map((f) => f.code)).toEqual(['key-not-found']);
    expect(result.findings[0]?.message).toBe(
      `No key with kid "${'k'.repeat(80)}…" in configured keys (known kids: "bad-input").`,
    );
    const weird = await inspectToken(
      `${enc(JSON.stringify({ alg: 'A'.repeat(10_000) }))}.${enc('{}')}.AA`,
    );
    const message = weird.findings.find((f) => f.code === 'alg-not-allowed')?.message ?? '';
    expect(message.length).toBeLessThan(300);
  });
});
