// Tests for finding severities and the translation of real jose errors into findings.
import {
  CompactEncrypt,
  compactDecrypt,
  compactVerify,
  errors,
  generateKeyPair,
  importJWK,
} from 'jose';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertyParameters } from '../../tests/fast-check';
import {
  FINDING_SEVERITIES,
  createFinding,
  describeJoseError,
  quoteUntrusted,
  splitFindingMessage,
} from './findings';

describe('FINDING_SEVERITIES', () => {
  it('has the severities the CLI contract fixes', () => {
    const required = {
      malformed: 'error',
      'alg-none': 'error',
      'alg-not-allowed': 'error',
      'crit-unsupported': 'error',
      'embedded-key-ignored': 'warning',
      'signature-invalid': 'error',
      'key-not-found': 'error',
      unverified: 'warning',
      expired: 'error',
      'not-yet-valid': 'error',
      'issued-in-future': 'error',
      'non-canonical-encoding': 'error',
      'claims-unchecked': 'error',
      'claim-invalid': 'error',
      'not-signed': 'error',
      'key-source-refused': 'error',
      'key-not-used': 'warning',
      'iss-mismatch': 'error',
      'aud-mismatch': 'error',
      'jti-mismatch': 'error',
      'nonce-mismatch': 'error',
      'jti-not-uuid': 'warning',
      encrypted: 'info',
      'decrypt-failed': 'error',
    };
    expect(FINDING_SEVERITIES).toMatchObject(required);
  });

  it('createFinding takes the severity from the table', () => {
    expect(createFinding('expired', 'm')).toEqual({
      severity: 'error',
      code: 'expired',
      message: 'm',
    });
    expect(createFinding('encrypted', 'm').severity).toBe('info');
  });
});

describe('describeJoseError', () => {
  it('translates a failed signature check', async () => {
    const { privateKey, publicKey } = await generateKeyPair('ES256');
    const { CompactSign } = await import('jose');
    const token = await new CompactSign(new TextEncoder().encode('x'))
      .setProtectedHeader({ alg: 'ES256' })
      .sign(privateKey);
    const other = await generateKeyPair('ES256');
    const error = await compactVerify(token, other.publicKey).catch((e: unknown) => e);
    expect(describeJoseError(error, 'verify').code).toBe('signature-invalid');
    expect(await compactVerify(token, publicKey)).toBeTruthy();
  });

  it('translates a failed decryption', async () => {
    const key = new Uint8Array(32).fill(7);
    const jwe = await new CompactEncrypt(new TextEncoder().encode('x'))
      .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
      .encrypt(key);
    const error = await compactDecrypt(jwe, new Uint8Array(32).fill(8)).catch((e: unknown) => e);
    expect(describeJoseError(error, 'decrypt')).toMatchObject({
      code: 'decrypt-failed',
      severity: 'error',
    });
  });

  it('translates unsupported algorithms and invalid structures per context', async () => {
    const notSupported = await importJWK({ kty: 'XYZ' }, 'RS256').catch((e: unknown) => e);
    expect(notSupported).toBeInstanceOf(errors.JOSENotSupported);
    expect(describeJoseError(notSupported, 'verify').code).toBe('verify-failed');
    expect(describeJoseError(notSupported, 'decrypt').code).toBe('decrypt-failed');
    const invalid = await compactVerify('a.b', new Uint8Array(32)).catch((e: unknown) => e);
    expect(describeJoseError(invalid, 'verify').code).toBe('malformed');
    expect(describeJoseError(new errors.JOSEAlgNotAllowed('no'), 'verify').code).toBe(
      'alg-not-allowed',
    );
    expect(describeJoseError(new errors.JWKSNoMatchingKey(), 'verify').code).toBe('key-not-found');
    expect(describeJoseError(new errors.JWKSTimeout(), 'key').code).toBe('keys-unavailable');
  });

  it('handles non-jose errors and non-errors, shortening long messages', () => {
    expect(
      describeJoseError(new TypeError('CryptoKey does not support this operation'), 'verify'),
    ).toEqual({
      severity: 'error',
      code: 'verify-failed',
      message: 'Verification failed: CryptoKey does not support this operation',
    });
    expect(describeJoseError('x'.repeat(1000), 'decode').message.length).toBeLessThan(400);
    expect(describeJoseError(undefined, 'decrypt').message).toBe(
      'Decryption failed: unknown error',
    );
  });
});

describe('quoteUntrusted', () => {
  it('quotes and shortens values taken from a token', () => {
    expect(quoteUntrusted('RS256')).toBe('"RS256"');
    expect(quoteUntrusted(undefined)).toBe('"undefined"');
    expect(quoteUntrusted('k'.repeat(500))).toBe(`"${'k'.repeat(80)}…"`);
  });
});

describe('splitFindingMessage', () => {
  it('finds every value quoted with quoteUntrusted, whatever it holds (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 30 }),
        fc.string({ maxLength: 30 }),
        (kid, alg) => {
          const message = `No key with kid ${quoteUntrusted(kid)} can verify ${quoteUntrusted(alg)}.`;
          const parts = splitFindingMessage(message);
          expect(parts.filter((p) => p.quoted).map((p) => p.text)).toEqual([kid, alg]);
          expect(parts[0]).toEqual({ text: 'No key with kid ', quoted: false });
          expect(parts.map((p) => (p.quoted ? JSON.stringify(p.text) : p.text)).join('')).toBe(
            message,
          );
        },
      ),
      propertyParameters(),
    );
  });

  it('keeps a message without quotes whole', () => {
    expect(splitFindingMessage('Expired 2 min ago.')).toEqual([
      { text: 'Expired 2 min ago.', quoted: false },
    ]);
  });
});
