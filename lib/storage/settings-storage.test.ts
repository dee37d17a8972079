// Tests for loading and saving settings over a fake storage area.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../settings/settings';
import { SETTINGS_STORAGE_KEY, createSettingsStorage, type SettingsArea } from './settings-storage';
import { createFakeArea } from './testing/fake-area';

describe('createSettingsStorage', () => {
  it('loads defaults when nothing is stored', async () => {
    const { area } = createFakeArea();
    expect(await createSettingsStorage(area).load()).toEqual(DEFAULT_SETTINGS);
  });

  it('saves and loads settings', async () => {
    const { area, data } = createFakeArea();
    const storage = createSettingsStorage(area);
    const settings = { ...DEFAULT_SETTINGS, expectedAud: 'client-1', leewaySeconds: 30 };
    expect(await storage.save(settings)).toEqual({ ok: true });
    expect(data[SETTINGS_STORAGE_KEY]).toMatchObject({ expectedAud: 'client-1', version: 1 });
    expect(await storage.load()).toEqual(settings);
  });

  it('recovers from corrupted stored data', async () => {
    const { area } = createFakeArea({ [SETTINGS_STORAGE_KEY]: 'garbage' });
    expect(await createSettingsStorage(area).load()).toEqual(DEFAULT_SETTINGS);
  });

  it('reports failures instead of throwing', async () => {
    const broken: SettingsArea = {
      get: () => Promise.reject(new Error('no storage')),
      set: () => Promise.reject(new Error('quota exceeded')),
    };
    const storage = createSettingsStorage(broken);
    expect(await storage.load()).toEqual(DEFAULT_SETTINGS);
    expect(await storage.save(DEFAULT_SETTINGS)).toEqual({ ok: false, error: 'quota exceeded' });
  });
});
