// RFC 7520 vectors (tests/fixtures/rfc7520): JWS 4.1–4.4, JWE 5.1/5.2/5.4 and nested 6 through inspectToken.
import { base64url } from 'jose';
import { describe, expect, it } from 'vitest';
import { inspectToken, verdictOf, type InspectOptions } from './inspect';
import { createStaticKeyResolver, parseDecryptionKey, parseKeys } from './keys';
import { readRfc7520Vector, tamperSegment } from './testing/tokens';

const FRODO_TEXT =
  "It’s a dangerous business, Frodo, going out your door. You step onto the road, and if you don't keep your feet, there’s no knowing where you might be swept off to.";

async function keysFor(jwk: unknown): Promise<InspectOptions['keys']> {
  const parsed = await parseKeys(JSON.stringify(jwk), 'RFC 7520');
  if (!parsed.ok) throw new Error(parsed.error);
  return createStaticKeyResolver(parsed.keys);
}

async function decryptionKeyFor(jwk: unknown) {
  const parsed = await parseDecryptionKey(JSON.stringify(jwk), 'RFC 7520');
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.key;
}

const codes = (findings: { code: string }[]) => findings.map((f) => f.code);

describe.each([
  ['4_1.rsa_v15_signature.json', 'RS256'],
  ['4_2.rsa-pss_signature.json', 'PS384'],
  ['4_3.ecdsa_signature.json', 'ES512'],
])('JWS vector %s', (file, alg) => {
  const vector = readRfc7520Vector(file);
  const compact = vector.output.compact as string;

  it(`verifies (${alg}) with the vector's key; the text payload is shown as text`, async () => {
    const result = await inspectToken(compact, { keys: await keysFor(vector.input.key) });
    expect(result.format).toBe('jws');
    expect(result.header).toEqual(vector.signing.protected);
    expect(result.payload).toBe(FRODO_TEXT);
    expect(result.signature).toBe('valid');
    // A text payload has no claims to check: the signature is valid, the verdict is not (issue 9).
    expect(codes(result.findings)).toEqual([
      'payload-not-json',
      'verified-with-key',
      'claims-unchecked',
    ]);
    expect(verdictOf(result)).toBe('invalid');
  });

  it('reports signature-invalid when one byte of the payload is flipped', async () => {
    const tampered = tamperSegment(compact, 1, 10);
    const result = await inspectToken(tampered, { keys: await keysFor(vector.input.key) });
    expect(result.signature).toBe('invalid');
    expect(codes(result.findings)).toContain('signature-invalid');
    expect(result.findings.find((f) => f.code === 'signature-invalid')?.severity).toBe('error');
    expect(verdictOf(result)).toBe('invalid');
  });

  it('reports signature-invalid when one byte of the signature is flipped', async () => {
    const [h, p, s] = compact.split('.') as [string, string, string];
    const bytes = base64url.decode(s);
    bytes[3] = (bytes[3] as number) ^ 0x01;
    const result = await inspectToken(`${h}.${p}.${base64url.encode(bytes)}`, {
      keys: await keysFor(vector.input.key),
    });
    expect(result.signature).toBe('invalid');
    expect(codes(result.findings)).toContain('signature-invalid');
  });
});

describe('JWS vector 4.4 (HS256)', () => {
  const vector = readRfc7520Vector('4_4.hmac-sha2_integrity_protection.json');
  const compact = vector.output.compact as string;
  const secret = base64url.decode(vector.input.key.k as string);

  it('is unsupported with alg-not-allowed when no secret is given', async () => {
    const result = await inspectToken(compact);
    expect(result.signature).toBe('unsupported');
    expect(codes(result.findings)).toContain('alg-not-allowed');
    expect(verdictOf(result)).toBe('invalid');
  });

  it('verifies with the secret from the vector', async () => {
    const result = await inspectToken(compact, { hmacSecret: secret });
    expect(result.signature).toBe('valid');
    expect(result.payload).toBe(FRODO_TEXT);
    expect(codes(result.findings)).toContain('claims-unchecked');
    expect(verdictOf(result)).toBe('invalid');
  });

  it('verifies with the vector JWK given as a key (oct keys are HMAC secrets)', async () => {
    const result = await inspectToken(compact, { keys: await keysFor(vector.input.key) });
    expect(result.signature).toBe('valid');
  });

  it('is signature-invalid with a flipped byte or the wrong secret', async () => {
    const tampered = await inspectToken(tamperSegment(compact, 1, 10), { hmacSecret: secret });
    expect(tampered.signature).toBe('invalid');
    expect(codes(tampered.findings)).toContain('signature-invalid');
    const wrong = await inspectToken(compact, {
      // As long as the hash (32 bytes): a shorter secret is refused before verifying.
      hmacSecret: new TextEncoder().encode('not the secret, but 32 bytes lon'),
    });
    expect(wrong.signature).toBe('invalid');
  });

  it('respects an explicit allowlist without HS256 even with a secret', async () => {
    const result = await inspectToken(compact, { hmacSecret: secret, allowedAlgs: ['RS256'] });
    expect(result.signature).toBe('unsupported');
    expect(codes(result.findings)).toContain('alg-not-allowed');
  });
});

const JWE_TEXT =
  'You can trust us to stick with you through thick and thin–to the bitter end. And you can trust us to keep any secret of yours–closer than you keep it yourself. But you cannot trust us to let you face trouble alone, and go off without a word. We are your friends, Frodo.';

describe.each([
  ['5_2.key_encryption_using_rsa-oaep_with_aes-gcm.json', 'RSA-OAEP', 'A256GCM'],
  [
    '5_4.key_agreement_with_key_wrapping_using_ecdh-es_and_aes-keywrap_with_aes-gcm.json',
    'ECDH-ES+A128KW',
    'A128GCM',
  ],
])('JWE vector %s', (file, alg, enc) => {
  const vector = readRfc7520Vector(file);
  const compact = vector.output.compact as string;

  it(`decrypts (${alg}, ${enc}) with the vector's private key`, async () => {
    const result = await inspectToken(compact, {
      decryptionKey: await decryptionKeyFor(vector.input.key),
    });
    expect(result.format).toBe('jwe');
    expect(result.header).toMatchObject({ alg, enc });
    expect(result.payload).toBe(JWE_TEXT);
    expect(result.inner).toBeUndefined();
    expect(codes(result.findings)).toEqual(['payload-not-json', 'not-signed', 'claims-unchecked']);
    // Unsigned content inside a JWE is an error: anyone with the public key can make it.
    expect(result.findings.find((f) => f.code === 'not-signed')?.severity).toBe('error');
    expect(verdictOf(result)).toBe('invalid');
  });

  it('stays encrypted (info) without a key', async () => {
    const result = await inspectToken(compact);
    expect(result.payload).toBeNull();
    expect(result.findings).toEqual([
      expect.objectContaining({ code: 'encrypted', severity: 'info' }),
    ]);
    expect(verdictOf(result)).toBe('encrypted');
  });

  it('reports decrypt-failed when the ciphertext is altered', async () => {
    const result = await inspectToken(tamperSegment(compact, 3, 4), {
      decryptionKey: await decryptionKeyFor(vector.input.key),
    });
    expect(result.payload).toBeNull();
    expect(codes(result.findings)).toContain('decrypt-failed');
    expect(verdictOf(result)).toBe('invalid');
  });
});

describe('JWE vector 5.1 (RSA1_5)', () => {
  it('is reported as decrypt-failed: jose 6 dropped RSA1_5, and the message says so', async () => {
    const vector = readRfc7520Vector('5_1.key_encryption_using_rsa_v15_and_aes-hmac-sha2.json');
    const result = await inspectToken(vector.output.compact as string, {
      decryptionKey: await decryptionKeyFor(vector.input.key),
    });
    expect(result.format).toBe('jwe');
    expect(result.header).toMatchObject({ alg: 'RSA1_5', enc: 'A128CBC-HS256' });
    const finding = result.findings.find((f) => f.code === 'decrypt-failed');
    expect(finding?.message).toContain('RSA1_5');
    expect(verdictOf(result)).toBe('invalid');
  });
});

describe('nested vector 6 (PS256 JWS inside RSA-OAEP/A128GCM JWE)', () => {
  const vector = readRfc7520Vector('6.nesting_signatures_and_encryption.json');
  const compact = vector.encrypt.output.compact as string;

  it('decrypts and inspects the inner JWS fully', async () => {
    const result = await inspectToken(compact, {
      keys: await keysFor(vector.sign.input.key),
      decryptionKey: await decryptionKeyFor(vector.encrypt.input.key),
      now: 1300819000,
    });
    expect(result.format).toBe('jwe');
    expect(result.header).toMatchObject({ cty: 'JWT' });
    expect(result.payload).toBe(vector.encrypt.input.plaintext);
    expect(result.inner?.format).toBe('jws');
    expect(result.inner?.header).toEqual({ alg: 'PS256', typ: 'JWT' });
    expect(result.inner?.payload).toEqual({
      iss: 'hobbiton.example',
      exp: 1300819380,
      'http://example.com/is_root': true,
    });
    expect(result.inner?.signature).toBe('valid');
    expect(result.kind).toBe('jwt');
    expect(verdictOf(result)).toBe('valid');
  });

  it('says the inner JWS expired (it did in 2011) while its signature stays valid', async () => {
    const result = await inspectToken(compact, {
      keys: await keysFor(vector.sign.input.key),
      decryptionKey: await decryptionKeyFor(vector.encrypt.input.key),
      now: 1300819380 + 65,
    });
    expect(result.inner?.signature).toBe('valid');
    const expired = result.inner?.findings.find((f) => f.code === 'expired');
    expect(expired?.message).toBe('Expired 1 min 5 s ago (exp 2011-03-22T18:43:00Z).');
    expect(verdictOf(result)).toBe('invalid');
  });

  it('leaves the inner signature unverified without verification keys', async () => {
    const result = await inspectToken(compact, {
      decryptionKey: await decryptionKeyFor(vector.encrypt.input.key),
      now: 1300819000,
    });
    expect(result.inner?.signature).toBe('unverified');
    expect(codes(result.inner?.findings ?? [])).toContain('unverified');
    expect(verdictOf(result)).toBe('unverified');
  });
});
