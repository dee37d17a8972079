// Real-panel e2e: the panel's document never scrolls; wheel-scrolling the detail pane keeps the list in view.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Frame } from 'puppeteer-core';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { insertText, openPanel, runScenario, type PanelSession } from './harness';

/**
 * Scenarios whose result's jti is the session id the demo page shows (not the face session, whose
 * session id is data.sessionId, nor the encrypted one, which shows no jti until decrypted).
 */
const SCENARIOS = [
  'run-passport',
  'run-uae-id',
  'run-partial',
  'run-expired',
  'run-tampered',
  'run-unknown-kid',
  'run-alg-none',
];

let sandbox: Sandbox;
let session: PanelSession;
let panel: Frame;
const sessionIds: string[] = [];

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  session = await openPanel(`${sandbox.url}/`, {
    // Run before the panel is first shown: the panel picks the traffic up from DevTools' HAR.
    beforePanel: async (page) => {
      for (const button of SCENARIOS) sessionIds.push(await runScenario(page, button));
    },
  });
  panel = session.panel;
});

afterAll(async () => {
  await session?.close();
  await sandbox?.close();
});

/** The panel's document scroll offset and where the list and toolbar sit in the panel's viewport. */
function readLayout(frame: Frame) {
  return frame.evaluate(() => {
    const rectOf = (selector: string) => {
      const rect = document.querySelector(selector)?.getBoundingClientRect();
      return rect ? { top: rect.top, bottom: rect.bottom } : undefined;
    };
    return {
      documentScrollTop: document.scrollingElement?.scrollTop ?? -1,
      documentScrollHeight: document.scrollingElement?.scrollHeight ?? -1,
      viewportHeight: window.innerHeight,
      toolbar: rectOf('.toolbar'),
      list: rectOf('[data-testid="sighting-list"]'),
    };
  });
}

/** Shows only the rows of `jti` (the list is virtualised: rows out of view are not rendered). */
async function filterTo(jti: string): Promise<string> {
  await insertText(session, '[data-testid="filter"]', jti);
  const row = await panel.waitForSelector(`[data-testid="token-row"][data-jti="${jti}"]`);
  return row!.evaluate((el) => el.id);
}

async function selectRow(rowId: string): Promise<void> {
  await panel.click(`#${rowId}`);
  await panel.waitForSelector(`#${rowId}[aria-selected="true"]`);
  await panel.waitForSelector('.detail-pane [data-testid="detail"]');
}

it('wheel-scrolling the longest detail to its end leaves the document unscrolled and the list in view', async () => {
  // The longest detail: select each scenario's result and measure the detail pane.
  let longest = { jti: '', height: 0 };
  for (const jti of sessionIds) {
    await selectRow(await filterTo(jti));
    const height = await panel.$eval('.detail-pane', (pane) => pane.scrollHeight);
    if (height > longest.height) longest = { jti, height };
  }
  await selectRow(await filterTo(longest.jti));

  const before = await readLayout(panel);
  expect(before.documentScrollTop).toBe(0);
  // The document is exactly the panel's height: nothing (not even visually hidden text) overflows it.
  expect(before.documentScrollHeight).toBe(before.viewportHeight);
  const pane = await panel.$eval('.detail-pane', (el) => ({
    scrollHeight: el.scrollHeight,
    clientHeight: el.clientHeight,
  }));
  // The pane must really overflow, or the test would prove nothing.
  expect(pane.scrollHeight).toBeGreaterThan(pane.clientHeight * 1.5);

  // Real wheel events over the detail pane, through DevTools' own input pipeline.
  const detail = await panel.$('.detail-pane');
  await detail!.hover();
  const mouse = session.devtools.mouse;
  const steps = Math.ceil(pane.scrollHeight / 400) + 2;
  for (let i = 0; i < steps; i++) await mouse.wheel({ deltaY: 400 });
  await panel.waitForFunction(() => {
    const el = document.querySelector('.detail-pane');
    return el !== null && el.scrollTop + el.clientHeight >= el.scrollHeight - 1;
  });
  // Keep wheeling at the end (where scrolling chains to the document), then wheel up a little and
  // wait until that landed somewhere: the overscroll events before it have been handled by then.
  for (let i = 0; i < 3; i++) await mouse.wheel({ deltaY: 400 });
  const atEnd = await panel.$eval('.detail-pane', (el) => el.scrollTop);
  await mouse.wheel({ deltaY: -100 });
  await panel.waitForFunction(
    (end) =>
      (document.querySelector('.detail-pane')?.scrollTop ?? end) < end ||
      (document.scrollingElement?.scrollTop ?? 0) !== 0,
    {},
    atEnd,
  );

  const after = await readLayout(panel);
  expect(after.documentScrollTop).toBe(0);
  expect(after.toolbar!.top).toBeGreaterThanOrEqual(0);
  expect(after.list!.top).toBeGreaterThanOrEqual(0);
  expect(after.list!.top).toBeLessThan(after.viewportHeight);
  expect(after.list!.bottom).toBeLessThanOrEqual(after.viewportHeight);
});
