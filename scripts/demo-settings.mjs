// The settings `npm run demo` writes into the browser profile it owns: verify against the sandbox's JWKS.
import { isDeepStrictEqual } from 'node:util';

/** Where the panel keeps its settings in chrome.storage.local (lib/settings/storage.ts). */
export const SETTINGS_STORAGE_KEY = 'uqudo-inspector.settings';

/**
 * The storage items that make the panel verify against `jwksUrl` and say the demo set it. Fields
 * left out take the panel's defaults (lib/settings/settings.ts normalises what it reads).
 * @param {string} jwksUrl
 * @returns {Record<string, unknown>}
 */
export function buildDemoSettings(jwksUrl) {
  return {
    [SETTINGS_STORAGE_KEY]: {
      version: 1,
      keySource: 'custom-url',
      customJwksUrl: jwksUrl,
      keySourceSetBy: 'demo',
    },
  };
}

/**
 * Writes `items` into the extension's chrome.storage.local before any of its pages runs, through
 * the DevTools protocol (Extensions.setStorageItems), and reads them back. The protocol serves
 * extension storage to a target showing a document of that extension, so a tab opens the
 * extension's manifest.json (a static file: no extension code runs) for the duration.
 * @param {import('puppeteer-core').Browser} browser
 * @param {string} extensionId
 * @param {Record<string, unknown>} items
 */
export async function seedExtensionStorage(browser, extensionId, items) {
  const tab = await browser.newPage();
  try {
    await tab.goto(`chrome-extension://${extensionId}/manifest.json`);
    const cdp = await tab.createCDPSession();
    const target = { id: extensionId, storageArea: 'local' };
    await cdp.send('Extensions.setStorageItems', { ...target, values: items });
    const { data } = await cdp.send('Extensions.getStorageItems', {
      ...target,
      keys: Object.keys(items),
    });
    if (!isDeepStrictEqual(data, items)) {
      throw new Error('the panel settings did not stick in the browser profile');
    }
  } finally {
    await tab.close();
  }
}
