// Tests for key parsing (JWKS, JWK, PEM, certificates), kid selection, the caching JWKS loader and decryption keys.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createJwksLoader,
  createStaticKeyResolver,
  parseDecryptionKey,
  parseKeys,
  selectKeys,
  type VerificationKey,
} from './index';
import {
  buildJwks,
  generateTestKeyPair,
  generateTestKeys,
  readRfc7520Vector,
  readTestCertificate,
  type TestKeys,
} from '../testing/tokens';

let keys: TestKeys;

beforeAll(async () => {
  keys = await generateTestKeys();
});

async function parsed(text: string): Promise<VerificationKey[]> {
  const result = await parseKeys(text, 'test');
  if (!result.ok) throw new Error(result.error);
  return result.keys;
}

describe('parseKeys', () => {
  it('reads a JWKS and describes each key without key material', async () => {
    const result = await parseKeys(buildJwks(keys.rsa, keys.ec, keys.ed), 'jwks.json');
    expect(result).toMatchObject({
      ok: true,
      description:
        'JWKS with 3 keys: RSA 2048-bit kid "rsa-main" RS256, EC P-256 kid "ec-p256" ES256, Ed25519 kid "ed-25519" Ed25519',
    });
    if (!result.ok) return;
    expect(result.keys.map((k) => [k.kid, k.kty, k.source])).toEqual([
      ['rsa-main', 'RSA', 'jwks.json'],
      ['ec-p256', 'EC', 'jwks.json'],
      ['ed-25519', 'OKP', 'jwks.json'],
    ]);
  });

  it('reads a single JWK, ignoring its private members', async () => {
    const result = await parseKeys(JSON.stringify({ ...keys.ec.privateJwk, alg: 'ES256' }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.description).toBe('JWK with 1 key: EC P-256 kid "ec-p256" ES256');
    expect((result.keys[0]?.key as CryptoKey).type).toBe('public');
  });

  it('reads PEM SPKI public keys and X.509 certificates, several blocks at once', async () => {
    const { certificatePem } = readTestCertificate();
    const result = await parseKeys(`${keys.ec.publicPem}\n${certificatePem}\n${keys.ed.publicPem}`);
    expect(result).toMatchObject({
      ok: true,
      description: 'PEM with 3 keys: EC P-256, RSA 2048-bit, Ed25519',
    });
  });

  it('skips encryption keys and unusable entries but keeps the rest', async () => {
    const text = JSON.stringify({
      keys: [
        keys.rsa.publicJwk,
        { ...keys.rsaOther.publicJwk, use: 'enc' },
        'junk',
        { kty: 'RSA', kid: 'broken' },
      ],
    });
    const result = await parseKeys(text);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.keys.map((k) => k.kid)).toEqual(['rsa-main']);
    expect(result.description).toContain(
      'skipped: key "rsa-other": refused, it is an encryption key (use "enc")',
    );
    expect(result.description).toContain('entry 2 is not an object');
  });

  it('reads an oct JWK as an HMAC secret', async () => {
    const vector = readRfc7520Vector('4_4.hmac-sha2_integrity_protection.json');
    const [key] = await parsed(JSON.stringify(vector.input.key));
    expect(key?.kty).toBe('oct');
    expect(key?.key).toBeInstanceOf(Uint8Array);
    expect(key?.alg).toBe('HS256');
  });

  it.each([
    ['', 'The key text is empty.'],
    ['hello', 'Not a JWKS, JWK or PEM: the text is neither JSON nor PEM.'],
    ['{"foo":1}', 'Not a JWKS or JWK: expected {"keys": [...]} or an object with "kty".'],
    ['{"keys":[]}', 'No usable key in the JWKS.'],
    ['-----BEGIN PUBLIC KEY-----\nAAAA', 'PEM block "PUBLIC KEY" has no END line.'],
  ])('explains unusable input %j', async (text, error) => {
    expect(await parseKeys(text)).toEqual({ ok: false, error });
  });

  it('explains PKCS#1 public keys and private keys given as verification keys', async () => {
    const pkcs1 = await parseKeys(
      '-----BEGIN RSA PUBLIC KEY-----\nAAAA\n-----END RSA PUBLIC KEY-----',
    );
    expect(pkcs1.ok).toBe(false);
    if (!pkcs1.ok) expect(pkcs1.error).toContain('openssl rsa -RSAPublicKey_in');
    const privatePem = await parseKeys(keys.rsa.privatePem);
    expect(privatePem.ok).toBe(false);
    if (!privatePem.ok) {
      expect(privatePem.error).toContain('This is a private key');
      expect(privatePem.error).not.toContain(keys.rsa.privatePem.slice(30, 60));
    }
  });

  it('rejects a corrupted PEM body with a message', async () => {
    const result = await parseKeys(
      '-----BEGIN PUBLIC KEY-----\nbm90IGEga2V5\n-----END PUBLIC KEY-----',
    );
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.error).toMatch(/^No usable key in the PEM\. Could not import the public key/);
  });

  it('rejects oversized text', async () => {
    const result = await parseKeys(' '.repeat(2 * 1024 * 1024));
    expect(result.ok).toBe(false);
  });
});

describe('selectKeys and createStaticKeyResolver', () => {
  it('matches by kid, lets kid-less keys (PEM) match any kid, then filters by alg', async () => {
    const jwks = await parsed(buildJwks(keys.rsa, keys.rsaOther, keys.ec));
    const pem = await parsed(keys.rsa.publicPem);
    expect(selectKeys(jwks, { alg: 'RS256', kid: 'rsa-other' }, 's')).toMatchObject({
      status: 'found',
      keys: [{ kid: 'rsa-other' }],
    });
    expect(selectKeys(jwks, { alg: 'RS256' }, 's')).toMatchObject({
      status: 'found',
      keys: [{ kid: 'rsa-main' }, { kid: 'rsa-other' }],
    });
    expect(selectKeys(pem, { alg: 'PS512', kid: 'whatever' }, 's').status).toBe('found');
    expect(selectKeys(jwks, { alg: 'ES384', kid: 'ec-p256' }, 's')).toMatchObject({
      status: 'not-found',
    });
    expect(selectKeys([], { alg: 'RS256' }, 'nothing')).toEqual({
      status: 'not-found',
      message: 'No keys in nothing.',
    });
  });

  it('lists the known kids when the kid is unknown', async () => {
    const resolver = createStaticKeyResolver(await parsed(buildJwks(keys.rsa, keys.ec)));
    expect(await resolver({ alg: 'RS256', kid: 'nope' })).toEqual({
      status: 'not-found',
      message: 'No key with kid "nope" in test (known kids: "rsa-main", "ec-p256").',
    });
  });

  it('does not use a key pinned to another alg', async () => {
    const [pinned] = await parsed(JSON.stringify(keys.rsa.publicJwk));
    expect(
      selectKeys([pinned as VerificationKey], { alg: 'PS256', kid: 'rsa-main' }, 's').status,
    ).toBe('not-found');
  });
});

/** A fake fetch that serves a JWKS body which the test can swap, counting calls. */
function fakeJwksServer(initial: string) {
  const state = { body: initial, calls: 0, status: 200 };
  const fetch = (async () => {
    state.calls++;
    return new Response(state.body, {
      status: state.status,
      headers: { 'content-type': 'application/json' },
    });
  }) as unknown as typeof globalThis.fetch;
  return { state, fetch };
}

describe('createJwksLoader', () => {
  it('fetches once, serves known kids from the cache, refetches only on an unknown kid', async () => {
    const server = fakeJwksServer(buildJwks(keys.rsa));
    const loader = createJwksLoader({
      url: 'https://id.test/jwks',
      fetch: server.fetch,
      cooldownMs: 0,
    });
    expect(await loader({ alg: 'RS256', kid: 'rsa-main' })).toMatchObject({ status: 'found' });
    expect(await loader({ alg: 'RS256', kid: 'rsa-main' })).toMatchObject({ status: 'found' });
    expect(await loader({ alg: 'RS256' })).toMatchObject({ status: 'found' });
    expect(server.state.calls).toBe(1);

    server.state.body = buildJwks(keys.rsa, keys.rsaOther);
    expect(await loader({ alg: 'RS256', kid: 'rsa-other' })).toMatchObject({
      status: 'found',
      keys: [{ kid: 'rsa-other', source: 'https://id.test/jwks' }],
    });
    expect(server.state.calls).toBe(2);
    expect(await loader({ alg: 'RS256', kid: 'rsa-other' })).toMatchObject({ status: 'found' });
    expect(server.state.calls).toBe(2);
  });

  it('refetches an unknown kid at most once per cooldown', async () => {
    const server = fakeJwksServer(buildJwks(keys.rsa));
    let clock = 1_000_000;
    const loader = createJwksLoader({
      url: 'https://id.test/jwks',
      fetch: server.fetch,
      now: () => clock,
    });
    await loader({ alg: 'RS256', kid: 'rsa-main' });
    expect(await loader({ alg: 'RS256', kid: 'ghost' })).toMatchObject({ status: 'not-found' });
    expect(await loader({ alg: 'RS256', kid: 'ghost' })).toMatchObject({ status: 'not-found' });
    expect(server.state.calls).toBe(1);
    clock += 30_000;
    await loader({ alg: 'RS256', kid: 'ghost' });
    expect(server.state.calls).toBe(2);
  });

  it('shares one request between concurrent lookups', async () => {
    const server = fakeJwksServer(buildJwks(keys.rsa));
    const loader = createJwksLoader({ url: 'https://id.test/jwks', fetch: server.fetch });
    const results = await Promise.all([loader({ kid: 'rsa-main' }), loader({ kid: 'rsa-main' })]);
    expect(results.map((r) => r.status)).toEqual(['found', 'found']);
    expect(server.state.calls).toBe(1);
  });

  it('reports network errors, HTTP errors, bad bodies and timeouts as unavailable', async () => {
    const failing = (async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof fetch;
    expect(
      await createJwksLoader({ url: 'https://x.test/j', fetch: failing })({ kid: 'a' }),
    ).toEqual({
      status: 'unavailable',
      message: 'Could not load the JWKS from https://x.test/j: network error: Failed to fetch',
    });

    const server = fakeJwksServer('{}');
    server.state.status = 503;
    expect(
      await createJwksLoader({ url: 'https://x.test/j', fetch: server.fetch })({ kid: 'a' }),
    ).toMatchObject({
      status: 'unavailable',
      message: 'Could not load the JWKS from https://x.test/j: HTTP 503',
    });

    const html = fakeJwksServer('<html>login</html>');
    const bad = await createJwksLoader({ url: 'https://x.test/j', fetch: html.fetch })({
      kid: 'a',
    });
    expect(bad.status).toBe('unavailable');

    const hanging = (() => new Promise<Response>(() => undefined)) as unknown as typeof fetch;
    const timedOut = await createJwksLoader({
      url: 'https://x.test/j',
      fetch: hanging,
      timeoutMs: 20,
    })({ kid: 'a' });
    expect(timedOut).toEqual({
      status: 'unavailable',
      message: 'Could not load the JWKS from https://x.test/j: timed out after 20 ms',
    });
  });

  it('recovers after a failed first load', async () => {
    const server = fakeJwksServer('oops');
    const loader = createJwksLoader({
      url: 'https://x.test/j',
      fetch: server.fetch,
      failureCooldownMs: 0,
    });
    expect((await loader({ kid: 'rsa-main' })).status).toBe('unavailable');
    server.state.body = buildJwks(keys.rsa);
    expect((await loader({ kid: 'rsa-main' })).status).toBe('found');
  });

  it('answers from a remembered failure during the failure cooldown, then retries', async () => {
    const server = fakeJwksServer('{}');
    server.state.status = 503;
    let clock = 1_000_000;
    const loader = createJwksLoader({
      url: 'https://x.test/j',
      fetch: server.fetch,
      now: () => clock,
    });
    expect((await loader({ kid: 'rsa-main' })).status).toBe('unavailable');
    expect((await loader({ kid: 'rsa-main' })).status).toBe('unavailable');
    expect(server.state.calls).toBe(1);
    server.state.status = 200;
    server.state.body = buildJwks(keys.rsa);
    clock += 5000;
    expect((await loader({ kid: 'rsa-main' })).status).toBe('found');
    expect(server.state.calls).toBe(2);
  });
});

describe('parseDecryptionKey', () => {
  it('reads a private RSA JWK and a PKCS#8 PEM (RSA and EC)', async () => {
    const rsa = await generateTestKeyPair('RSA-OAEP-256', 'enc-1');
    const ec = await generateTestKeyPair('ECDH-ES', 'enc-2');
    expect(await parseDecryptionKey(JSON.stringify(rsa.privateJwk))).toMatchObject({
      ok: true,
      key: { kid: 'enc-1', kty: 'RSA' },
      description: 'RSA private key kid "enc-1" from JWK',
    });
    expect(await parseDecryptionKey(rsa.privatePem)).toMatchObject({
      ok: true,
      key: { kty: 'RSA' },
      description: 'RSA private key from PKCS#8 PEM',
    });
    expect(await parseDecryptionKey(ec.privatePem)).toMatchObject({
      ok: true,
      key: { kty: 'EC', crv: 'P-256' },
    });
  });

  it('picks the first private key of a JWKS', async () => {
    const rsa = await generateTestKeyPair('RSA-OAEP', 'enc-3');
    const text = JSON.stringify({ keys: [rsa.publicJwk, rsa.privateJwk] });
    expect(await parseDecryptionKey(text)).toMatchObject({ ok: true, key: { kid: 'enc-3' } });
  });

  it('explains public keys, PKCS#1 PEMs and garbage', async () => {
    expect(await parseDecryptionKey(JSON.stringify(keys.rsa.publicJwk))).toEqual({
      ok: false,
      error: 'No private key found: a decryption JWK needs "d" (or "k" for a symmetric key).',
    });
    const pkcs1 = await parseDecryptionKey(
      '-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----',
    );
    expect(pkcs1.ok).toBe(false);
    if (!pkcs1.ok) expect(pkcs1.error).toContain('openssl pkcs8 -topk8');
    expect((await parseDecryptionKey('not a key')).ok).toBe(false);
    expect((await parseDecryptionKey(keys.rsa.publicPem)).ok).toBe(false);
    expect((await parseDecryptionKey('{"kty":"RSA","d":"AA","n":"AA","e":"AQAB"}')).ok).toBe(false);
  });
});
