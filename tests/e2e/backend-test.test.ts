// Real-panel e2e for "Test my backend": naive and strict demo backends, and the passive backend-accepted-invalid finding.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'puppeteer-core';
import type { Sandbox } from '../../sandbox/server';
import { grantHostAccess, runBackendTest, selectBackendPost } from './backend-test-steps';
import {
  byTestId,
  clickCentred,
  openSandboxPanel,
  runScenario,
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

/** Runs the test on the selected capture; checks the confirmation names the URL, count and origin. */
async function runTest(): Promise<Record<string, string>> {
  const { confirmation, credentials, outcomes } = await runBackendTest(panel);
  expect(confirmation).toContain(`${sandbox.url}/demo/backend/result`);
  expect(confirmation).toContain('Send 8 requests');
  expect(credentials).toContain(`${sandbox.url} only`);
  return outcomes;
}

beforeAll(async () => {
  ({ sandbox, session } = await openSandboxPanel());
  page = session.page;
  panel = session.panel;
  await session.devtools.setViewport({ width: 1280, height: 900 });
  await resetBackend();
  await grantHostAccess(session, sandbox.url);
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
    await selectBackendPost(panel, jti);
    const outcomes = await runTest();
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
    await selectBackendPost(panel, jti);
    const outcomes = await runTest();
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
    await selectBackendPost(panel, jti);
    const finding = await panel.waitForSelector(
      `${byTestId('backend-test')} [data-finding-code="backend-accepted-invalid"]`,
    );
    const text = await finding!.evaluate((el) => el.textContent ?? '');
    expect(text).toContain('answered 200');
    expect(text).toContain('signature-invalid');
  });
});
