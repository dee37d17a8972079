// inspectToken with generated keys: every positive and negative case of verification, decryption, policy and time claims.
import { FlattenedSign, importPKCS8 } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from './findings';
import { inspectToken, verdictOf, type Inspection } from './inspect';
import {
  createStaticKeyResolver,
  parseDecryptionKey,
  parseKeys,
  type KeyResolver,
  type VerificationKey,
} from './keys';
import {
  buildJwks,
  buildUqudoPayload,
  encryptToken,
  generateTestKeyPair,
  generateTestKeys,
  mintToken,
  mintUnsignedToken,
  readTestCertificate,
  tamperSegment,
  type TestKeyPair,
  type TestKeys,
} from './testing/tokens';

let keys: TestKeys;
let jwksResolver: KeyResolver;
const IAT = 1_760_000_000;

async function resolverFrom(text: string, source = 'test keys'): Promise<KeyResolver> {
  const parsed = await parseKeys(text, source);
  if (!parsed.ok) throw new Error(parsed.error);
  return createStaticKeyResolver(parsed.keys);
}

async function decryptionKeyFrom(text: string) {
  const parsed = await parseDecryptionKey(text, 'test');
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.key;
}

const codes = (findings: Finding[]) => findings.map((f) => f.code);
const finding = (result: Inspection, code: string) => result.findings.find((f) => f.code === code);

beforeAll(async () => {
  keys = await generateTestKeys();
  jwksResolver = await resolverFrom(
    buildJwks(keys.rsa, keys.rsaOther, keys.ec, keys.ec384, keys.ed),
    'jwks.json',
  );
});

describe('valid signatures', () => {
  it('verifies a Uqudo-shaped RS256 result against a JWKS with several keys', async () => {
    const payload = buildUqudoPayload({ iat: IAT });
    const token = await mintToken(payload, { key: keys.rsa });
    const result = await inspectToken(token, { keys: jwksResolver, now: IAT + 60 });
    expect(result).toEqual({
      format: 'jws',
      header: { alg: 'RS256', kid: 'rsa-main' },
      payload,
      signature: 'valid',
      kind: 'jwt',
      findings: [
        {
          severity: 'info',
          code: 'verified-with-key',
          message: 'Signature verified with RSA 2048-bit kid "rsa-main" RS256 from jwks.json.',
        },
      ],
    });
    expect(verdictOf(result)).toBe('valid');
  });

  it.each([
    ['ES256', () => keys.ec],
    ['ES384', () => keys.ec384],
    ['Ed25519', () => keys.ed],
  ])('verifies %s', async (_alg, pair) => {
    const token = await mintToken({ sub: 'a' }, { key: pair() });
    const result = await inspectToken(token, { keys: jwksResolver });
    expect(result.signature).toBe('valid');
    expect(verdictOf(result)).toBe('valid');
  });

  it('verifies alg EdDSA with an Ed25519 key', async () => {
    const token = await mintToken(
      { sub: 'a' },
      { key: keys.ed.privateKey, alg: 'EdDSA', kid: 'ed-25519' },
    );
    const result = await inspectToken(token, { keys: jwksResolver });
    expect(result.signature).toBe('valid');
  });

  it('verifies ES512 (P-521) and every RSA variant with one PEM public key', async () => {
    const ec521 = await generateTestKeyPair('ES512', 'p521');
    const ecToken = await mintToken({ a: 1 }, { key: ec521 });
    expect(
      (await inspectToken(ecToken, { keys: await resolverFrom(ec521.publicPem) })).signature,
    ).toBe('valid');

    const rsaPem = await resolverFrom(keys.rsa.publicPem, 'rsa.pem');
    for (const alg of ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512']) {
      const token = await mintToken({ alg }, { key: keys.rsa, alg });
      const result = await inspectToken(token, { keys: rsaPem });
      expect([alg, result.signature]).toEqual([alg, 'valid']);
    }
  });

  it('verifies with an X.509 certificate (RS256 and PS256)', async () => {
    const { certificatePem, privateKeyPem } = readTestCertificate();
    const resolver = await resolverFrom(certificatePem, 'cert.pem');
    for (const alg of ['RS256', 'PS256']) {
      const token = await mintToken(
        { sub: 'cert' },
        { key: await importPKCS8(privateKeyPem, alg), alg, kid: 'any' },
      );
      const result = await inspectToken(token, { keys: resolver });
      expect([alg, result.signature, verdictOf(result)]).toEqual([alg, 'valid', 'valid']);
    }
  });

  it('tries every key when the header has no kid', async () => {
    const token = await mintToken({ a: 1 }, { key: keys.rsaOther, kid: null });
    const result = await inspectToken(token, { keys: jwksResolver });
    expect(result.signature).toBe('valid');
    expect(finding(result, 'verified-with-key')?.message).toContain('rsa-other');
  });

  it('verifies RFC 7797 unencoded payloads (crit b64)', async () => {
    // jose's CompactSign refuses b64: false; FlattenedSign leaves the unencoded payload to the caller.
    const signed = await new FlattenedSign(new TextEncoder().encode('plain-text-payload'))
      .setProtectedHeader({ alg: 'ES256', kid: 'ec-p256', b64: false, crit: ['b64'] })
      .sign(keys.ec.privateKey);
    const token = `${signed.protected}.plain-text-payload.${signed.signature}`;
    const result = await inspectToken(token, { keys: jwksResolver });
    expect(result.payload).toBe('plain-text-payload');
    expect(result.signature).toBe('valid');
    expect(codes(result.findings)).not.toContain('crit-unsupported');
  });
});

describe('signature failures and key selection', () => {
  it('reports signature-invalid for a tampered payload', async () => {
    const token = await mintToken({ amount: 1 }, { key: keys.rsa });
    const result = await inspectToken(tamperSegment(token, 1, 3), { keys: jwksResolver });
    expect(result.signature).toBe('invalid');
    expect(finding(result, 'signature-invalid')?.severity).toBe('error');
    expect(verdictOf(result)).toBe('invalid');
  });

  it('reports signature-invalid when the named kid holds a different key', async () => {
    const token = await mintToken({ a: 1 }, { key: keys.rsaOther, kid: 'rsa-main' });
    const result = await inspectToken(token, { keys: jwksResolver });
    expect(result.signature).toBe('invalid');
    expect(codes(result.findings)).toContain('signature-invalid');
  });

  it('reports key-not-found listing the known kids when the kid is unknown', async () => {
    const token = await mintToken({ a: 1 }, { key: keys.rsa, kid: 'rotated-away' });
    const result = await inspectToken(token, { keys: jwksResolver });
    expect(result.signature).toBe('unverified');
    const notFound = finding(result, 'key-not-found');
    expect(notFound?.severity).toBe('error');
    expect(notFound?.message).toBe(
      'No key with kid "rotated-away" in jwks.json (known kids: "rsa-main", "rsa-other", "ec-p256", "ec-p384", "ed-25519").',
    );
    expect(verdictOf(result)).toBe('invalid');
  });

  it('reports key-not-found when no configured key fits the algorithm', async () => {
    const token = await mintToken({ a: 1 }, { key: keys.rsa, kid: null });
    const result = await inspectToken(token, { keys: await resolverFrom(buildJwks(keys.ec)) });
    expect(result.signature).toBe('unverified');
    expect(finding(result, 'key-not-found')?.message).toContain('can verify "RS256"');
  });

  it('warns unverified when no key is configured', async () => {
    const token = await mintToken(buildUqudoPayload({ iat: IAT }), { key: keys.rsa });
    const result = await inspectToken(token, { now: IAT });
    expect(result.signature).toBe('unverified');
    expect(result.findings).toEqual([
      expect.objectContaining({ code: 'unverified', severity: 'warning' }),
    ]);
    expect(verdictOf(result)).toBe('unverified');
  });

  it('turns an unavailable or failing key source into keys-unavailable, not a crash', async () => {
    const token = await mintToken({ a: 1 }, { key: keys.rsa });
    const unavailable: KeyResolver = async () => ({
      status: 'unavailable',
      message: 'JWKS HTTP 503.',
    });
    const throwing: KeyResolver = async () => {
      throw new Error('socket hang up');
    };
    for (const resolver of [unavailable, throwing]) {
      const result = await inspectToken(token, { keys: resolver });
      expect(result.signature).toBe('unverified');
      expect(finding(result, 'keys-unavailable')?.severity).toBe('warning');
      expect(verdictOf(result)).toBe('unverified');
    }
  });

  it('reports a key jose cannot use (a resolver returning a bogus RSA key) as verify-failed', async () => {
    const token = await mintToken({ a: 1 }, { key: keys.rsa });
    const bogus: VerificationKey = {
      kid: 'rsa-main',
      kty: 'RSA',
      key: new Uint8Array([1, 2, 3]),
      source: 'bogus',
      thumbprint: 'bogus',
    };
    const result = await inspectToken(token, {
      keys: async () => ({ status: 'found', keys: [bogus] }),
    });
    expect(result.signature).toBe('unverified');
    expect(codes(result.findings)).toContain('verify-failed');
  });
});

describe('header policy', () => {
  it('rejects alg none', async () => {
    const result = await inspectToken(mintUnsignedToken({ sub: 'x' }), { keys: jwksResolver });
    expect(result.format).toBe('jws');
    expect(result.signature).toBe('invalid');
    expect(finding(result, 'alg-none')?.severity).toBe('error');
    expect(verdictOf(result)).toBe('invalid');
  });

  it('ignores an embedded jwk: the attacker key is reported, the configured keys decide', async () => {
    const attacker = await generateTestKeyPair('RS256', 'rsa-main');
    const token = await mintToken(
      { admin: true },
      { key: attacker, header: { jwk: attacker.publicJwk } },
    );
    const result = await inspectToken(token, { keys: jwksResolver });
    expect(finding(result, 'embedded-key-ignored')).toEqual({
      severity: 'warning',
      code: 'embedded-key-ignored',
      message:
        'The header names its own key (jwk); it was ignored: only keys you configured are used.',
    });
    expect(result.signature).toBe('invalid');
    expect(verdictOf(result)).toBe('invalid');
  });

  it('lists jku, x5u and x5c too, and still verifies with the configured key', async () => {
    const token = await mintToken(
      { a: 1 },
      {
        key: keys.rsa,
        header: { jku: 'https://evil.test/jwks', x5u: 'https://evil.test/c', x5c: ['AAAA'] },
      },
    );
    const result = await inspectToken(token, { keys: jwksResolver });
    expect(finding(result, 'embedded-key-ignored')?.message).toContain('jku, x5u, x5c');
    expect(result.signature).toBe('valid');
  });

  it('reports an unknown crit extension as an error while the signature itself verifies', async () => {
    const token = await mintToken(
      { a: 1 },
      { key: keys.rsa, header: { crit: ['exp-ext'], 'exp-ext': 1 } },
    );
    const result = await inspectToken(token, { keys: jwksResolver });
    expect(finding(result, 'crit-unsupported')?.severity).toBe('error');
    expect(finding(result, 'crit-unsupported')?.message).toContain('"exp-ext"');
    expect(result.signature).toBe('valid');
    expect(verdictOf(result)).toBe('invalid');
  });

  it('enforces the allowlist', async () => {
    const token = await mintToken({ a: 1 }, { key: keys.rsa });
    const result = await inspectToken(token, { keys: jwksResolver, allowedAlgs: ['ES256'] });
    expect(result.signature).toBe('unsupported');
    expect(finding(result, 'alg-not-allowed')?.message).toBe(
      'alg "RS256" is not in the allowed list (ES256).',
    );
    expect(verdictOf(result)).toBe('invalid');
  });

  it('treats HS256 as unsupported without a secret and verifies it with one', async () => {
    const secret = new TextEncoder().encode('a-shared-secret-of-32-bytes-long!');
    const token = await mintToken({ a: 1 }, { key: secret, alg: 'HS256' });
    const without = await inspectToken(token, { keys: jwksResolver });
    expect(without.signature).toBe('unsupported');
    expect(codes(without.findings)).toEqual(['alg-not-allowed']);
    const withSecret = await inspectToken(token, { hmacSecret: secret });
    expect(withSecret.signature).toBe('valid');
  });
});

describe('claims', () => {
  it('says how long ago an expired token expired, while the signature stays valid', async () => {
    const payload = buildUqudoPayload({ iat: IAT, lifetime: 1800 });
    const token = await mintToken(payload, { key: keys.rsa });
    const result = await inspectToken(token, { keys: jwksResolver, now: IAT + 1800 + 303 });
    expect(result.signature).toBe('valid');
    expect(finding(result, 'expired')).toEqual({
      severity: 'error',
      code: 'expired',
      message: `Expired 5 min 3 s ago (exp ${new Date((IAT + 1800) * 1000).toISOString().replace('.000Z', 'Z')}).`,
    });
    expect(verdictOf(result)).toBe('invalid');
  });

  it('treats exp == now as expired and honours the leeway', async () => {
    const token = await mintToken({ exp: IAT }, { key: keys.rsa });
    expect(codes((await inspectToken(token, { keys: jwksResolver, now: IAT })).findings)).toContain(
      'expired',
    );
    const lenient = await inspectToken(token, { keys: jwksResolver, now: IAT + 10, leeway: 30 });
    expect(codes(lenient.findings)).not.toContain('expired');
    expect(verdictOf(lenient)).toBe('valid');
  });
});

describe('JWE', () => {
  let recipient: TestKeyPair;
  let ecRecipient: TestKeyPair;

  beforeAll(async () => {
    recipient = await generateTestKeyPair('RSA-OAEP-256', 'enc-rsa');
    ecRecipient = await generateTestKeyPair('ECDH-ES+A256KW', 'enc-ec');
  });

  it('decrypts a nested Uqudo JWS (cty JWT) and inspects it fully as inner', async () => {
    const payload = buildUqudoPayload({ iat: IAT });
    const jws = await mintToken(payload, { key: keys.rsa });
    const jwe = await encryptToken(jws, {
      key: recipient,
      alg: 'RSA-OAEP-256',
      enc: 'A256GCM',
      cty: 'JWT',
    });
    const result = await inspectToken(jwe, {
      keys: jwksResolver,
      decryptionKey: await decryptionKeyFrom(JSON.stringify(recipient.privateJwk)),
      now: IAT + 5,
    });
    expect(result.format).toBe('jwe');
    expect(result.payload).toBe(jws);
    expect(result.signature).toBe('unverified');
    // The generic layer names a JSON payload `jwt`; lib/uqudo's profile says more.
    expect(result.kind).toBe('jwt');
    expect(result.findings).toEqual([]);
    expect(result.inner?.signature).toBe('valid');
    expect(result.inner?.payload).toEqual(payload);
    expect(verdictOf(result)).toBe('valid');
  });

  it('finds the nested JWS without cty, with a PKCS#8 PEM key, and reports the inner expiry', async () => {
    const jws = await mintToken(buildUqudoPayload({ iat: IAT, lifetime: 600 }), { key: keys.ec });
    const jwe = await encryptToken(jws, {
      key: ecRecipient,
      alg: 'ECDH-ES+A256KW',
      enc: 'A128CBC-HS256',
    });
    const result = await inspectToken(jwe, {
      keys: jwksResolver,
      decryptionKey: await decryptionKeyFrom(ecRecipient.privatePem),
      now: IAT + 700,
    });
    expect(result.inner?.signature).toBe('valid');
    expect(finding(result.inner as Inspection, 'expired')?.message).toMatch(
      /^Expired 1 min 40 s ago/,
    );
    expect(verdictOf(result)).toBe('invalid');
  });

  it('reports decrypt-failed with the wrong private key', async () => {
    const other = await generateTestKeyPair('RSA-OAEP-256', 'enc-rsa');
    const jwe = await encryptToken('secret', {
      key: recipient,
      alg: 'RSA-OAEP-256',
      enc: 'A256GCM',
    });
    const result = await inspectToken(jwe, {
      decryptionKey: await decryptionKeyFrom(JSON.stringify(other.privateJwk)),
    });
    expect(result.payload).toBeNull();
    expect(finding(result, 'decrypt-failed')?.severity).toBe('error');
    expect(verdictOf(result)).toBe('invalid');
  });

  it('warns when the decryption key kid differs from the header kid', async () => {
    const jwe = await encryptToken('x', {
      key: recipient,
      alg: 'RSA-OAEP-256',
      enc: 'A256GCM',
      kid: 'someone-else',
    });
    const result = await inspectToken(jwe, {
      decryptionKey: await decryptionKeyFrom(JSON.stringify(recipient.privateJwk)),
    });
    expect(codes(result.findings)).toContain('decrypt-key-kid-mismatch');
    expect(result.payload).toBe('x');
  });

  it('rejects an alg the key type cannot do before calling jose', async () => {
    const jwe = await encryptToken('x', {
      key: ecRecipient,
      alg: 'ECDH-ES+A256KW',
      enc: 'A256GCM',
    });
    const result = await inspectToken(jwe, {
      decryptionKey: await decryptionKeyFrom(JSON.stringify(recipient.privateJwk)),
    });
    expect(finding(result, 'decrypt-failed')?.message).toContain('"ECDH-ES+A256KW"');
  });

  it('checks claims of a JSON plaintext and warns that it is not signed', async () => {
    const jwe = await encryptToken(JSON.stringify({ exp: IAT - 60, sub: 'x' }), {
      key: recipient,
      alg: 'RSA-OAEP-256',
      enc: 'A256GCM',
      cty: 'JWT',
    });
    const result = await inspectToken(jwe, {
      decryptionKey: await decryptionKeyFrom(JSON.stringify(recipient.privateJwk)),
      now: IAT,
    });
    expect(result.payload).toEqual({ exp: IAT - 60, sub: 'x' });
    expect(codes(result.findings)).toEqual(['cty-mismatch', 'not-signed', 'expired']);
    expect(result.kind).toBe('jwt');
  });

  it('decrypts dir + A256GCM with a symmetric JWK', async () => {
    const secret = crypto.getRandomValues(new Uint8Array(32));
    const jwe = await encryptToken('{"ok":true}', { key: secret, alg: 'dir', enc: 'A256GCM' });
    const jwk = JSON.stringify({ kty: 'oct', k: Buffer.from(secret).toString('base64url') });
    const result = await inspectToken(jwe, { decryptionKey: await decryptionKeyFrom(jwk) });
    expect(result.payload).toEqual({ ok: true });
  });

  it('stops at the nesting limit instead of recursing forever', async () => {
    let token = await mintToken({ a: 1 }, { key: keys.rsa });
    for (let i = 0; i < 4; i++) {
      token = await encryptToken(token, { key: recipient, alg: 'RSA-OAEP-256', enc: 'A256GCM' });
    }
    const result = await inspectToken(token, {
      decryptionKey: await decryptionKeyFrom(JSON.stringify(recipient.privateJwk)),
    });
    let depth = 0;
    let current: Inspection | undefined = result;
    while (current?.inner) {
      current = current.inner;
      depth++;
    }
    expect(depth).toBe(3);
    expect(current?.format).toBe('invalid');
    expect(codes(current?.findings ?? [])).toEqual(['malformed']);
  });
});

describe('classification context, verdicts and the result shape', () => {
  it('produces plain JSON that round-trips (the CLI prints it as is)', async () => {
    const token = await mintToken(buildUqudoPayload({ iat: IAT }), { key: keys.rsa });
    const result = await inspectToken(token, { keys: jwksResolver, now: IAT });
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
    expect(Object.keys(result)).toEqual([
      'format',
      'header',
      'payload',
      'signature',
      'kind',
      'findings',
    ]);
  });

  it('derives verdicts in the documented order', () => {
    const base: Inspection = {
      format: 'jws',
      header: {},
      payload: {},
      signature: 'valid',
      kind: 'jwt',
      findings: [],
    };
    const error = { severity: 'error' as const, code: 'expired', message: 'x' };
    expect(verdictOf({ ...base, format: 'invalid' })).toBe('malformed');
    expect(verdictOf(base)).toBe('valid');
    expect(verdictOf({ ...base, signature: 'unsupported' })).toBe('unsupported');
    expect(verdictOf({ ...base, findings: [error] })).toBe('invalid');
    const jwe: Inspection = { ...base, format: 'jwe', signature: 'unverified' };
    expect(
      verdictOf({ ...jwe, findings: [{ severity: 'info', code: 'encrypted', message: 'x' }] }),
    ).toBe('encrypted');
    expect(verdictOf({ ...jwe, inner: base })).toBe('valid');
    expect(verdictOf({ ...jwe, inner: { ...base, findings: [error] } })).toBe('invalid');
  });
});
