// Steps of the backend-test e2e shared with its screenshot script: host access, selecting the backend post, running the test.
import type { Frame } from 'puppeteer-core';
import { byTestId, clickCentred, waitFor, type PanelSession } from './harness';

/**
 * Grants the extension host access to `origin`'s host the way a user can on chrome://extensions
 * (Site access → add a site). Headless Chromium cannot answer the permission prompt itself; once
 * the site is granted, the panel's own permissions.request from the click resolves true at once.
 */
export async function grantHostAccess(session: PanelSession, origin: string): Promise<void> {
  const extensions = await session.browser.newPage();
  try {
    await extensions.goto('chrome://extensions');
    const url = new URL(origin);
    await extensions.evaluate(
      (id, pattern) => (globalThis as any).chrome.developerPrivate.addHostPermission(id, pattern),
      session.extensionId,
      `${url.protocol}//${url.hostname}/*`,
    );
  } finally {
    await extensions.close();
  }
}

/** Waits for the checked capture of the result posted to the demo backend in session `jti`, and selects it. */
export async function selectBackendPost(panel: Frame, jti: string): Promise<void> {
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

/** Clicks Test my backend, returns the confirmation's text, confirms, and waits until the test is done. */
export async function runBackendTest(
  panel: Frame,
): Promise<{ confirmation: string; credentials: string; outcomes: Record<string, string> }> {
  await clickCentred(panel, byTestId('backend-test-start'));
  const confirmText = await panel.waitForSelector(byTestId('backend-test-confirm-text'));
  const confirmation = await confirmText!.evaluate((el) => el.textContent ?? '');
  const credentials = await panel.$eval(
    byTestId('backend-test-credentials'),
    (el) => el.textContent ?? '',
  );
  await clickCentred(panel, byTestId('backend-test-confirm'));
  await panel.waitForSelector(`${byTestId('backend-test-table')}[data-phase="done"]`, {
    timeout: 30_000,
  });
  const rows = await panel.$$eval('[data-testid="backend-test-row"]', (els) =>
    els.map((el) => [el.getAttribute('data-mutation'), el.getAttribute('data-outcome')]),
  );
  return { confirmation, credentials, outcomes: Object.fromEntries(rows) };
}
