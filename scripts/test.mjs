// Runs every test suite (unit, component, real-panel e2e) and prints one plain "N passed, N failed" line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addCounts, countReport, createCounts, formatCounts } from './count-results.mjs';
import { findChrome } from './find-chrome.mjs';

const extraArgs = process.argv.slice(2);

if (!existsSync('node_modules/.bin/vitest')) {
  console.error('test: dependencies missing, running `npm ci` first');
  const install = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { stdio: 'inherit' });
  if (install.status !== 0) {
    console.error('test: `npm ci` failed; install Node >= 20.19 and check registry access');
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
}
const ci = process.env.CI === 'true' || process.env.CI === '1';
const chrome = findChrome();
const projects = ['unit'];

if (chrome) {
  process.env.CHROME_PATH = chrome;
  // The e2e suite loads the built extension: build it first so the panel under test is current.
  const build = spawnSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
  if (build.status !== 0) {
    console.error('test: `wxt build` failed; the e2e suite needs .output/chrome-mv3');
    process.exit(1);
  }
  projects.push('e2e');
} else {
  const msg = [
    '',
    '!!! No Chromium/Chrome found: the real-panel e2e suite is SKIPPED.',
    '!!! Install one:  apt-get install -y chromium   (or set CHROME_PATH=/path/to/chrome)',
    '',
  ].join('\n');
  console.error(msg);
  if (ci) {
    console.error('test: CI=true and no browser: a missing browser is a failure, not a skip.');
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
}

/** Runs one vitest project and returns its counts (test cases, from the JSON reporter). */
function runProject(name) {
  const out = join(mkdtempSync(join(tmpdir(), 'uqi-test-')), 'results.json');
  const run = spawnSync(
    'npx',
    [
      'vitest',
      'run',
      '--project',
      name,
      '--passWithNoTests',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${out}`,
      ...extraArgs,
    ],
    { stdio: 'inherit' },
  );
  const counts = existsSync(out)
    ? countReport(JSON.parse(readFileSync(out, 'utf8')), { root: process.cwd(), project: name })
    : { ...createCounts(), failed: 1, problems: [`${name}: vitest wrote no report`] };
  if (run.status !== 0 && counts.failed === 0) {
    // Every test passed but vitest failed anyway (e.g. an unhandled error between tests).
    counts.failed = 1;
    counts.problems.push(`${name}: vitest exited with status ${run.status} (see its output above)`);
  }
  return counts;
}

// Projects run one after the other: the real browser gets both cores instead of racing the unit tests.
let total = createCounts();
for (const name of projects) total = addCounts(total, runProject(name));
if (total.passed === 0 && total.failed === 0) {
  // A run that executed no test is not a pass.
  total = addCounts(total, { ...createCounts(), failed: 1, problems: ['no test ran'] });
}
for (const problem of total.problems) console.log(`test: ${problem}`);
console.log(formatCounts(total));
process.exit(total.failed > 0 ? 1 : 0);
