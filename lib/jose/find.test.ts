// Tests for findTokens / findTokensInJson / normalizeTokenInput.
import { describe, expect, it } from 'vitest';
import { findTokens, findTokensInJson, normalizeTokenInput } from './find';

const header = (h: object) => Buffer.from(JSON.stringify(h)).toString('base64url');
const JWS = `${header({ alg: 'RS256', kid: 'k1' })}.${Buffer.from('{"a":1}').toString('base64url')}.c2lnbmF0dXJl`;

describe('smoke', () => {
  it('finds', () => {
    expect(findTokens(`x ${JWS} y`)).toEqual([
      { token: JWS, format: 'jws', start: 2, end: 2 + JWS.length },
    ]);
    expect(findTokensInJson({ a: [{ 'odd key': JWS }] })).toEqual([
      { path: '$.a[0]["odd key"]', token: JWS, format: 'jws' },
    ]);
    expect(normalizeTokenInput(` Bearer ${JWS}\n`)).toBe(JWS);
  });
});
