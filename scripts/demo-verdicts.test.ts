// Tests for how npm run demo -- --check judges the panel: every row of every scenario, by the token's jti.
import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { SCENARIOS } from '../sandbox/scenarios';
import { EXPECTED_VERDICTS, describeRowKey, judgeVerdicts } from './demo-verdicts.mjs';

const segment = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('describeRowKey', () => {
  it('keys a JWS by its payload jti and a JWE as encrypted', () => {
    const jws = `${segment({ alg: 'RS256' })}.${segment({ jti: 'abc' })}.sig`;
    expect(describeRowKey(jws)).toEqual({ jti: 'abc' });
    expect(describeRowKey('a.b.c.d.e')).toEqual({ encrypted: true });
  });

  it('explains what it cannot key', () => {
    expect(describeRowKey('(none yet)')).toHaveProperty('error');
    expect(describeRowKey(`${segment({})}.${segment({ sub: 1 })}.`)).toEqual({
      error: 'the result has no jti',
    });
    expect(describeRowKey('a.!!!.c')).toEqual({ error: 'the result payload is not JSON' });
  });
});

describe('judgeVerdicts', () => {
  it('passes when every row of every scenario shows its expected verdict', () => {
    const result = judgeVerdicts([
      { scenario: 'passport', verdicts: ['valid', 'valid'] },
      { scenario: 'tampered', verdicts: ['invalid'] },
      { scenario: 'passport-encrypted', verdicts: ['encrypted', 'encrypted'] },
    ]);
    expect(result).toMatchObject({ ok: true, rows: 5, wrong: 0 });
    expect(result.lines[0]).toBe('passport            valid (2 rows)  ok');
  });

  it('fails a scenario with one wrong row, no rows, no expectation or a problem', () => {
    const result = judgeVerdicts([
      { scenario: 'passport', verdicts: ['valid', 'unverified'] },
      { scenario: 'expired', verdicts: [] },
      { scenario: 'brand-new', verdicts: ['valid'] },
      { scenario: 'uae-id', verdicts: [], problem: 'the page shows no compact JWS or JWE' },
      { scenario: 'alg-none', verdicts: ['invalid'] },
    ]);
    expect(result.ok).toBe(false);
    expect(result.wrong).toBe(4);
    expect(result.lines.map((line) => line.replace(/\s+/g, ' '))).toEqual([
      'passport valid, unverified (2 rows) FAIL (expected valid)',
      'expired no rows (0 rows) FAIL (expected invalid)',
      'brand-new valid (1 row) FAIL (no expected verdict: add it to scripts/demo-verdicts.mjs)',
      'uae-id no rows (0 rows) FAIL (the page shows no compact JWS or JWE)',
      'alg-none invalid (1 row) ok',
    ]);
    expect(judgeVerdicts([]).ok).toBe(false);
    expect(judgeVerdicts([{ scenario: 'constructor', verdicts: ['valid'] }]).ok).toBe(false);
  });

  it('has an expectation for every sandbox scenario', () => {
    for (const scenario of SCENARIOS) expect(EXPECTED_VERDICTS).toHaveProperty([scenario]);
  });
});
