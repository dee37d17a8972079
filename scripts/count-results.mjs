// Counts test cases from vitest's JSON report, for the one closing line `N passed, N failed` of npm test.
import { relative } from 'node:path';

/**
 * @typedef {object} Counts
 * @property {number} passed test cases that passed
 * @property {number} failed test cases that failed, plus one per file that failed without a failing test
 * @property {number} skipped test cases skipped or todo
 * @property {string[]} problems one line per failure that is not a test case (a file that failed to load…)
 */

/** @returns {Counts} No tests, no failures. */
export function createCounts() {
  return { passed: 0, failed: 0, skipped: 0, problems: [] };
}

/**
 * Counts one vitest JSON report (`--reporter=json`). A test case counts once, whatever suites it
 * sits in (vitest's numFailedTestSuites also counts the file and every describe block around a
 * failed test, so it is not used). A file that failed without a failing test case — it did not
 * load, or a hook outside the tests threw — counts as one failure and is named in `problems`.
 * Anything that is not a report counts as one failure.
 * @param {unknown} report the parsed JSON report
 * @param {{root?: string, project?: string}} [options] `root` shortens file names; `project` labels problems
 * @returns {Counts}
 */
export function countReport(report, options = {}) {
  const counts = createCounts();
  const label = options.project ? `${options.project}: ` : '';
  const files = isRecord(report) && Array.isArray(report.testResults) ? report.testResults : null;
  if (!files) {
    counts.failed = 1;
    counts.problems.push(`${label}the test report is unreadable`);
    return counts;
  }
  for (const file of files) {
    if (!isRecord(file)) continue;
    const cases = Array.isArray(file.assertionResults) ? file.assertionResults : [];
    let failedCases = 0;
    for (const testCase of cases) {
      const status = isRecord(testCase) ? testCase.status : undefined;
      if (status === 'passed') counts.passed += 1;
      else if (status === 'failed') failedCases += 1;
      else counts.skipped += 1;
    }
    counts.failed += failedCases;
    if (file.status === 'failed' && failedCases === 0) {
      counts.failed += 1;
      const name = fileName(file.name, options.root);
      const what = cases.length === 0 ? 'failed to load' : 'failed outside its tests';
      const message = firstLine(file.message);
      counts.problems.push(`${label}${what}: ${name}${message ? ` — ${message}` : ''}`);
    }
  }
  return counts;
}

/**
 * Adds `more` to `total` (a new object).
 * @param {Counts} total
 * @param {Counts} more
 * @returns {Counts}
 */
export function addCounts(total, more) {
  return {
    passed: total.passed + more.passed,
    failed: total.failed + more.failed,
    skipped: total.skipped + more.skipped,
    problems: [...total.problems, ...more.problems],
  };
}

/**
 * The closing line: `N passed, N failed` (and `, N skipped` when some were).
 * @param {Counts} counts
 * @returns {string}
 */
export function formatCounts(counts) {
  const skipped = counts.skipped ? `, ${counts.skipped} skipped` : '';
  return `${counts.passed} passed, ${counts.failed} failed${skipped}`;
}

function isRecord(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fileName(name, root) {
  if (typeof name !== 'string' || name === '') return '(unnamed file)';
  return root ? relative(root, name) || name : name;
}

function firstLine(message) {
  if (typeof message !== 'string') return '';
  const line = message.trim().split('\n', 1)[0] ?? '';
  return line.length > 300 ? `${line.slice(0, 300)}…` : line;
}
