// Uqudo's claim rules: the jti shape and the expectations, checked on SDK results only.
import { describe, expect, it } from 'vitest';
import { isUuid } from '../guards';
import { checkUqudoClaims, type Expectations } from './claims';
import type { TokenKind } from './classify';

const codes = (payload: unknown, extra: { expectations?: Expectations; kind?: TokenKind } = {}) =>
  checkUqudoClaims(payload, extra.kind ?? 'uqudo-result', extra.expectations).map((f) => f.code);

describe('checkUqudoClaims', () => {
  it('warns about a jti that is not a UUID', () => {
    expect(codes({ jti: 'abc' })).toEqual(['jti-not-uuid']);
    expect(codes({ jti: '0F8E7D6C-5B4A-4392-8170-6F5E4D3C2B1A' })).toEqual([]);
    expect(isUuid('0f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a')).toBe(true);
    expect(isUuid('0f8e7d6c5b4a43928170-6f5e4d3c2b1a')).toBe(false);
  });

  it('checks expectations against a non-object result payload as missing claims', () => {
    const findings = checkUqudoClaims('text', 'uqudo-result', {
      iss: 'i',
      aud: 'a',
      jti: 'j',
      nonce: 'n',
      sessionId: 's',
    });
    expect(findings.map((f) => f.code)).toEqual([
      'iss-mismatch',
      'aud-mismatch',
      'jti-mismatch',
      'nonce-mismatch',
      'session-id-mismatch',
    ]);
    expect(findings[0]?.message).toBe('Expected iss "i", the token has none.');
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

  it('checks no expectation on an access token or another JWT, but still the jti shape', () => {
    const expectations = { iss: 'i', aud: 'a', nonce: 'n', sessionId: 's' };
    expect(codes({ iss: 'x', aud: 'y' }, { expectations, kind: 'uqudo-access-token' })).toEqual([]);
    expect(codes({ jti: 'abc' }, { expectations, kind: 'jwt' })).toEqual(['jti-not-uuid']);
  });
});
