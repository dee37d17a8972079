// `npm run demo -- --check`: runs every demo scenario, then reads each one's verdicts from the panel's rows.
import { describeRowKey, judgeVerdicts } from './demo-verdicts.mjs';

const STEP_TIMEOUT_MS = 30_000;

/**
 * Clicks every scenario button of the demo page in turn and waits for each flow to finish (the
 * "Integration mistakes" buttons, `data-variant`, rerun a scenario for the session checks: skipped).
 * Returns, per button, the scenario name (the button id without `run-`) and the token the page
 * received (its "Last result"), from which the panel rows are found.
 * @param {import('puppeteer-core').Page} page
 * @returns {Promise<{ scenario: string, token: string, problem?: string }[]>}
 */
export async function runScenarios(page) {
  const ids = await page.$$eval('button[data-scenario]:not([data-variant])', (buttons) =>
    buttons.map((b) => b.id),
  );
  const runs = [];
  for (const id of ids) {
    await page.waitForSelector(`#${id}:not([disabled])`, { timeout: STEP_TIMEOUT_MS });
    const name = await page.$eval(`#${id}`, (button) => button.dataset.scenario);
    // The page marks the status "running" synchronously on click, so a "done" seen next is this run's.
    await page.click(`#${id}`);
    const state = await page
      .waitForFunction(
        (scenario) => {
          const status = document.getElementById('status');
          if (status?.dataset.scenario !== scenario) return false;
          return status.dataset.state === 'done' || status.dataset.state === 'error'
            ? status.dataset.state
            : false;
        },
        { timeout: STEP_TIMEOUT_MS },
        name,
      )
      .then((handle) => handle.jsonValue());
    const scenario = id.replace(/^run-/, '');
    if (state === 'error') {
      const log = await page.$eval('#log', (el) => el.lastElementChild?.textContent ?? '');
      runs.push({ scenario, token: '', problem: `the demo page failed: ${log.trim()}` });
      continue;
    }
    runs.push({ scenario, token: await page.$eval('#result', (el) => el.textContent ?? '') });
  }
  return runs;
}

/**
 * Waits until the panel has listed and checked what DevTools recorded (the scenarios ran before
 * the panel was shown, so all of it comes from DevTools' log), then reads every scenario's rows:
 * the filter box narrows the (virtualised) list to one scenario at a time.
 * @param {import('puppeteer-core').Frame} panel
 * @param {import('puppeteer-core').Page} devtools the DevTools page (its keyboard types into the panel)
 * @param {{ scenario: string, token: string, problem?: string }[]} runs
 */
export async function readVerdicts(panel, devtools, runs) {
  await panel.waitForSelector('html[data-backfilled="1"]', { timeout: STEP_TIMEOUT_MS });
  // The panel opens on sessions; the check reads the flat token list.
  await panel.click('[data-testid="list-mode-tokens"]');
  await panel.waitForSelector('[data-testid="list-mode-tokens"][aria-pressed="true"]');
  const observed = [];
  for (const run of runs) {
    if (run.problem) {
      observed.push({ scenario: run.scenario, verdicts: [], problem: run.problem });
      continue;
    }
    const key = describeRowKey(run.token);
    if ('error' in key) {
      observed.push({ scenario: run.scenario, verdicts: [], problem: key.error });
      continue;
    }
    const verdicts = await readRowVerdicts(panel, devtools, 'jti' in key ? key.jti : undefined);
    observed.push({ scenario: run.scenario, verdicts });
  }
  return judgeVerdicts(observed);
}

/** Verdicts of the rows with `jti`, or (no jti) of the rows shown as encrypted with no jti. */
async function readRowVerdicts(panel, devtools, jti) {
  const filter = '[data-testid="filter"]';
  await panel.$eval(filter, (input) => input.select());
  await panel.focus(filter);
  await devtools.keyboard.sendCharacter(jti ?? 'encrypted');
  // The list re-renders in a microtask after the input: a frame and a task later it shows the filter.
  await panel.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r))));
  return panel.$$eval(
    '[data-testid="token-row"], [data-testid="token-row-pending"]',
    (rows, wanted) =>
      rows
        .filter((row) => (row.getAttribute('data-jti') ?? '') === wanted)
        .map((row) => row.getAttribute('data-verdict') || 'pending'),
    jti ?? '',
  );
}

/** The panel's key line ("Keys: JWKS … (set by npm run demo)"). */
export async function readKeyLine(panel) {
  const line = await panel.waitForSelector('[data-testid="key-source-label"]', {
    timeout: STEP_TIMEOUT_MS,
  });
  return line.evaluate((el) => el.textContent ?? '');
}
