// Real-panel e2e harness: Chromium with the built extension, DevTools open on a page, the Uqudo panel shown.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type Frame, type Page } from 'puppeteer-core';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../sandbox/server';

/** A running browser with DevTools open and the Uqudo panel frame ready for assertions. */
export interface PanelSession {
  browser: Browser;
  page: Page;
  devtools: Page;
  panel: Frame;
  extensionId: string;
  close(): Promise<void>;
}

/** A browser with the built extension installed and DevTools open on a page (no panel shown yet). */
export interface DevtoolsSession {
  browser: Browser;
  page: Page;
  devtools: Page;
  extensionId: string;
  close(): Promise<void>;
}

// import.meta.url rather than __dirname: the bench (tsx, ES modules) imports this harness too.
const EXTENSION_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../.output/chrome-mv3');

/** Polls `probe` until it returns a value, or fails after `timeoutMs` with `what` in the message. */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs = 20_000,
  intervalMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/**
 * Launches Chromium (CHROME_PATH), installs the built extension, opens `url` and DevTools on it, and
 * waits for the extension's devtools page (so DevTools is recording and the panel is registered).
 */
export async function openDevtools(url: string): Promise<DevtoolsSession> {
  const executablePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
  const userDataDir = mkdtempSync(join(tmpdir(), 'uqi-e2e-'));
  const browser = await puppeteer.launch({
    executablePath,
    headless: true,
    pipe: true,
    enableExtensions: true,
    userDataDir,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const close = async () => {
    await browser.close().catch(() => undefined);
    rmSync(userDataDir, { recursive: true, force: true });
  };
  try {
    const extensionId = await browser.installExtension(EXTENSION_DIR);
    const page =
      (await browser.pages()).find((p) => !p.url().startsWith('devtools://')) ??
      (await browser.newPage());
    await page.goto(url);
    const devtools = await page.openDevTools();
    // DevTools records traffic once its front end has loaded, which includes our devtools page.
    const devtoolsPageUrl = `chrome-extension://${extensionId}/devtools.html`;
    await waitFor('the extension devtools page', async () =>
      devtools.frames().some((f) => f.url() === devtoolsPageUrl) ? true : undefined,
    );
    return { browser, page, devtools, extensionId, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Options of {@link openPanel}. */
export interface OpenPanelOptions {
  beforePanel?: (page: Page, devtools: Page) => Promise<void>;
  /**
   * The list mode to leave the panel in. The panel opens on sessions; the suites written against the
   * flat `token-row` list get 'tokens' (the default here), switched once in this one place.
   */
  listMode?: 'sessions' | 'tokens';
}

/** Launches Chromium (CHROME_PATH), installs the built extension, opens `url` with DevTools and the Uqudo panel. */
export async function openPanel(
  url: string,
  options: OpenPanelOptions = {},
): Promise<PanelSession> {
  const session = await openDevtools(url);
  const { page, devtools, extensionId } = session;
  try {
    if (options.beforePanel) await options.beforePanel(page, devtools);
    const panelUrl = `chrome-extension://${extensionId}/devtools-panel.html`;
    const panelId = `chrome-extension://${extensionId}Uqudo`;
    const panel = await waitFor('the Uqudo panel frame', async () => {
      const frame = devtools.frames().find((f) => f.url() === panelUrl);
      if (frame) return frame;
      // The panel registers asynchronously after DevTools loads: keep asking DevTools to show it.
      await devtools
        .evaluate((id) => (globalThis as any).DevToolsAPI?.showPanel(id), panelId)
        .catch(() => undefined);
      return undefined;
    });
    // Readiness markers: listeners attached, and what DevTools recorded before is listed.
    await panel.waitForSelector('html[data-listening="1"]', { timeout: 20_000 });
    await panel.waitForSelector('html[data-backfilled="1"]', { timeout: 20_000 });
    if ((options.listMode ?? 'tokens') === 'tokens') await switchListMode(panel, 'tokens');
    return { ...session, panel };
  } catch (error) {
    await session.close();
    throw error;
  }
}

/** Options of {@link openSandboxPanel}. */
export interface SandboxPanelOptions {
  /** Passed to startSandbox, e.g. `{ cors: 'strict' }`; the port is always a free one. */
  sandbox?: Omit<SandboxOptions, 'port'>;
  /** Runs after DevTools opened and before the panel is first shown (see openPanel). */
  beforePanel?: (page: Page, devtools: Page) => Promise<void>;
  /** See OpenPanelOptions.listMode (default 'tokens'). */
  listMode?: 'sessions' | 'tokens';
}

/** Starts a sandbox on a free port and opens the Uqudo panel on its demo page. */
export async function openSandboxPanel(
  options: SandboxPanelOptions = {},
): Promise<{ sandbox: Sandbox; session: PanelSession }> {
  const sandbox = await startSandbox({ ...options.sandbox, port: 0 });
  try {
    const session = await openPanel(`${sandbox.url}/`, {
      ...(options.beforePanel && { beforePanel: options.beforePanel }),
      ...(options.listMode && { listMode: options.listMode }),
    });
    return { sandbox, session };
  } catch (error) {
    await sandbox.close();
    throw error;
  }
}

/** Rows of the sighting list as plain data (the stable test contract). */
export async function readRows(
  panel: Frame,
): Promise<{ jti: string; verdict: string; text: string }[]> {
  return panel.$$eval('[data-testid="token-row"]', (rows) =>
    rows.map((row) => ({
      jti: row.getAttribute('data-jti') ?? '',
      verdict: row.getAttribute('data-verdict') ?? '',
      text: row.textContent ?? '',
    })),
  );
}

/** Clicks a scenario button on the demo page and returns the session id once its flow is done. */
export async function runScenario(page: Page, button: string): Promise<string> {
  await page.waitForSelector(`#${button}:not([disabled])`);
  const scenario = await page.$eval(`#${button}`, (el) => (el as HTMLElement).dataset.scenario);
  await page.click(`#${button}`);
  await page.waitForFunction(
    (name) => {
      const status = document.getElementById('status');
      return status?.dataset.state === 'done' && status.dataset.scenario === name;
    },
    {},
    scenario,
  );
  const text = await page.$eval('#session', (el) => el.textContent ?? '');
  return text.replace(/^\s*session\s+/, '').trim();
}

/**
 * Replaces the text of a panel input with `text` in one insertion, the way a paste arrives
 * (setting `.value` and dispatching `input` from a script does not reach Preact's handlers here).
 */
export async function insertText(
  session: PanelSession,
  selector: string,
  text: string,
): Promise<void> {
  await session.panel.waitForSelector(selector);
  await session.panel.$eval(selector, (el) => (el as HTMLInputElement).select());
  await session.panel.focus(selector);
  await session.devtools.keyboard.sendCharacter(text);
}

/** The selector of a `data-testid`. */
export const byTestId = (testId: string): string => `[data-testid="${testId}"]`;

/**
 * Clicks a panel element after centring it. Puppeteer's own scroll-into-view leaves elements at
 * the edge of the panel's inner scroll area, where real clicks were seen to miss them; and an
 * element that cannot be centred (near the end of a tab, in the Settings drawer) makes Chrome
 * scroll DevTools' own frame, after which coordinate clicks land below it. So the click is the
 * element's own (what a real click on it dispatches to the panel's handlers).
 */
export async function clickCentred(panel: Frame, selector: string): Promise<void> {
  await panel.waitForSelector(selector);
  await panel.$eval(selector, (el) => {
    el.scrollIntoView({ block: 'nearest' });
    (el as HTMLElement).click();
  });
}

/** The text of the element with `data-testid` `testId`. */
export async function textOfTestId(panel: Frame, testId: string): Promise<string> {
  return panel.$eval(byTestId(testId), (el) => el.textContent ?? '');
}

/** Switches the list pane to `mode` and waits until the switch shows. */
export async function switchListMode(panel: Frame, mode: 'sessions' | 'tokens'): Promise<void> {
  const button = `[data-testid="list-mode-${mode}"]`;
  await panel.waitForSelector(button);
  await panel.click(button);
  await panel.waitForSelector(`${button}[aria-pressed="true"]`);
}

/**
 * Points the panel at a JWKS URL through Settings and waits until the key line names it, then closes
 * Settings. DOM clicks: a coordinate click can land elsewhere while the key line re-renders.
 */
export async function useJwksUrl(session: PanelSession, url: string): Promise<void> {
  const { panel } = session;
  const click = (testId: string) =>
    panel.$eval(byTestId(testId), (el) => (el as HTMLElement).click());
  await panel.waitForSelector(byTestId('settings-toggle'));
  await click('settings-toggle');
  await panel.waitForSelector(byTestId('key-source-custom-url'));
  await click('key-source-custom-url');
  await insertText(session, byTestId('settings-jwks-url'), url);
  await click('settings-apply');
  await panel.waitForFunction(
    (wanted) =>
      document.querySelector('[data-testid="key-source-label"]')?.textContent?.includes(wanted),
    {},
    url,
  );
  await click('settings-toggle');
  await panel.waitForSelector(byTestId('key-source-custom-url'), { hidden: true });
}

/**
 * Asserts that no row is listed twice: every (jti, text) pair appears once, so a request the panel
 * doubled (or, with the expected rows, one it dropped) fails the test. Returns the rows of `jti`.
 */
export async function expectRowsOnce(
  panel: Frame,
  jti: string,
): Promise<{ jti: string; verdict: string; text: string }[]> {
  const rows = (await readRows(panel)).filter((row) => row.jti === jti);
  const texts = rows.map((row) => row.text);
  const doubled = texts.filter((text, index) => texts.indexOf(text) !== index);
  if (doubled.length > 0)
    throw new Error(`rows listed twice for jti ${jti}: ${doubled.join(' | ')}`);
  return rows;
}

/** The detail pane's tabs (the test contract: `[data-testid="detail-tab"][data-tab=…]`). */
export type DetailTabName = 'checks' | 'uqudo' | 'json' | 'replay' | 'images';

/**
 * Shows a tab of the selected capture's detail and waits until its panel is shown. The one place
 * suites go through to reach controls that live in a tab (replay, images, the Uqudo summary).
 */
export async function showDetailTab(panel: Frame, tab: DetailTabName): Promise<void> {
  const selector = `[data-testid="detail-tab"][data-tab="${tab}"]`;
  await panel.waitForSelector(`${selector}:not([aria-disabled="true"])`);
  // A DOM click: the tab list is sticky at the top of the scrolled pane.
  await panel.$eval(selector, (el) => (el as HTMLElement).click());
  await panel.waitForSelector(`[data-testid="detail-tabpanel"][data-tab="${tab}"]`);
}
