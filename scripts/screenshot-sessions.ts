// Takes the README's session-view screenshots from the real panel (tsx scripts/screenshot-sessions.ts).
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { byTestId, insertText, openSandboxPanel, runScenario, waitFor } from '../tests/e2e/harness';

const DOCS = resolve(import.meta.dirname, '../docs');
/** The flows shown: a clean enrolment and a few integration mistakes. */
const BUTTONS = [
  'run-passport',
  'run-mistake-wrong-nonce',
  'run-mistake-altered',
  'run-mistake-secret',
  'run-mistake-in-url',
];

/** The DevTools part of the front end's page (its right side, the panel and the tab strip). */
async function panelClip(
  devtools: Page,
): Promise<{ x: number; y: number; width: number; height: number }> {
  // A string, not a function: tsx's name helpers do not exist in the page.
  const box = (await devtools.evaluate(`(() => {
    // The extension panel's iframe lives in DevTools' shadow DOM: search the whole tree.
    const frames = [];
    const roots = [document];
    while (roots.length > 0) {
      for (const element of roots.pop().querySelectorAll('*')) {
        if (element.tagName === 'IFRAME') frames.push(element);
        if (element.shadowRoot) roots.push(element.shadowRoot);
      }
    }
    // The panel is the widest frame (the extension's devtools page is a hidden one).
    const rects = frames.map((frame) => frame.getBoundingClientRect());
    const rect = rects.sort((a, b) => b.width - a.width)[0];
    return rect && rect.width > 0 ? { x: rect.x, width: rect.width } : undefined;
  })()`)) as { x: number; width: number } | undefined;
  if (!box) throw new Error('the panel frame was not found');
  return { x: box.x, y: 0, width: box.width, height: 760 };
}

async function main(): Promise<void> {
  mkdirSync(DOCS, { recursive: true });
  const { sandbox, session } = await openSandboxPanel({
    listMode: 'sessions',
    beforePanel: async (page) => {
      for (const button of BUTTONS) await runScenario(page, button);
    },
  });
  try {
    const { panel, devtools } = session;
    await devtools.setViewport({ width: 1400, height: 760 });
    // Drag DevTools' split (the inspected page | DevTools) to the left so the panel is ~1280 px wide.
    const before = await panelClip(devtools);
    await devtools.mouse.move(before.x - 2, 400);
    await devtools.mouse.down();
    await devtools.mouse.move(120, 400, { steps: 8 });
    await devtools.mouse.up();
    await panel.click(byTestId('settings-toggle'));
    await panel.click(byTestId('key-source-custom-url'));
    await insertText(
      session,
      byTestId('settings-jwks-url'),
      `${sandbox.url}/api/.well-known/jwks.json`,
    );
    await panel.click(byTestId('settings-apply'));
    await panel.click(byTestId('settings-toggle'));
    await waitFor('five verified sessions', async () => {
      const rows = await panel.$$(`${byTestId('session-row')}[data-verdict="valid"]`);
      return rows.length === BUTTONS.length ? true : undefined;
    });
    // The clean session, expanded, with its result selected.
    const heads = await panel.$$(byTestId('session-head'));
    await heads[heads.length - 1]!.click();
    await panel.click(`${byTestId('timeline-entry')}[data-role="result-returned"]`);
    const clip = await panelClip(devtools);
    await devtools.screenshot({ path: resolve(DOCS, 'session-view.png'), clip });
    // The summary's first finding, jumped to: the session with its integration findings.
    // A DOM click: a mouse click after the split drag was seen to land on DevTools' tab strip.
    await panel.$eval('[data-summary-code="secret-in-browser"]', (el) =>
      (el as HTMLElement).click(),
    );
    await panel.waitForSelector('[data-finding-code]');
    await devtools.screenshot({ path: resolve(DOCS, 'integration-checks.png'), clip });
  } finally {
    await session.close();
    await sandbox.close();
  }
}

await main();
