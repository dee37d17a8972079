// Tests for normalizeAccessToken: what sendReplay and renderCurl put after `Bearer ` (the one paste normaliser).
import { describe, expect, it } from 'vitest';
import { normalizeTokenInput } from '../jose/find';
import { normalizeAccessToken } from './token';

describe('normalizeAccessToken', () => {
  it('trims whitespace and one leading Bearer in any case', () => {
    expect(normalizeAccessToken('  abc.def.ghi\n')).toBe('abc.def.ghi');
    expect(normalizeAccessToken('Bearer abc')).toBe('abc');
    expect(normalizeAccessToken('bearer\t abc ')).toBe('abc');
    expect(normalizeAccessToken(' BEARER  abc')).toBe('abc');
    expect(normalizeAccessToken('Bearer Bearer abc')).toBe('Bearer abc');
  });

  it('keeps a token that only looks like the word Bearer', () => {
    expect(normalizeAccessToken('Bearerabc')).toBe('Bearerabc');
    expect(normalizeAccessToken('Bearer')).toBe('Bearer');
    expect(normalizeAccessToken('Bearer   ')).toBe('Bearer');
  });

  it('unquotes a token pasted in quotes, exactly as the token field and a paste do', () => {
    for (const text of ['"abc.def.ghi"', ' "Bearer abc" ', 'Bearer "abc"', '"abc']) {
      expect(normalizeAccessToken(text)).toBe(normalizeTokenInput(text));
    }
    expect(normalizeAccessToken('"abc.def.ghi"')).toBe('abc.def.ghi');
  });

  it('gives undefined when there is no token', () => {
    expect(normalizeAccessToken(undefined)).toBeUndefined();
    expect(normalizeAccessToken('')).toBeUndefined();
    expect(normalizeAccessToken('   ')).toBeUndefined();
  });
});
