// Tests for normalizeAccessToken: what sendReplay and renderCurl put after `Bearer `.
import { describe, expect, it } from 'vitest';
import { normalizeAccessToken } from './token';

describe('normalizeAccessToken', () => {
  it('trims whitespace and one leading Bearer in any case', () => {
    expect(normalizeAccessToken('  abc.def.ghi\n')).toBe('abc.def.ghi');
    expect(normalizeAccessToken('Bearer abc')).toBe('abc');
    expect(normalizeAccessToken('bearer\t abc ')).toBe('abc');
    expect(normalizeAccessToken(' BEARER  abc')).toBe('abc');
    expect(normalizeAccessToken('Bearer Bearer abc')).toBe('Bearer abc');
  });

  it('keeps a token that only looks like the word Bearer, and surrounding quotes', () => {
    expect(normalizeAccessToken('Bearerabc')).toBe('Bearerabc');
    expect(normalizeAccessToken('Bearer')).toBe('Bearer');
    expect(normalizeAccessToken('Bearer   ')).toBe('Bearer');
    expect(normalizeAccessToken('"abc"')).toBe('"abc"');
  });

  it('gives undefined when there is no token', () => {
    expect(normalizeAccessToken(undefined)).toBeUndefined();
    expect(normalizeAccessToken('')).toBeUndefined();
    expect(normalizeAccessToken('   ')).toBeUndefined();
  });
});
