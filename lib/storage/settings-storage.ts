// The storage edge for settings: loads and saves panel settings in browser.storage.local.
import { browser } from 'wxt/browser';
import { deserializeSettings, serializeSettings, type PanelSettings } from '../settings/settings';

/** The storage key under which the panel's settings live. */
export const SETTINGS_STORAGE_KEY = 'uqudo-inspector.settings';

/** The subset of a storage area this module uses (browser.storage.local, or a fake in tests). */
export interface SettingsArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/** Loads and saves settings. Neither method throws. */
export interface SettingsStorage {
  /** Stored settings, or the defaults when nothing (or something unreadable) is stored. */
  load(): Promise<PanelSettings>;
  /** Writes the persisted fields only; secrets are not part of PanelSettings and never reach here. */
  save(settings: PanelSettings): Promise<{ ok: true } | { ok: false; error: string }>;
}

/** Creates the settings storage over `area` (default: browser.storage.local). */
export function createSettingsStorage(area?: SettingsArea): SettingsStorage {
  const resolveArea = (): SettingsArea => area ?? browser.storage.local;
  return {
    async load() {
      try {
        const items = await resolveArea().get(SETTINGS_STORAGE_KEY);
        return deserializeSettings(items[SETTINGS_STORAGE_KEY]);
      } catch {
        // Storage unavailable (e.g. a test page outside the extension): run on defaults.
        return deserializeSettings(undefined);
      }
    },
    async save(settings) {
      try {
        await resolveArea().set({ [SETTINGS_STORAGE_KEY]: serializeSettings(settings) });
        return { ok: true };
      } catch (error) {
        return { ok: false, error: error instanceof Error ? error.message : String(error) };
      }
    },
  };
}
