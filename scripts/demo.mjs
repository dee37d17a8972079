// `npm run demo [-- --headless] [--check] [--port N]`: build, start the sandbox, open Chromium with the panel.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { readKeyLine, readVerdicts, runScenarios } from './demo-check.mjs';
import { buildDemoSettings, seedExtensionStorage } from './demo-settings.mjs';
import { findChrome } from './find-chrome.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const EXTENSION_DIR = join(ROOT, '.output/chrome-mv3');
const MANIFEST = join(EXTENSION_DIR, 'manifest.json');
/** Inputs of `wxt build`: the extension is rebuilt when any is newer than the built manifest. */
const BUILD_INPUTS = [
  'entrypoints',
  'components',
  'lib',
  'public',
  'wxt.config.ts',
  'package.json',
];
const USAGE = 'usage: npm run demo [-- --headless] [--check] [--port N] [--jwks URL]';
const SANDBOX_START_TIMEOUT_MS = 60_000;
const PANEL_TIMEOUT_MS = 30_000;
/** The sandbox's JWKS, under the sandbox origin as Uqudo's is under its API origin. */
const JWKS_PATH = '/api/.well-known/jwks.json';

/** Parses the command line; exits with usage on anything unknown. */
function parseArgs(argv) {
  const options = { headless: false, check: false, port: 8321, jwks: undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--headless') options.headless = true;
    else if (arg === '--check') options.check = true;
    else if (arg === '--port' || arg.startsWith('--port=')) {
      const text = arg === '--port' ? argv[++i] : arg.slice('--port='.length);
      const port = Number(text);
      if (!text || !Number.isInteger(port) || port < 0 || port > 65535) {
        fail(`--port needs a number 0-65535, got ${text ?? 'nothing'}`, 2);
      }
      options.port = port;
    } else if (arg === '--jwks' || arg.startsWith('--jwks=')) {
      // Another key source for the panel than the sandbox's JWKS (e.g. to see the check fail).
      const text = arg === '--jwks' ? argv[++i] : arg.slice('--jwks='.length);
      if (!text || !/^https?:\/\//.test(text)) fail(`--jwks needs an http(s) URL, got ${text}`, 2);
      options.jwks = text;
    } else if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else fail(`unknown argument ${arg}\n${USAGE}`, 2);
  }
  // The check is automation: it always runs headless.
  if (options.check) options.headless = true;
  return options;
}

function say(message) {
  console.log(`demo: ${message}`);
}

function fail(message, code = 1) {
  console.error(`demo: ${message}`);
  process.exit(code);
}

/** Installs dependencies with `npm ci` when node_modules lacks what the demo needs. */
function ensureDependencies() {
  const needed = ['node_modules/.bin/wxt', 'node_modules/.bin/tsx', 'node_modules/puppeteer-core'];
  const missing = needed.filter((path) => !existsSync(join(ROOT, path)));
  if (missing.length === 0) return;
  say(`dependencies missing (${missing.join(', ')}): running \`npm ci\``);
  const install = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (install.status !== 0) {
    fail('`npm ci` failed: install Node >= 20.19 with npm, check registry access, then rerun');
  }
}

/** Newest modification time (ms) under a file or directory, ignoring tests. */
function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return /\.test\.tsx?$/.test(path) ? 0 : stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** Runs `npx wxt build` unless the built manifest is newer than every source. */
function ensureBuilt() {
  const built = existsSync(MANIFEST) ? statSync(MANIFEST).mtimeMs : 0;
  const sources = Math.max(...BUILD_INPUTS.map((p) => newestMtime(join(ROOT, p))));
  if (built > 0 && built >= sources) {
    say('extension build is up to date (.output/chrome-mv3)');
    return;
  }
  say(
    built === 0
      ? 'building the extension (npx wxt build)'
      : 'sources changed: rebuilding the extension',
  );
  const build = spawnSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0 || !existsSync(MANIFEST))
    fail('`npx wxt build` failed; see its output above');
}

/** Starts the sandbox and resolves with its URL once it prints its listening line. */
function startSandbox(port) {
  const tsx = join(ROOT, 'node_modules/.bin/tsx');
  const child = spawn(tsx, ['sandbox/main.ts', '--port', String(port)], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
    process.stderr.write(chunk);
  });
  const url = new Promise((resolveUrl, reject) => {
    const timer = setTimeout(
      () =>
        reject(new Error(`the sandbox did not start within ${SANDBOX_START_TIMEOUT_MS / 1000} s`)),
      SANDBOX_START_TIMEOUT_MS,
    );
    let listening;
    createInterface({ input: child.stdout }).on('line', (line) => {
      console.log(line);
      listening ??= /^sandbox listening on (http:\/\/\S+)$/.exec(line)?.[1];
      // Resolve after the credentials line so the demo's own output follows the sandbox's.
      if (listening && line.startsWith('demo client_id=')) {
        clearTimeout(timer);
        resolveUrl(listening);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      const busy = /EADDRINUSE/.test(stderr)
        ? ` (port ${port} is busy: try --port ${port + 1})`
        : '';
      reject(new Error(`the sandbox exited with code ${code}${busy}`));
    });
  });
  return { child, url };
}

function printManualSteps(url) {
  console.log(
    [
      '',
      'No Chromium/Chrome found. Install one, then rerun `npm run demo`:',
      '  Debian/Ubuntu:  sudo apt-get install -y chromium',
      '  or point to an installed browser:  CHROME_PATH=/path/to/chrome npm run demo',
      '',
      'Or load the extension by hand in any Chromium-based browser on this machine:',
      '  1. open chrome://extensions and switch on "Developer mode"',
      `  2. "Load unpacked" → choose ${EXTENSION_DIR}`,
      `  3. open ${url}/ , press F12 and pick the "Uqudo" panel, then run a scenario`,
      '',
      'The sandbox keeps running; Ctrl-C stops it.',
    ].join('\n'),
  );
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Polls `probe` until it returns a value or the deadline passes. */
async function waitFor(what, probe, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await sleep(200);
  }
}

/**
 * Launches Chromium with the built extension, writes the panel's key setting (`jwksUrl`, "set by
 * npm run demo") into the profile before any extension page runs, opens the demo page, DevTools
 * and the Uqudo panel. `beforePanel` runs once DevTools records traffic, before the panel is shown.
 */
async function openBrowser(chromePath, url, options) {
  const { default: puppeteer } = await import('puppeteer-core');
  const browser = await puppeteer.launch({
    executablePath: chromePath,
    headless: options.headless,
    pipe: true,
    enableExtensions: true,
    userDataDir: options.userDataDir,
    // This script stops the browser itself on Ctrl-C, after which it also stops the sandbox.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    defaultViewport: options.headless ? undefined : null,
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
  try {
    const extensionId = await browser.installExtension(EXTENSION_DIR);
    await seedExtensionStorage(browser, extensionId, buildDemoSettings(options.jwksUrl));
    const page =
      (await browser.pages()).find((p) => !p.url().startsWith('devtools://')) ??
      (await browser.newPage());
    await page.goto(`${url}/`);
    const devtools = await page.openDevTools();
    let before;
    if (options.beforePanel) {
      // DevTools records the page's traffic once its front end has loaded, our devtools page included.
      const devtoolsPageUrl = `chrome-extension://${extensionId}/devtools.html`;
      await devtools.waitForFrame((frame) => frame.url() === devtoolsPageUrl, {
        timeout: PANEL_TIMEOUT_MS,
      });
      before = await options.beforePanel(page);
    }
    const panelUrl = `chrome-extension://${extensionId}/devtools-panel.html`;
    const panelId = `chrome-extension://${extensionId}Uqudo`;
    const panel = await waitFor(
      'the Uqudo panel in DevTools',
      async () => {
        const frame = devtools.frames().find((f) => f.url() === panelUrl);
        if (frame) return frame;
        // The panel registers asynchronously after DevTools loads: keep asking DevTools to show it.
        await devtools
          .evaluate((id) => globalThis.DevToolsAPI?.showPanel(id), panelId)
          .catch(() => undefined);
        return undefined;
      },
      PANEL_TIMEOUT_MS,
    );
    return { browser, page, devtools, panel, before };
  } catch (error) {
    await browser.close().catch(() => undefined);
    throw error;
  }
}

/**
 * The check: every scenario ran before the panel was shown (see main); prints the panel's key line
 * and each scenario's verdicts, and returns whether they are all as expected.
 */
async function runCheck(session, jwksUrl) {
  await session.panel
    .waitForSelector('html[data-listening="1"]', { timeout: PANEL_TIMEOUT_MS })
    .catch(() => {
      throw new Error(
        'the panel never set html[data-listening="1"] (its capture listeners are not attached)',
      );
    });
  const keyLine = await readKeyLine(session.panel);
  console.log(`demo check: panel: ${keyLine}`);
  const result = await readVerdicts(session.panel, session.devtools, session.before);
  for (const line of result.lines) console.log(`demo check:   ${line}`);
  if (!keyLine.includes(jwksUrl)) {
    console.error(`demo check: failed: the panel's keys are not ${jwksUrl}`);
    return false;
  }
  if (!result.ok) {
    console.error(`demo check: failed: ${result.wrong} of ${result.lines.length} scenarios`);
    return false;
  }
  console.log(`demo check: ok (${result.lines.length} scenarios, ${result.rows} token rows)`);
  return true;
}

/**
 * The browser to launch; otherwise says why none can open and returns `keep-sandbox` (no browser:
 * the sandbox stays up for loading the extension by hand) or undefined (stop with an error).
 */
function chooseBrowser(options, url) {
  const chromePath = findChrome();
  if (!chromePath) {
    printManualSteps(url);
    if (!options.check) return 'keep-sandbox';
    console.error('demo check: failed: no Chromium/Chrome to run the check in');
    return undefined;
  }
  const hasDisplay = process.env.DISPLAY || process.env.WAYLAND_DISPLAY;
  if (process.platform === 'linux' && !options.headless && !hasDisplay) {
    console.error(
      [
        'demo: no display (DISPLAY / WAYLAND_DISPLAY unset), so a visible browser cannot open.',
        '  run headless:          npm run demo -- --headless',
        '  or with a virtual one:  xvfb-run -a npm run demo',
      ].join('\n'),
    );
    return undefined;
  }
  return chromePath;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  ensureDependencies();
  ensureBuilt();

  const sandbox = startSandbox(options.port);
  let browser;
  let userDataDir;
  let stopping = false;
  const stop = async (code) => {
    if (stopping) return;
    stopping = true;
    if (browser) await browser.close().catch(() => undefined);
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
    if (sandbox.child.exitCode === null) {
      const exited = new Promise((r) => sandbox.child.once('exit', r));
      sandbox.child.kill('SIGTERM');
      await exited;
    }
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(130));
  process.on('SIGTERM', () => void stop(143));

  let url;
  try {
    url = await sandbox.url;
  } catch (error) {
    console.error(`demo: ${error.message}`);
    return stop(1);
  }

  sandbox.child.once('exit', (code) => {
    if (stopping) return;
    console.error(`demo: the sandbox stopped unexpectedly (exit code ${code})`);
    void stop(1);
  });

  const chromePath = chooseBrowser(options, url);
  if (chromePath === 'keep-sandbox') return; // the sandbox child keeps this process alive until Ctrl-C
  if (!chromePath) return stop(1);

  userDataDir = mkdtempSync(join(tmpdir(), 'uqudo-demo-'));
  const jwksUrl = options.jwks ?? `${url}${JWKS_PATH}`;
  let session;
  try {
    say(`launching ${chromePath}${options.headless ? ' (headless)' : ''}`);
    session = await openBrowser(chromePath, url, {
      headless: options.headless,
      userDataDir,
      jwksUrl,
      // The check runs every scenario before the panel is shown: the panel then lists them from
      // DevTools' log once, with nothing racing its live listener.
      beforePanel: options.check ? runScenarios : undefined,
    });
    browser = session.browser;
  } catch (error) {
    console.error(`demo${options.check ? ' check' : ''}: failed: ${error.message}`);
    return stop(1);
  }

  if (options.check) {
    try {
      return stop((await runCheck(session, jwksUrl)) ? 0 : 1);
    } catch (error) {
      console.error(`demo check: failed: ${error.message}`);
      return stop(1);
    }
  }

  say(`DevTools is open on ${url}/ with the Uqudo panel. Run a scenario from the page.`);
  say(`the panel verifies signatures with ${jwksUrl} (written into this browser profile)`);
  say('Ctrl-C stops the browser and the sandbox.');
  browser.once('disconnected', () => {
    if (!stopping) say('the browser was closed');
    void stop(0);
  });
}

main().catch((error) => {
  console.error(`demo: ${error?.stack ?? error}`);
  process.exit(1);
});
