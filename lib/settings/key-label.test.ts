// Tests for the key line: every key source says where its keys come from, and who chose it.
import { describe, expect, it } from 'vitest';
import { describeKeySource } from './key-label';
import { DEFAULT_SETTINGS, normalizeSettings } from './settings';

const READY = { state: 'ready', description: 'Keys are fetched when needed.' } as const;

describe('describeKeySource', () => {
  it('names Uqudo’s JWKS for the default', () => {
    expect(describeKeySource(DEFAULT_SETTINGS, READY)).toBe(
      'Keys: Uqudo JWKS https://id.uqudo.io/api/.well-known/jwks.json',
    );
  });

  it('names a JWKS URL and who set it', () => {
    const url = 'http://127.0.0.1:8321/api/.well-known/jwks.json';
    const custom = normalizeSettings({ keySource: 'custom-url', customJwksUrl: ` ${url} ` });
    expect(describeKeySource(custom, READY)).toBe(`Keys: JWKS ${url}`);
    expect(describeKeySource({ ...custom, keySourceSetBy: 'demo' }, READY)).toBe(
      `Keys: JWKS ${url} (set by npm run demo)`,
    );
    expect(describeKeySource({ ...custom, keySourceSetBy: 'suggestion' }, READY)).toBe(
      `Keys: JWKS ${url} (from a result's iss, confirmed by you)`,
    );
  });

  it('describes pasted keys with what was read from them (count and kids)', () => {
    const pasted = normalizeSettings({ keySource: 'pasted', pastedKeys: '{"keys":[]}' });
    const description = 'JWKS with 2 keys: RSA 2048 kid "a" RS256, EC P-256 kid "b"';
    expect(describeKeySource(pasted, { state: 'ready', description })).toBe(
      `Keys: pasted — ${description}`,
    );
    expect(describeKeySource(pasted, { state: 'error', description: 'Not JSON' })).toBe(
      'Keys: pasted, unreadable',
    );
    expect(describeKeySource(pasted, { state: 'loading', description: '' })).toBe('Keys: pasted');
    const long = describeKeySource(pasted, { state: 'ready', description: 'k'.repeat(1000) });
    expect(long.length).toBeLessThan(340);
  });

  it('says when the selected source is unusable', () => {
    expect(describeKeySource(normalizeSettings({ keySource: 'pasted' }), READY)).toMatch(
      /^Keys: none \(nothing pasted/,
    );
    const badUrl = normalizeSettings({ keySource: 'custom-url', customJwksUrl: 'ftp://x' });
    expect(describeKeySource(badUrl, READY)).toMatch(/^Keys: none \(the JWKS URL/);
  });
});
