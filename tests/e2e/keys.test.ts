// Real-panel e2e: the key line names the key source; a JWKS that fails gets a "Verify with <iss> JWKS" offer.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Frame } from 'puppeteer-core';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { clickCentred, insertText, openPanel, runScenario, type PanelSession } from './harness';

let sandbox: Sandbox;
let session: PanelSession;
let panel: Frame;
let passport = '';
let tampered = '';

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  session = await openPanel(`${sandbox.url}/`, {
    // Run before the panel is first shown: the panel picks the traffic up from DevTools' HAR.
    beforePanel: async (page) => {
      passport = await runScenario(page, 'run-passport');
      tampered = await runScenario(page, 'run-tampered');
    },
  });
  panel = session.panel;
});

afterAll(async () => {
  await session?.close();
  await sandbox?.close();
});

/**
 * Opens or closes Settings and waits until it is so. A DOM click on the toggle: a coordinate click
 * can land elsewhere while the key line above the panes re-renders as the keys change.
 */
async function toggleSettings(open: boolean): Promise<void> {
  await panel.$eval('[data-testid="settings-toggle"]', (el) => (el as HTMLElement).click());
  await panel.waitForSelector(
    '[data-testid="settings-jwks-url"], [data-testid="key-source-custom-url"]',
    {
      hidden: !open,
    },
  );
}

const keyLine = () => panel.$eval('[data-testid="key-source-label"]', (el) => el.textContent ?? '');

/** Waits until every row of `jti` shows `verdict` (and there is at least one). */
async function waitForVerdict(jti: string, verdict: string): Promise<void> {
  await panel.waitForFunction(
    (id, wanted) => {
      const rows = [...document.querySelectorAll(`[data-testid="token-row"][data-jti="${id}"]`)];
      return rows.length > 0 && rows.every((row) => row.getAttribute('data-verdict') === wanted);
    },
    {},
    jti,
    verdict,
  );
}

it('offers the JWKS of the results’ iss when the configured one fails, and verifies once clicked', async () => {
  expect(await keyLine()).toBe('Keys: Uqudo JWKS https://id.uqudo.io/api/.well-known/jwks.json');
  // A JWKS that fails here whatever the network (port 9 refuses connections).
  const broken = 'http://127.0.0.1:9/api/.well-known/jwks.json';
  await toggleSettings(true);
  await clickCentred(panel, '[data-testid="key-source-custom-url"]');
  await insertText(session, '[data-testid="settings-jwks-url"]', broken);
  await clickCentred(panel, '[data-testid="settings-apply"]');
  await toggleSettings(false);
  await panel.waitForFunction(
    (url) => document.querySelector('[data-testid="key-source-label"]')?.textContent === url,
    {},
    `Keys: JWKS ${broken}`,
  );
  await waitForVerdict(passport, 'unverified');
  await waitForVerdict(tampered, 'unverified');
  // The rows may have been unverified before the change already (Uqudo's JWKS does not check the
  // sandbox's tokens): the re-check with the broken URL is done once the key line reports it failing.
  await panel.waitForFunction(() =>
    document
      .querySelector('[data-testid="key-source-problem"]')
      ?.textContent?.includes('127.0.0.1:9'),
  );

  const suggested = `${sandbox.url}/api/.well-known/jwks.json`;
  const button = await panel.waitForSelector('[data-testid="key-suggestion"]');
  expect(await button!.evaluate((el) => el.textContent)).toBe(`Verify with ${suggested}`);

  await button!.click();
  await waitForVerdict(passport, 'valid');
  // The sandbox's keys verify the good result and still reject the tampered one.
  await waitForVerdict(tampered, 'invalid');
  expect(await keyLine()).toBe(`Keys: JWKS ${suggested} (from a result's iss, confirmed by you)`);
  expect(await panel.$('[data-testid="key-suggestion"]')).toBeNull();
  // Saved like any key setting: Settings shows it as the JWKS URL.
  await toggleSettings(true);
  const field = await panel.waitForSelector('[data-testid="settings-jwks-url"]');
  expect(await field!.evaluate((el) => (el as HTMLInputElement).value)).toBe(suggested);
});
