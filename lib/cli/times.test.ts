// Tests for the readable report's time claims: dates with the panel's relative words, invalid values quoted.
import { describe, expect, it } from 'vitest';
import { formatInspectionReport } from './report';
import { formatTimeClaims } from './times';

const NOW = 1_767_225_600 + 600; // 2026-01-01T00:10:00Z

describe('formatTimeClaims', () => {
  it('shows iat, nbf and exp as UTC dates with "ago", "in" and "expires in" / "expired … ago"', () => {
    expect(formatTimeClaims({ exp: NOW + 1500, iat: NOW - 600, nbf: NOW + 60 }, NOW)).toEqual([
      'iat  2026-01-01T00:00:00Z  (10 min ago)',
      'nbf  2026-01-01T00:11:00Z  (in 1 min)',
      'exp  2026-01-01T00:35:00Z  (expires in 25 min)',
    ]);
    expect(formatTimeClaims({ exp: NOW - 125 }, NOW)).toEqual([
      'exp  2026-01-01T00:07:55Z  (expired 2 min 5 s ago)',
    ]);
  });

  it('says when a claim is not a NumericDate, with control characters named', () => {
    expect(formatTimeClaims({ exp: 'soon\u001b[2J', iat: 1.5 }, NOW)).toEqual([
      'iat  1.5  (not a NumericDate)',
      'exp  "soon\\u001b[2J"  (not a NumericDate)',
    ]);
    expect(formatTimeClaims([1, 2], NOW)).toEqual([]);
    expect(formatTimeClaims({ sub: 'x' }, NOW)).toEqual([]);
  });

  it('is part of the readable inspect report', () => {
    const report = formatInspectionReport(
      {
        format: 'jws',
        header: { alg: 'RS256' },
        payload: { iat: NOW - 60, exp: NOW + 1740 },
        signature: 'unverified',
        kind: 'jwt',
        findings: [],
      },
      { color: false },
      { now: NOW },
    );
    expect(report).toContain(
      'Times:\n  iat  2026-01-01T00:09:00Z  (1 min ago)\n  exp  2026-01-01T00:39:00Z  (expires in 29 min)\n',
    );
  });
});
