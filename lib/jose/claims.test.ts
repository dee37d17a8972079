// Tests for the claim checks and the human-readable time formatting.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertyParameters } from '../../tests/fast-check';
import { MAX_NUMERIC_DATE, checkClaims, formatNumericDate, isNumericDate } from './claims';

const NOW = 1_760_000_000;
const codes = (payload: unknown, extra: Partial<Parameters<typeof checkClaims>[1]> = {}) =>
  checkClaims(payload, { now: NOW, leeway: 0, ...extra }).map((f) => f.code);

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

  it('reports a payload that is not a JSON object as unchecked claims', () => {
    const findings = checkClaims('text', { now: NOW, leeway: 0 });
    expect(findings.map((f) => f.code)).toEqual(['claims-unchecked']);
    expect(findings[0]?.message).toBe(
      'The payload is text (or a JSON string), not a JSON object, so no claim (exp, nbf, iat, iss, aud…) could be checked.',
    );
  });

  it('leaves family rules to the profile: no jti or expectation check here', () => {
    expect(codes({ jti: 'abc', data: { nonce: 'n' } })).toEqual([]);
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
