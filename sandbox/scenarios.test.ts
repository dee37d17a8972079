// Tests of the pure scenario builders: check digits, MRZ shapes, lifetimes and claim sets.
import { describe, expect, it } from 'vitest';
import {
  SCENARIOS,
  buildResultClaims,
  computeCheckDigit,
  isScenario,
  listImageKinds,
  planLifetime,
  usesSeparateResultId,
  type ScenarioContext,
} from './scenarios';

const NOW = 1_800_000_000;

function context(overrides: Partial<ScenarioContext> = {}): ScenarioContext {
  return {
    origin: 'http://127.0.0.1:8321',
    clientId: 'c0ffee00-5a4d-4b1e-8000-000000000001',
    sessionId: '11111111-2222-4333-8444-555555555555',
    resultId: '11111111-2222-4333-8444-555555555555',
    issuedAt: NOW,
    expiresAt: NOW + 1800,
    imageIds: { portrait: 'a'.repeat(24), front: 'b'.repeat(24), selfie: 'c'.repeat(24) },
    nfcPhotoBase64: '/9j/4AAQ',
    sourceIp: '127.0.0.1',
    ...overrides,
  };
}

type Payload = Record<string, any>;

describe('computeCheckDigit', () => {
  it('matches the ICAO 9303 specimen values', () => {
    expect(computeCheckDigit('L898902C3')).toBe('6');
    expect(computeCheckDigit('740812')).toBe('2');
    expect(computeCheckDigit('120415')).toBe('9');
    expect(computeCheckDigit('<<<<<<<<<<<<<<')).toBe('0');
  });
});

describe('isScenario / listImageKinds / usesSeparateResultId', () => {
  it('recognises exactly the listed scenarios', () => {
    for (const s of SCENARIOS) expect(isScenario(s)).toBe(true);
    expect(isScenario('PASSPORT')).toBe(false);
    expect(isScenario(undefined)).toBe(false);
  });

  it('gives UAE IDs back images and face sessions only a selfie', () => {
    expect(listImageKinds('uae-id')).toContain('back');
    expect(listImageKinds('passport')).not.toContain('back');
    expect(listImageKinds('face-session')).toEqual(['selfie']);
    expect(usesSeparateResultId('face-session')).toBe(true);
    expect(usesSeparateResultId('passport')).toBe(false);
  });
});

describe('planLifetime', () => {
  it('defaults to 1800 s, 600 s for face sessions, and honours an override', () => {
    expect(planLifetime('passport', NOW)).toEqual({ issuedAt: NOW, expiresAt: NOW + 1800 });
    expect(planLifetime('face-session', NOW)).toEqual({ issuedAt: NOW, expiresAt: NOW + 600 });
    expect(planLifetime('uae-id', NOW, 1)).toEqual({ issuedAt: NOW, expiresAt: NOW + 1 });
  });

  it('issues expired results in the past and treats lifetime <= 0 as already expired', () => {
    const expired = planLifetime('expired', NOW);
    expect(expired.expiresAt).toBeLessThan(NOW);
    expect(expired.expiresAt - expired.issuedAt).toBe(1800);
    const zero = planLifetime('passport', NOW, 0);
    expect(zero.expiresAt).toBe(NOW);
    expect(zero.issuedAt).toBeLessThan(zero.expiresAt);
    const negative = planLifetime('passport', NOW, -30);
    expect(negative.expiresAt).toBe(NOW - 30);
  });
});

describe('buildResultClaims', () => {
  it('builds passport claims with a consistent TD3 MRZ', () => {
    const claims = buildResultClaims('passport', context({ nonce: 'abc' })) as Payload;
    expect(claims).toMatchObject({
      iss: 'http://127.0.0.1:8321',
      aud: 'c0ffee00-5a4d-4b1e-8000-000000000001',
      iat: NOW,
      exp: NOW + 1800,
      jti: '11111111-2222-4333-8444-555555555555',
    });
    expect(claims.data.nonce).toBe('abc');
    const front = claims.data.documents[0].scan.front;
    const [line1, line2] = front.mrzText.split('\n');
    expect(line1).toHaveLength(44);
    expect(line2).toHaveLength(44);
    expect(line2.slice(0, 9)).toBe(front.documentNumber);
    expect(line2[9]).toBe(computeCheckDigit(front.documentNumber));
    expect(line2.slice(13, 19)).toBe(front.dateOfBirth);
    expect(line2.slice(21, 27)).toBe(front.dateOfExpiry);
    const composite = line2.slice(0, 10) + line2.slice(13, 20) + line2.slice(21, 43);
    expect(line2[43]).toBe(computeCheckDigit(composite));
    expect(claims.data.verifications[0].mrzChecksum.finalCheckDigit).toBe(Number(line2[43]));
    const scan = claims.data.documents[0].scan;
    expect(scan.faceImageId).toBe('a'.repeat(24));
    expect(scan.backImageId).toBeNull();
    expect(scan.back).toEqual({});
    expect(claims.data.documents[0].reading.data.photo).toBe('/9j/4AAQ');
  });

  it('builds a UAE ID with a 3x30 TD1 MRZ and numeric check digits', () => {
    const claims = buildResultClaims('uae-id', context()) as Payload;
    const lines = claims.data.documents[0].scan.back.mrzText.split('\n');
    expect(lines.map((l: string) => l.length)).toEqual([30, 30, 30]);
    const digits = claims.data.verifications[0].mrzChecksum.checkDigits;
    expect(digits.every((d: Payload) => typeof d.checkDigit === 'number')).toBe(true);
    // Image kinds the context did not assign are null, not missing.
    expect(claims.data.documents[0].scan.backImageId).toBeNull();
    expect(claims.data.documents[0].scan.front.frontImageId).toBeUndefined();
  });

  it('binds face sessions through data.sessionId and omits the nonce when absent', () => {
    const claims = buildResultClaims(
      'face-session',
      context({ resultId: '99999999-8888-4777-8666-555555555555' }),
    ) as Payload;
    expect(claims.jti).toBe('99999999-8888-4777-8666-555555555555');
    expect(claims.data.sessionId).toBe('11111111-2222-4333-8444-555555555555');
    expect(claims.data.face.auditTrailImageId).toBe('c'.repeat(24));
    expect(Object.keys(claims.data).sort()).toEqual(['face', 'sessionId']);
  });

  it('builds a Saudi ID whose chip dates are yyyyMMdd with Umm al-Qura siblings', () => {
    const info = (buildResultClaims('sau-id', context()) as Payload).data.documents[0].reading.data
      .personalInformation;
    expect(info.dateOfBirth).toBe('19900101');
    // 1 January 1990 falls in Jumada al-Akhirah (month 6) 1410 of the Umm al-Qura calendar.
    expect(info.dateOfBirthHijri).toMatch(/^141006\d\d$/);
  });

  it('leaves reading and face empty in a partial session', () => {
    const doc = (buildResultClaims('partial', context()) as Payload).data.documents[0];
    expect(doc.reading).toBeNull();
    expect(doc.face).toBeNull();
    expect(doc.scan.front.documentNumber).toBe('SAMPLE001');
  });
});
