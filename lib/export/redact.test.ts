// Unit tests of the allow-list redaction: kept fields, markers, tokens by hash, structure, hostile input.
import { describe, expect, it } from 'vitest';
import { BODY_ALLOWED, CLAIMS_ALLOWED, HEADER_ALLOWED } from './allow-list';
import { redactJson, type RedactionPolicy } from './redact';
import { redactUrl } from './redact-text';
import { scrubText } from './scrub';

const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJqdGkiOiJ4In0.c2lnbmF0dXJlLWJ5dGVz';
const HASH = 'a'.repeat(64);
const policy = (over: Partial<RedactionPolicy> = {}): RedactionPolicy => ({
  includePersonal: false,
  includeSecrets: false,
  hashOf: (token) => (token === TOKEN ? HASH : undefined),
  ...over,
});

describe('redactJson (claims)', () => {
  const payload = {
    iss: 'https://id.uqudo.io',
    jti: '8c1e7e1e-0000-4000-8000-000000000001',
    exp: 1_800_000_000,
    data: {
      documents: [
        {
          documentType: 'PASSPORT',
          scan: { front: { fullName: 'JANE DOE', dateOfBirth: '900101', mrzVerified: true } },
          face: { match: true, matchLevel: 4 },
        },
      ],
      verifications: [
        {
          idScreenDetection: { enabled: true, score: 3 },
          mrzChecksum: {
            valid: true,
            checkDigits: [
              { fieldName: 'dateOfBirth', fieldValue: '900101', checkDigit: 7, valid: true },
            ],
          },
          reading: { passiveAuthentication: { enabled: true, note: 'free text' } },
        },
      ],
      brandNewField: { value: 'something personal', flag: true },
    },
  };

  it('keeps allow-listed claims and check results, and only those', () => {
    const out = redactJson(payload, CLAIMS_ALLOWED, policy()) as any;
    expect(out.iss).toBe('https://id.uqudo.io');
    expect(out.jti).toBe(payload.jti);
    expect(out.exp).toBe(1_800_000_000);
    const document = out.data.documents[0];
    expect(document.documentType).toBe('PASSPORT');
    expect(document.face).toEqual({ match: true, matchLevel: 4 });
    expect(document.scan.front.mrzVerified).toBe(true);
    expect(document.scan.front.fullName).toEqual({ $redacted: 'string', length: 8 });
    expect(document.scan.front.dateOfBirth).toEqual({ $redacted: 'string', length: 6 });
    const verification = out.data.verifications[0];
    expect(verification.idScreenDetection).toEqual({ enabled: true, score: 3 });
    expect(verification.mrzChecksum.checkDigits[0]).toEqual({
      fieldName: 'dateOfBirth',
      fieldValue: { $redacted: 'string', length: 6 },
      checkDigit: { $redacted: 'number' },
      valid: true,
    });
    // A flags-only subtree keeps booleans, never strings.
    expect(verification.reading.passiveAuthentication).toEqual({
      enabled: true,
      note: { $redacted: 'string', length: 9 },
    });
  });

  it('redacts an unknown field, whatever its type (allow-list, not deny-list)', () => {
    const out = redactJson(payload, CLAIMS_ALLOWED, policy()) as any;
    expect(out.data.brandNewField).toEqual({
      value: { $redacted: 'string', length: 18 },
      flag: { $redacted: 'boolean' },
    });
  });

  it('names a token by its hash wherever it sits, even in an allow-listed field', () => {
    const out = redactJson({ iss: TOKEN, other: [TOKEN] }, CLAIMS_ALLOWED, policy()) as any;
    expect(out.iss).toEqual({ $redacted: 'token', length: TOKEN.length, sha256: HASH });
    expect(out.other[0]).toEqual({ $redacted: 'token', length: TOKEN.length, sha256: HASH });
  });

  it('marks images (base64, data URLs) as images', () => {
    const photo = 'A'.repeat(400);
    const out = redactJson(
      { data: { photo, url: `data:image/png;base64,${photo}` } },
      CLAIMS_ALLOWED,
      policy(),
    ) as any;
    expect(out.data.photo).toEqual({ $redacted: 'image', length: 400 });
    expect(out.data.url.$redacted).toBe('image');
  });

  it('with personal data included keeps everything but tokens', () => {
    const out = redactJson(
      { ...payload, token: TOKEN },
      CLAIMS_ALLOWED,
      policy({ includePersonal: true }),
    ) as any;
    expect(out.data.documents[0].scan.front.fullName).toBe('JANE DOE');
    expect(out.data.brandNewField.value).toBe('something personal');
    expect(out.token.$redacted).toBe('token');
    const secrets = redactJson(
      { token: TOKEN },
      CLAIMS_ALLOWED,
      policy({ includePersonal: true, includeSecrets: true }),
    ) as any;
    expect(secrets.token).toBe(TOKEN);
  });

  it('keeps JOSE header parameters but not keys named by the token', () => {
    const out = redactJson(
      { alg: 'RS256', kid: 'k1', jwk: { n: 'abc' } },
      HEADER_ALLOWED,
      policy(),
    ) as any;
    expect(out).toEqual({
      alg: 'RS256',
      kid: 'k1',
      jwk: { n: { $redacted: 'string', length: 3 } },
    });
  });

  it('applies body names at any depth in flat mode', () => {
    const out = redactJson(
      { a: { scope: 'KYC_SCAN_SDK', name: 'JANE' } },
      BODY_ALLOWED,
      policy(),
      'flat',
    ) as any;
    expect(out).toEqual({ a: { scope: 'KYC_SCAN_SDK', name: { $redacted: 'string', length: 4 } } });
  });

  it('survives hostile input: deep nesting, __proto__ keys, odd keys', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 10_000; i += 1) deep = [deep];
    expect(() => redactJson(deep, CLAIMS_ALLOWED, policy())).not.toThrow();
    const parsed = JSON.parse('{"__proto__": {"polluted": 1}, "JANE DOE <jane@example.com>": 1}');
    const out = redactJson(parsed, CLAIMS_ALLOWED, policy()) as Record<string, unknown>;
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.keys(out)).toEqual(['__proto__', '‹key 1›']);
    expect(({} as any).polluted).toBeUndefined();
  });
});

describe('redactUrl and scrubText', () => {
  it('keeps origin and path, redacts query values and the fragment', () => {
    expect(redactUrl('https://example.com/a/b?name=JANE&jws=x#frag', policy())).toBe(
      'https://example.com/a/b?name=‹redacted, 4 chars›&jws=‹redacted, 1 chars›#‹redacted›',
    );
    expect(redactUrl('not a url', policy())).toBe('‹unparsed URL, 9 chars›');
  });

  it('replaces tokens, data URLs and base64 runs inside text', () => {
    const text = `Bearer ${TOKEN} and data:image/png;base64,AAAA and ${'B'.repeat(200)}`;
    expect(scrubText(text, (t) => (t === TOKEN ? HASH : undefined))).toBe(
      `Bearer ‹token sha256:${HASH.slice(0, 16)}, ${TOKEN.length} chars› and ‹data URL, 26 chars› and ‹base64, 200 chars›`,
    );
  });
});
