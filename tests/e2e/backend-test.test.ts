// Real-panel e2e for "Test my backend": naive and strict demo backends, and the passive backend-accepted-invalid finding.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'puppeteer-core';
import type { Sandbox } from '../../sandbox/server';
import {
  byTestId,
  clickCentred,
  openSandboxPanel,
  runScenario,
  waitFor,
  type PanelSession,
} from './harness';

let sandbox: Sandbox;
let session: PanelSession;
let page: Page;
let panel: Frame;

const MUTATIONS = [
  'payload-altered',
  'alg-none',
  'foreign-key',
  'embedded-jwk',
  'unknown-kid',
  'replay',
  'expired',
];

/** Tells the demo backend to forget the results it has seen (the strict one refuses a second use). */
async function resetBackend(): Promise<void> {
  const response = await fetch(`${sandbox.url}/demo/backend/reset`, { method: 'POST' });
  expect(response.status).toBe(204);
}

/**
 * Grants the extension host access to the sandbox the way a user can on chrome://extensions
 * (Site access → add a site). Headless Chromium cannot answer the permission prompt itself; once
 * the site is granted, the panel's own permissions.request from the click resolves true at once.
 */
async function grantSandboxAccess(): Promise<void> {
  const extensions = await session.browser.newPage();
  try {
    await extensions.goto('chrome://extensions');
    await extensions.evaluate(
      (id, pattern) => (globalThis as any).chrome.developerPrivate.addHostPermission(id, pattern),
      session.extensionId,
      `${new URL(sandbox.url).protocol}//${new URL(sandbox.url).hostname}/*`,
    );
  } finally {
    await extensions.close();
  }
}

/** Waits for the checked capture of the result posted to the demo backend in session `jti`, and selects it. */
async function selectBackendPost(jti: string): Promise<void> {
  const rowId = await waitFor(`the backend post of ${jti}`, () =>
    panel.$$eval(
      '[data-testid="token-row"]',
      (rows, id) =>
        rows.find(
          (row) =>
            row.getAttribute('data-jti') === id &&
            (row.textContent ?? '').includes('/demo/backend/result'),
        )?.id,
      jti,
    ),
  );
  await clickCentred(panel, `#${rowId}`);
  await panel.waitForSelector(byTestId('backend-test'));
  // The detail above the section lays out images as they decode: click once nothing moves any more.
  await panel.waitForFunction(() =>
    [...document.querySelectorAll('.detail-pane img')].every(
      (img) => (img as HTMLImageElement).complete,
    ),
  );
}

/** Runs the test on the selected capture and returns mutation → outcome once it is done. */
async function runBackendTest(): Promise<Record<string, string>> {
  await clickCentred(panel, byTestId('backend-test-start'));
  const confirmText = await panel.waitForSelector(byTestId('backend-test-confirm-text'));
  const confirmation = await confirmText!.evaluate((el) => el.textContent ?? '');
  expect(confirmation).toContain(`${sandbox.url}/demo/backend/result`);
  expect(confirmation).toContain('Send 8 requests');
  expect(await panel.$eval(byTestId('backend-test-credentials'), (el) => el.textContent)).toContain(
    `${sandbox.url} only`,
  );
  await clickCentred(panel, byTestId('backend-test-confirm'));
  await panel.waitForSelector(`${byTestId('backend-test-table')}[data-phase="done"]`, {
    timeout: 30_000,
  });
  const rows = await panel.$$eval('[data-testid="backend-test-row"]', (els) =>
    els.map((el) => [el.getAttribute('data-mutation'), el.getAttribute('data-outcome')]),
  );
  return Object.fromEntries(rows);
}

beforeAll(async () => {
  ({ sandbox, session } = await openSandboxPanel());
  page = session.page;
  panel = session.panel;
  await session.devtools.setViewport({ width: 1280, height: 900 });
  await resetBackend();
  await grantSandboxAccess();
});

afterAll(async () => {
  await session?.close();
  await sandbox?.close();
});

describe('Test my backend in the real DevTools panel', () => {
  it('naive backend: the control and every mutation are accepted', async () => {
    await page.select('#backend-mode', 'naive');
    // An expired result of the same client first, so the expired row is part of the test.
    await runScenario(page, 'run-expired');
    const jti = await runScenario(page, 'run-passport');
    await selectBackendPost(jti);
    const outcomes = await runBackendTest();
    expect(outcomes).toEqual({
      control: 'accepted',
      ...Object.fromEntries(MUTATIONS.map((m) => [m, 'accepted'])),
    });
    const summary = await panel.$eval(byTestId('backend-test-summary'), (el) => el.textContent);
    expect(summary).toContain('accepted 7 forged or invalid results');
  });

  it('strict backend: the control is accepted and every mutation rejected', async () => {
    await page.select('#backend-mode', 'strict');
    const jti = await runScenario(page, 'run-passport');
    // The page's own post used the result once; the strict backend must see it fresh for the control.
    await resetBackend();
    await selectBackendPost(jti);
    const outcomes = await runBackendTest();
    expect(outcomes).toEqual({
      control: 'accepted',
      ...Object.fromEntries(MUTATIONS.map((m) => [m, 'rejected'])),
    });
  });

  it('passive: a naive backend that accepted a tampered result shows backend-accepted-invalid', async () => {
    await page.select('#backend-mode', 'naive');
    const jti = await runScenario(page, 'run-tampered');
    // Verify with the sandbox's JWKS (the key line's suggestion), so the tampered result is invalid.
    await clickCentred(panel, byTestId('key-suggestion'));
    await panel.waitForSelector(
      `[data-testid="token-row"][data-jti="${jti}"][data-verdict="invalid"]`,
    );
    await selectBackendPost(jti);
    const finding = await panel.waitForSelector(
      `${byTestId('backend-test')} [data-finding-code="backend-accepted-invalid"]`,
    );
    const text = await finding!.evaluate((el) => el.textContent ?? '');
    expect(text).toContain('answered 200');
    expect(text).toContain('signature-invalid');
  });
});
