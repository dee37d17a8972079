// Tests for the key hygiene rules and how parsing, selection and the JWKS loader apply them.
import { base64url } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildJwks, generateTestKeys, type TestKeys } from '../testing/tokens';
import {
  checkDecryptionUse,
  checkHmacKeyLength,
  checkKeySet,
  checkRsaPublicKey,
  checkVerificationUse,
} from './hygiene';
import {
  createJwksLoader,
  createStaticKeyResolver,
  parseDecryptionKey,
  parseKeys,
  type ParsedKeys,
} from './index';

let keys: TestKeys;

beforeAll(async () => {
  keys = await generateTestKeys();
});

const exponent = (value: number | bigint) => {
  let hex = BigInt(value).toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  return base64url.encode(Buffer.from(hex, 'hex'));
};

async function parsedOk(text: string): Promise<ParsedKeys> {
  const result = await parseKeys(text, 'test');
  if (!result.ok) throw new Error(result.error);
  return result;
}

describe('checkRsaPublicKey', () => {
  it('accepts 2048 bits with e = 65537 and refuses small moduli and unsafe exponents', () => {
    const n = keys.rsa.publicJwk.n!;
    expect(checkRsaPublicKey({ n, e: 'AQAB' })).toBeUndefined();
    expect(checkRsaPublicKey({ n, e: exponent(1) })).toMatch(/exponent 1 is below 65537/);
    expect(checkRsaPublicKey({ n, e: exponent(3) })).toMatch(/exponent 3 is below 65537/);
    expect(checkRsaPublicKey({ n, e: exponent(65538) })).toMatch(/exponent 65538 is even/);
    expect(checkRsaPublicKey({ n, e: exponent(2n ** 256n + 1n) })).toMatch(/2\^256 or larger/);
    const short = base64url.encode(base64url.decode(n).slice(0, 128));
    expect(checkRsaPublicKey({ n: short, e: 'AQAB' })).toMatch(/1024 bits, below the 2048-bit/);
    // Leading zero bytes do not count as modulus bits.
    const padded = base64url.encode(new Uint8Array([0, ...base64url.decode(short)]));
    expect(checkRsaPublicKey({ n: padded, e: 'AQAB' })).toMatch(/1024 bits/);
  });
});

describe('metadata and lengths', () => {
  it('lets a key verify only when use and key_ops allow it', () => {
    expect(checkVerificationUse({})).toBeUndefined();
    expect(checkVerificationUse({ use: 'sig', key_ops: ['verify'] })).toBeUndefined();
    expect(checkVerificationUse({ use: 'enc' })).toMatch(/encryption key/);
    expect(checkVerificationUse({ use: 'other' })).toMatch(/"other", not "sig"/);
    expect(checkVerificationUse({ key_ops: ['encrypt'] })).toMatch(/do not include "verify"/);
    expect(checkVerificationUse({ key_ops: 'verify' })).toMatch(/not an array/);
  });

  it('lets a key decrypt only when use and key_ops allow it', () => {
    expect(checkDecryptionUse({ use: 'enc', key_ops: ['unwrapKey'] })).toBeUndefined();
    expect(checkDecryptionUse({ key_ops: ['deriveBits'] })).toBeUndefined();
    expect(checkDecryptionUse({ use: 'sig' })).toMatch(/signing key/);
    expect(checkDecryptionUse({ key_ops: ['sign', 'verify'] })).toMatch(/include none of/);
  });

  it('wants HMAC secrets at least as long as the hash output', () => {
    expect(checkHmacKeyLength(new Uint8Array(31), 'HS256')).toMatch(
      /31 bytes, shorter than the 32-byte/,
    );
    expect(checkHmacKeyLength(new Uint8Array(32), 'HS256')).toBeUndefined();
    expect(checkHmacKeyLength(new Uint8Array(47), 'HS384')).toMatch(/48-byte/);
    expect(checkHmacKeyLength(new Uint8Array(64), 'HS512')).toBeUndefined();
  });

  it('refuses a set with one kid for two keys, or secrets beside public keys', () => {
    expect(
      checkKeySet([
        { kid: 'a', symmetric: false, thumbprint: 'x' },
        { kid: 'a', symmetric: false, thumbprint: 'x' },
      ]),
    ).toEqual([]);
    expect(
      checkKeySet([
        { kid: 'a', symmetric: false, thumbprint: 'x' },
        { kid: 'a', symmetric: false, thumbprint: 'y' },
      ]),
    ).toEqual(['2 different keys share kid "a"']);
    expect(
      checkKeySet([
        { symmetric: true, thumbprint: 'x' },
        { symmetric: false, thumbprint: 'y' },
      ]),
    ).toEqual(['it mixes 1 symmetric (HMAC) secret with 1 public key']);
  });
});

describe('parsing and selection apply the rules', () => {
  it('refuses weak keys, keeps the rest, and tells a token naming one why', async () => {
    const text = JSON.stringify({
      keys: [keys.rsa.publicJwk, { ...keys.rsaOther.publicJwk, e: 'AQ' }],
    });
    const parsed = await parsedOk(text);
    expect(parsed.keys.map((k) => k.kid)).toEqual(['rsa-main']);
    expect(parsed.refused).toEqual([
      { kid: 'rsa-other', source: 'test', reason: expect.stringMatching(/exponent 1/) },
    ]);
    const lookup = await createStaticKeyResolver(
      parsed.keys,
      parsed.refused,
    )({ alg: 'RS256', kid: 'rsa-other' });
    expect(lookup).toMatchObject({
      status: 'not-found',
      notes: [
        expect.stringMatching(/^Key "rsa-other" from test was refused: RSA public exponent 1/),
      ],
    });
  });

  it('says when a kid-matching key is pinned to another alg', async () => {
    const parsed = await parsedOk(JSON.stringify({ ...keys.rsa.publicJwk, alg: 'PS256' }));
    const lookup = await createStaticKeyResolver(parsed.keys)({ alg: 'RS256', kid: 'rsa-main' });
    expect(lookup).toMatchObject({
      status: 'not-found',
      notes: [
        'Key "rsa-main" from test was not used: it is pinned to alg PS256 (its JWK "alg"), the token says "RS256".',
      ],
    });
  });

  it('refuses an ambiguous JWKS as a whole, from text and from a URL', async () => {
    const twice = JSON.stringify({
      keys: [keys.rsa.publicJwk, { ...keys.rsaOther.publicJwk, kid: 'rsa-main' }],
    });
    expect(await parseKeys(twice, 'test')).toEqual({
      ok: false,
      refused: true,
      error: 'The key set is refused: 2 different keys share kid "rsa-main".',
    });
    const fetch = (async () =>
      new Response(twice, { status: 200 })) as unknown as typeof globalThis.fetch;
    const loader = createJwksLoader({ url: 'https://id.test/jwks', fetch });
    expect(await loader({ alg: 'RS256', kid: 'rsa-main' })).toEqual({
      status: 'refused',
      message:
        'JWKS https://id.test/jwks: The key set is refused: 2 different keys share kid "rsa-main".',
    });
    const mixed = JSON.stringify({
      keys: [keys.ec.publicJwk, { kty: 'oct', k: base64url.encode('s'.repeat(32)) }],
    });
    expect(await parseKeys(mixed)).toMatchObject({
      ok: false,
      refused: true,
      error: expect.stringMatching(/mixes 1 symmetric/),
    });
    expect(await parseKeys(buildJwks(keys.rsa, keys.ec))).toMatchObject({ ok: true });
  });

  it("keeps a decryption key's alg and refuses one whose use or key_ops forbid decrypting", async () => {
    const jwk = { kty: 'oct', k: base64url.encode('0123456789abcdef'), alg: 'A128GCM' };
    expect(await parseDecryptionKey(JSON.stringify(jwk))).toMatchObject({
      ok: true,
      key: { alg: 'A128GCM' },
    });
    expect(await parseDecryptionKey(JSON.stringify({ ...jwk, use: 'sig' }))).toEqual({
      ok: false,
      error: 'No usable decryption key: key: refused, it is a signing key (use "sig").',
    });
    expect(
      await parseDecryptionKey(JSON.stringify({ ...jwk, key_ops: ['encrypt'] })),
    ).toMatchObject({ ok: false });
  });
});
