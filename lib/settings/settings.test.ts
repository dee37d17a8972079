// Tests for settings defaults, validation, expectations and (de)serialisation.
import { readOrigin } from '../permissions/origin-policy';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  UQUDO_JWKS_URL,
  changesChecks,
  describeJwksUrlProblem,
  deserializeSettings,
  expectationsOf,
  keySourceOf,
  mergeSettings,
  normalizeSettings,
  sameSettings,
  serializeSettings,
  validateSettings,
} from './settings';

describe('normalizeSettings', () => {
  it('returns the defaults for non-objects', () => {
    expect(normalizeSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(normalizeSettings('x')).toEqual(DEFAULT_SETTINGS);
    expect(normalizeSettings([1, 2])).toEqual(DEFAULT_SETTINGS);
  });

  it('drops unknown keys and wrong types, clamps leeway', () => {
    const settings = normalizeSettings({
      keySource: 'weird',
      customJwksUrl: 42,
      expectedAud: 'client',
      leewaySeconds: -5,
      preserveLog: 'yes',
      decryptionKey: 'secret',
    });
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, expectedAud: 'client' });
    expect(settings).not.toHaveProperty('decryptionKey');
    expect(normalizeSettings({ leewaySeconds: 1e9 }).leewaySeconds).toBe(86_400);
    expect(normalizeSettings({ leewaySeconds: '30' }).leewaySeconds).toBe(30);
    expect(normalizeSettings({ leewaySeconds: Number.NaN }).leewaySeconds).toBe(0);
  });

  it('keeps fields of the base that the patch does not name', () => {
    const base = normalizeSettings({ expectedIss: 'https://id.uqudo.io', preserveLog: true });
    expect(normalizeSettings({ expectedAud: 'a' }, base)).toMatchObject({
      expectedIss: 'https://id.uqudo.io',
      expectedAud: 'a',
      preserveLog: true,
    });
  });

  it('caps very long text', () => {
    expect(normalizeSettings({ expectedAud: 'a'.repeat(5_000) }).expectedAud).toHaveLength(1_024);
  });
});

describe('key source', () => {
  it('defaults to the Uqudo JWKS', () => {
    expect(keySourceOf(DEFAULT_SETTINGS)).toEqual({ kind: 'url', url: UQUDO_JWKS_URL });
  });

  it('uses a valid custom URL and rejects an unusable one', () => {
    const custom = { ...DEFAULT_SETTINGS, keySource: 'custom-url' as const };
    expect(keySourceOf({ ...custom, customJwksUrl: ' http://127.0.0.1:8080/jwks ' })).toEqual({
      kind: 'url',
      url: 'http://127.0.0.1:8080/jwks',
    });
    expect(keySourceOf({ ...custom, customJwksUrl: 'http://example.com/jwks' })).toBeUndefined();
    expect(validateSettings({ ...custom, customJwksUrl: 'nope' })).toEqual([
      {
        field: 'customJwksUrl',
        message: 'Include the scheme, e.g. https://id.uqudo.io/api/.well-known/jwks.json.',
      },
    ]);
  });

  it('uses pasted keys only when there are some', () => {
    const pasted = { ...DEFAULT_SETTINGS, keySource: 'pasted' as const };
    expect(keySourceOf(pasted)).toBeUndefined();
    expect(validateSettings(pasted)).toHaveLength(1);
    expect(keySourceOf({ ...pasted, pastedKeys: '{"keys":[]}' })).toEqual({
      kind: 'pasted',
      text: '{"keys":[]}',
    });
  });

  it('explains URL problems', () => {
    expect(describeJwksUrlProblem('')).toBe('Enter the JWKS URL.');
    expect(describeJwksUrlProblem('ftp://x/y')).toMatch(/https/);
    expect(describeJwksUrlProblem('http://localhost:3000/jwks')).toBeUndefined();
    expect(describeJwksUrlProblem('https://id.uqudo.io/x')).toBeUndefined();
  });

  it('computes origins', () => {
    expect(readOrigin(UQUDO_JWKS_URL)).toBe('https://id.uqudo.io');
    expect(readOrigin('http://127.0.0.1:4000/a')).toBe('http://127.0.0.1:4000');
    expect(readOrigin('not a url')).toBeUndefined();
  });
});

describe('expectationsOf', () => {
  it('includes only the filled-in fields, trimmed', () => {
    expect(expectationsOf(DEFAULT_SETTINGS)).toEqual({});
    expect(
      expectationsOf({
        ...DEFAULT_SETTINGS,
        expectedAud: ' client ',
        expectedIss: 'https://id.uqudo.io',
        expectedNonce: 'n1',
        expectedSessionId: 's1',
      }),
    ).toEqual({ aud: 'client', iss: 'https://id.uqudo.io', nonce: 'n1', sessionId: 's1' });
  });
});

describe('changesChecks', () => {
  it('is true for key and claim changes, false for preserve log', () => {
    expect(changesChecks(DEFAULT_SETTINGS, { ...DEFAULT_SETTINGS, preserveLog: true })).toBe(false);
    expect(changesChecks(DEFAULT_SETTINGS, { ...DEFAULT_SETTINGS, leewaySeconds: 5 })).toBe(true);
    expect(changesChecks(DEFAULT_SETTINGS, { ...DEFAULT_SETTINGS, keySource: 'pasted' })).toBe(
      true,
    );
  });
});

describe('serialisation', () => {
  it('round-trips and carries a version tag', () => {
    const settings = { ...DEFAULT_SETTINGS, expectedAud: 'x', preserveLog: true };
    const stored = serializeSettings(settings);
    expect(stored.version).toBe(1);
    expect(deserializeSettings(JSON.parse(JSON.stringify(stored)))).toEqual(settings);
  });

  it('never writes fields that are not settings, even if smuggled in', () => {
    const smuggled = { ...DEFAULT_SETTINGS, decryptionKey: '-----BEGIN PRIVATE KEY-----' };
    expect(JSON.stringify(serializeSettings(smuggled))).not.toContain('PRIVATE KEY');
  });
});

describe('mergeSettings and who set the key source', () => {
  const demo = normalizeSettings({
    keySource: 'custom-url',
    customJwksUrl: 'http://127.0.0.1:8321/api/.well-known/jwks.json',
    keySourceSetBy: 'demo',
  });

  it('reads keySourceSetBy, defaulting to the user for unknown values', () => {
    expect(DEFAULT_SETTINGS.keySourceSetBy).toBe('user');
    expect(demo.keySourceSetBy).toBe('demo');
    expect(normalizeSettings({ keySourceSetBy: 'attacker' }).keySourceSetBy).toBe('user');
    expect(deserializeSettings(serializeSettings(demo))).toEqual(demo);
  });

  it('keeps the note while the key source stays, and drops it when the user changes the source', () => {
    expect(mergeSettings(demo, { expectedAud: 'client' }).keySourceSetBy).toBe('demo');
    expect(mergeSettings(demo, { keySource: 'uqudo-jwks' }).keySourceSetBy).toBe('user');
    expect(mergeSettings(demo, { customJwksUrl: 'https://other/jwks.json' }).keySourceSetBy).toBe(
      'user',
    );
    // Re-applying the same URL is no change.
    expect(mergeSettings(demo, { customJwksUrl: demo.customJwksUrl }).keySourceSetBy).toBe('demo');
  });

  it('records a confirmed suggestion as such', () => {
    const after = mergeSettings(DEFAULT_SETTINGS, {
      keySource: 'custom-url',
      customJwksUrl: 'https://id.dev.uqudo.io/api/.well-known/jwks.json',
      keySourceSetBy: 'suggestion',
    });
    expect(after).toMatchObject({ keySource: 'custom-url', keySourceSetBy: 'suggestion' });
    expect(changesChecks(DEFAULT_SETTINGS, after)).toBe(true);
    expect(sameSettings(after, { ...after })).toBe(true);
    expect(sameSettings(after, demo)).toBe(false);
  });
});
