// Tests that the settings npm run demo writes are what the panel reads as "sandbox JWKS, set by npm run demo".
import { describe, expect, it } from 'vitest';
import { describeKeySource } from '../lib/settings/key-label';
import { deserializeSettings, keySourceOf, serializeSettings } from '../lib/settings/settings';
import { SETTINGS_STORAGE_KEY as PANEL_KEY } from '../lib/storage/settings-storage';
import { SETTINGS_STORAGE_KEY, buildDemoSettings } from './demo-settings.mjs';

const JWKS = 'http://127.0.0.1:8321/api/.well-known/jwks.json';

describe('buildDemoSettings', () => {
  it('uses the panel’s storage key and shape', () => {
    expect(SETTINGS_STORAGE_KEY).toBe(PANEL_KEY);
    const stored = buildDemoSettings(JWKS)[PANEL_KEY];
    const settings = deserializeSettings(stored);
    expect(keySourceOf(settings)).toEqual({ kind: 'url', url: JWKS });
    expect(settings.keySourceSetBy).toBe('demo');
    // Same version tag as the panel writes, and nothing the panel would drop.
    expect(serializeSettings(settings)).toMatchObject(stored as Record<string, unknown>);
    expect(describeKeySource(settings, { state: 'ready', description: '' })).toBe(
      `Keys: JWKS ${JWKS} (set by npm run demo)`,
    );
  });
});
