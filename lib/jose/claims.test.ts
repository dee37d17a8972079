// Tests for the claim checks and the human-readable time formatting.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertyParameters } from '../../tests/fast-check';
import {
  MAX_NUMERIC_DATE,
  checkClaims,
  describeExpiryTime,
  describeRelativeTime,
  formatDuration,
  formatNumericDate,
  isNumericDate,
  isUuid,
} from './claims';

const NOW = 1_760_000_000;
const codes = (payload: unknown, extra: Partial<Parameters<typeof checkClaims>[1]> = {}) =>
  checkClaims(payload, { now: NOW, leeway: 0, ...extra }).map((f) => f.code);

describe('formatDuration', () => {
  it.each([
    [0, '0 s'],
    [12, '12 s'],
    [303, '5 min 3 s'],
    [3600, '1 h'],
    [3660, '1 h 1 min'],
    [7325, '2 h 2 min'],
    [93_784, '1 d 2 h'],
    [2 * 86_400, '2 d'],
    [-65, '1 min 5 s'],
    // Only adjacent units, and part seconds are dropped (as in the panel's countdown).
    [3605, '1 h'],
    [86_400 + 59, '1 d'],
    [59.9, '59 s'],
    [0.4, '0 s'],
    [Number.POSITIVE_INFINITY, 'an unbounded time'],
    [Number.NaN, 'an unbounded time'],
  ])('%d s → %s', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });
});

describe('formatNumericDate', () => {
  it('formats seconds as ISO 8601 UTC and falls back to the number when out of range', () => {
    expect(formatNumericDate(1300819380)).toBe('2011-03-22T18:43:00Z');
    expect(formatNumericDate(1300819380.5)).toBe('2011-03-22T18:43:00.500Z');
    expect(formatNumericDate(1e20)).toBe('100000000000000000000');
  });
});

describe('checkClaims', () => {
  it('accepts a token inside its validity window', () => {
    expect(codes({ iat: NOW - 10, nbf: NOW - 10, exp: NOW + 10 })).toEqual([]);
  });

  it('applies the leeway to exp, nbf and iat', () => {
    const payload = { iat: NOW + 20, nbf: NOW + 20, exp: NOW - 20 };
    expect(codes(payload)).toEqual(['expired', 'not-yet-valid', 'issued-in-future']);
    expect(codes(payload, { leeway: 30 })).toEqual([]);
    const [expired] = checkClaims({ exp: NOW - 20 }, { now: NOW, leeway: 5 });
    expect(expired?.message).toBe(
      `Expired 20 s ago (exp ${formatNumericDate(NOW - 20)}, leeway 5 s).`,
    );
  });

  it('reports non-numeric time claims without crashing on huge values', () => {
    expect(codes({ exp: '2030-01-01', nbf: null, iat: 1e300 })).toEqual([
      'claim-invalid',
      'claim-invalid',
      'claim-invalid',
    ]);
    expect(checkClaims({ iat: 1e300 }, { now: NOW, leeway: 0 })[0]?.message).toContain(': 1e+300.');
  });

  it('warns about a jti that is not a UUID', () => {
    expect(codes({ jti: 'abc' })).toEqual(['jti-not-uuid']);
    expect(codes({ jti: '0F8E7D6C-5B4A-4392-8170-6F5E4D3C2B1A' })).toEqual([]);
    expect(isUuid('0f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a')).toBe(true);
    expect(isUuid('0f8e7d6c5b4a43928170-6f5e4d3c2b1a')).toBe(false);
  });

  it('checks expectations against a non-object payload as missing claims', () => {
    const findings = checkClaims('text', {
      now: NOW,
      leeway: 0,
      expectations: { iss: 'i', aud: 'a', jti: 'j', nonce: 'n', sessionId: 's' },
    });
    expect(findings.map((f) => f.code)).toEqual([
      'claims-unchecked',
      'iss-mismatch',
      'aud-mismatch',
      'jti-mismatch',
      'nonce-mismatch',
      'session-id-mismatch',
    ]);
    expect(findings[0]?.message).toBe(
      'The payload is text (or a JSON string), not a JSON object, so no claim (exp, nbf, iat, iss, aud…) could be checked.',
    );
    expect(findings[1]?.message).toBe('Expected iss "i", the token has none.');
  });

  it('compares the nonce with data.nonce, falling back to a top-level nonce', () => {
    const expectations = { nonce: 'n1' };
    expect(codes({ data: { nonce: 'n1' } }, { expectations })).toEqual([]);
    expect(codes({ nonce: 'n1' }, { expectations })).toEqual([]);
    expect(codes({ nonce: 'n1', data: { nonce: 'other' } }, { expectations })).toEqual([
      'nonce-mismatch',
    ]);
  });

  it('accepts aud as a string or an array containing the expected value', () => {
    expect(codes({ aud: 'a' }, { expectations: { aud: 'a' } })).toEqual([]);
    expect(codes({ aud: ['b', 'a'] }, { expectations: { aud: 'a' } })).toEqual([]);
    expect(codes({ aud: ['b'] }, { expectations: { aud: 'a' } })).toEqual(['aud-mismatch']);
  });
});

describe('isNumericDate', () => {
  it('accepts exactly the integers from 0 to the end of year 9999 (property)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ min: -1e13, max: 1e13 }),
          fc.double(),
          fc.constantFrom(0, MAX_NUMERIC_DATE, MAX_NUMERIC_DATE + 1, -1, 1e300),
        ),
        (value) => {
          const expected = Number.isInteger(value) && value >= 0 && value <= 253_402_300_799;
          expect(isNumericDate(value)).toBe(expected);
          const findings = checkClaims({ exp: value, iat: 0 }, { now: 1, leeway: 0 });
          expect(findings.some((f) => f.code === 'claim-invalid')).toBe(!expected);
        },
      ),
      propertyParameters(),
    );
    expect(new Date(MAX_NUMERIC_DATE * 1000).toISOString()).toBe('9999-12-31T23:59:59.000Z');
    for (const value of ['1', null, true, [1], { a: 1 }]) expect(isNumericDate(value)).toBe(false);
  });
});

describe('describeRelativeTime / describeExpiryTime', () => {
  it("say relative times in the duration formatter's words", () => {
    expect(describeRelativeTime(NOW + 720, NOW)).toBe('in 12 min');
    expect(describeRelativeTime(NOW - 3 * 3600 - 120, NOW)).toBe('3 h 2 min ago');
    expect(describeRelativeTime(NOW, NOW)).toBe('now');
    expect(describeExpiryTime(NOW + 65, NOW)).toBe('expires in 1 min 5 s');
    expect(describeExpiryTime(NOW - 180, NOW)).toBe('expired 3 min ago');
    expect(describeExpiryTime(NOW, NOW)).toBe('expired just now');
  });
});
