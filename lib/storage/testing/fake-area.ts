// Test-only: an in-memory stand-in for a browser.storage area, for settings storage tests.
import type { SettingsArea } from '../settings-storage';

/** A storage area backed by `data` (values cloned in and out, as the browser does). */
export function createFakeArea(initial: Record<string, unknown> = {}) {
  const data: Record<string, unknown> = { ...initial };
  const area: SettingsArea = {
    async get(key) {
      return key in data ? { [key]: structuredClone(data[key]) } : {};
    },
    async set(items) {
      Object.assign(data, structuredClone(items));
    },
  };
  return { area, data };
}
