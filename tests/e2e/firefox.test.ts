// Firefox smoke test: the Firefox build as a temporary add-on in headless firefox-esr over WebDriver BiDi.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildSync } from 'esbuild';
import puppeteer, { type Browser, type ElementHandle, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DownloadFile } from '../../lib/export/download';
import { inspectToken } from '../../lib/jose/inspect';
import { createInspectorStore, type InspectorStore } from '../../lib/store';

const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const HAS_FIREFOX = existsSync(FIREFOX);
const ROOT = resolve(__dirname, '../..');
const FLOW_HAR = readFileSync(join(ROOT, 'tests/fixtures/har/uqudo-flow.har'), 'utf8');
const FLOW_ENTRIES = (JSON.parse(FLOW_HAR) as { log: { entries: unknown[] } }).log.entries;
/** A test-only add-on id and origin: the build has no gecko id, so Firefox would pick random ones. */
const ADDON_ID = 'uqudo-inspector-e2e@example.invalid';
const ADDON_UUID = '6a1c2f3e-1111-4222-8333-444455556666';
const ORIGIN = `moz-extension://${ADDON_UUID}`;

if (!HAS_FIREFOX) {
  console.error(
    [
      '',
      `!!! ${FIREFOX} not found: the Firefox smoke test is SKIPPED (counted as skipped).`,
      '!!! Install it:  apt-get install -y firefox-esr   (or set FIREFOX_PATH)',
      '',
    ].join('\n'),
  );
}

/**
 * Page scripts as source text: vitest rewrites `import()` inside functions passed to evaluate.
 * This one runs the devtools page's own built script again over a recording `panels.create`.
 */
const RERUN_DEVTOOLS_PAGE = `(async () => {
  const calls = [];
  chrome.devtools = { panels: { create: (...args) => calls.push(args) } };
  const script = document.querySelector('script[src]');
  try {
    await import(script.src + '?smoke');
    return { calls };
  } catch (error) {
    return { error: String(error), calls };
  }
})()`;

/**
 * A classic script the test add-on's panel page runs before the panel's module when opened as
 * devtools-panel.html#scripted: it gives the panel the component tests' fake devtools.network, two
 * entries recorded before the panel starts (getHAR backfill); the test finishes the rest live
 * through `globalThis.scriptedNetwork`. The panel's own script runs once, so its lazily loaded
 * views share its module instances (a second import of the entry would not).
 */
function scriptedStart(fakeNetworkBundle: string, entries: unknown[]): string {
  return `${fakeNetworkBundle}
if (location.hash === '#scripted') {
  const network = FakeNetwork.createFakeDevtoolsNetwork(${JSON.stringify(entries.slice(0, 2))});
  globalThis.scriptedNetwork = network;
  browser.devtools = { network, panels: { themeName: 'dark' } };
}`;
}

/** Finishes the flow's entries after the first two once the panel listens (data-listening="1"). */
const FINISH_SCRIPTED = `async (rest) => {
  await new Promise((done) => {
    const ready = () => document.documentElement.dataset.listening === '1';
    if (ready()) return done();
    new MutationObserver((_, observer) => {
      if (ready()) {
        observer.disconnect();
        done();
      }
    }).observe(document.documentElement, { attributes: true });
  });
  for (const entry of rest) globalThis.scriptedNetwork.finish(entry);
}`;

/** puppeteer's BiDi connection (not in its public types). */
interface BidiConnection {
  send(method: string, params: Record<string, unknown>): Promise<unknown>;
}

let browser: Browser;
let workDir: string;
let chromeContext: string;

function connectionOf(b: Browser): BidiConnection {
  return (b as unknown as { connection: BidiConnection }).connection;
}

/** Evaluates `expression` in the browser's own (chrome) window: needs --remote-allow-system-access. */
async function evaluateInChrome(expression: string): Promise<unknown> {
  const answer = (await connectionOf(browser).send('script.evaluate', {
    expression,
    target: { context: chromeContext },
    awaitPromise: true,
  })) as { result: { result?: { value?: unknown } } };
  return answer.result.result?.value;
}

/**
 * Opens an add-on page in a new tab. WebDriver may not navigate to moz-extension: URLs (Firefox
 * 153), so the browser window opens the tab itself, as a click on a link in the UI would.
 */
async function openAddonPage(path: string): Promise<Page> {
  const created = new Promise<Page | null>((done) =>
    browser.once('targetcreated', (target) => done(target.page())),
  );
  await evaluateInChrome(
    `gBrowser.selectedTab = gBrowser.addTab(${JSON.stringify(`${ORIGIN}/${path}`)}, { triggeringPrincipal: Services.scriptSecurityManager.getSystemPrincipal() }); true`,
  );
  const page = await created;
  if (!page) throw new Error(`no page for ${path}`);
  await page.waitForFunction(
    (origin) => location.origin === origin && document.readyState === 'complete',
    { polling: 50, timeout: 20_000 },
    ORIGIN,
  );
  return page;
}

/** The Firefox build with a test add-on id, in a temporary folder. */
function prepareAddon(): string {
  const result = spawnSync('npx', ['wxt', 'build', '-b', 'firefox'], { cwd: ROOT, stdio: 'pipe' });
  if (result.status !== 0) throw new Error(`wxt build -b firefox failed:\n${result.stderr}`);
  const dir = join(workDir, 'addon');
  cpSync(join(ROOT, '.output/firefox-mv2'), dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  manifest.browser_specific_settings = { gecko: { id: ADDON_ID } };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  // The fake network of the component tests, bundled for the page, before the panel's module.
  const fake = buildSync({
    entryPoints: [join(ROOT, 'tests/fake-devtools-network.ts')],
    bundle: true,
    format: 'iife',
    globalName: 'FakeNetwork',
    write: false,
    platform: 'browser',
  });
  writeFileSync(
    join(dir, 'e2e-scripted.js'),
    scriptedStart(fake.outputFiles[0]!.text, FLOW_ENTRIES),
  );
  const html = join(dir, 'devtools-panel.html');
  const page = readFileSync(html, 'utf8');
  if (!page.includes('<script type="module"')) throw new Error('devtools-panel.html: no module');
  writeFileSync(
    html,
    page.replace(
      '<script type="module"',
      '<script src="/e2e-scripted.js"></script><script type="module"',
    ),
  );
  return dir;
}

/** Verdicts the same rows get in Node through the same store and inspection (no keys either way). */
async function expectedVerdicts(): Promise<{ verdicts: string[]; report: string }> {
  const downloads: DownloadFile[] = [];
  const store: InspectorStore = createInspectorStore({
    inspect: inspectToken,
    prepareKeys: async () => ({ state: 'none', description: 'no keys' }),
    download: (file) => downloads.push(file),
  });
  store.importHar(FLOW_HAR);
  await new Promise<void>((done) => {
    const check = () => store.getState().pending === 0 && store.getState().captures.length > 0;
    if (check()) return done();
    const stop = store.subscribe(() => check() && (stop(), done()));
  });
  await store.evidence.exportEvidence({
    scope: { kind: 'all' },
    kind: 'report',
    includePersonal: false,
    includeSecrets: false,
  });
  const verdicts = store
    .getState()
    .captures.toArray()
    .map((c) => c.verdict ?? '');
  return { verdicts: verdicts.sort(), report: downloads[0]!.text };
}

async function rowVerdicts(page: Page, selector = '[data-testid="token-row"]'): Promise<string[]> {
  return page.$$eval(selector, (rows) =>
    rows.map((r) => r.getAttribute('data-verdict') ?? '').sort(),
  );
}

describe.skipIf(!HAS_FIREFOX)('Firefox (firefox-esr, WebDriver BiDi)', () => {
  beforeAll(async () => {
    workDir = mkdtempSync(join(tmpdir(), 'uqi-firefox-'));
    const addon = prepareAddon();
    browser = await puppeteer.launch({
      browser: 'firefox',
      protocol: 'webDriverBiDi',
      executablePath: FIREFOX,
      headless: true,
      args: ['--remote-allow-system-access'],
      userDataDir: join(workDir, 'profile'),
      // Pins the add-on's moz-extension origin (Firefox reads this map when it installs the add-on).
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: ADDON_UUID }),
      },
    });
    // WebDriver BiDi webExtension.install, as a temporary add-on.
    expect(await browser.installExtension(addon)).toBe(ADDON_ID);
    const tree = (await connectionOf(browser).send('browsingContext.getTree', {
      'moz:scope': 'chrome',
    })) as { result: { contexts: { context: string }[] } };
    chromeContext = tree.result.contexts[0]!.context;
  });

  afterAll(async () => {
    await browser?.close();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  it('the devtools page loads and registers the Uqudo panel through devtools.panels.create', async () => {
    const page = await openAddonPage('devtools.html');
    // Outside a toolbox `chrome.devtools` is absent: run the page's own built script again over a
    // recording stand-in for panels.create.
    const outcome = await page.evaluate(RERUN_DEVTOOLS_PAGE);
    expect(outcome).toEqual({ calls: [['Uqudo', '/icon/32.png', '/devtools-panel.html']] });
  });

  it('the panel page renders, and lists and checks captures fed through a scripted devtools.network', async () => {
    const { verdicts, report } = await expectedVerdicts();
    const plain = await openAddonPage('devtools-panel.html');
    // As a plain tab the panel says it has no network API: the real bundle, rendering.
    await plain.waitForSelector('[data-testid="filter"]');
    const page = await openAddonPage('devtools-panel.html#scripted');
    await page.evaluate(`(${FINISH_SCRIPTED})(${JSON.stringify(FLOW_ENTRIES.slice(2))})`);
    // The flat token list (sessions are the default mode), as the Chromium harness does.
    await page.click('[data-testid="list-mode-tokens"]');
    await page.waitForSelector('[data-testid="list-mode-tokens"][aria-pressed="true"]');
    await page.waitForFunction(
      (count) =>
        document.querySelectorAll('[data-testid="token-row"]').length === count &&
        document.querySelectorAll('[data-testid="token-row-pending"]').length === 0,
      { polling: 100, timeout: 30_000 },
      verdicts.length,
    );
    expect(await rowVerdicts(page)).toEqual(verdicts);
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');

    // An evidence report reopens there too, every row marked imported.
    const file = join(workDir, 'report.json');
    writeFileSync(file, report);
    const input = (await page.$(
      '[data-testid="har-file-toolbar"]',
    )) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(file);
    await page.waitForFunction(
      (count) =>
        document.querySelectorAll('[data-testid="token-row"][data-imported="1"]').length === count,
      { polling: 100, timeout: 20_000 },
      verdicts.length,
    );
    expect(await rowVerdicts(page, '[data-testid="token-row"][data-imported="1"]')).toEqual(
      verdicts,
    );
  });
});
