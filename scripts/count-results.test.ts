// Tests for the npm test closing line: test cases counted once, a file that fails to load counted once.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addCounts, countReport, createCounts, formatCounts } from './count-results.mjs';

const VITEST = resolve(__dirname, '../node_modules/vitest/vitest.mjs');

/** Runs the real vitest (JSON reporter) on `files` in a scratch directory and returns its report. */
function runVitest(files: Record<string, string>): { report: unknown; root: string } {
  const root = mkdtempSync(join(tmpdir(), 'uqi-count-'));
  try {
    for (const [name, text] of Object.entries(files)) writeFileSync(join(root, name), text);
    writeFileSync(join(root, 'vitest.config.mjs'), 'export default { test: { globals: true } };\n');
    const out = join(root, 'report.json');
    spawnSync(
      process.execPath,
      [VITEST, 'run', '--root', root, '--reporter=json', `--outputFile.json=${out}`],
      { cwd: root, encoding: 'utf8' },
    );
    return { report: JSON.parse(readFileSync(out, 'utf8')), root };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

describe('countReport on a real vitest report', () => {
  it('counts test cases, not suites, and a file that fails to load as one named failure', () => {
    const { report, root } = runVitest({
      'good.test.js': "it('one', () => {}); it('two', () => {}); it.skip('later', () => {});\n",
      'nested.test.js': [
        "describe('outer', () => { describe('inner', () => {",
        "  it('fails', () => { expect(1).toBe(2); });",
        "  it('passes', () => {});",
        '}); });',
        '',
      ].join('\n'),
      'broken.test.js': "throw new Error('cannot load this file');\n",
    });
    const counts = countReport(report, { root, project: 'unit' });
    expect(counts.passed).toBe(3);
    // One failing case (inside two describe blocks and a file) plus one file that did not load.
    expect(counts.failed).toBe(2);
    expect(counts.skipped).toBe(1);
    expect(counts.problems).toEqual([
      'unit: failed to load: broken.test.js — cannot load this file',
    ]);
    expect(formatCounts(counts)).toBe('3 passed, 2 failed, 1 skipped');
  }, 60_000);
});

describe('countReport', () => {
  it('counts a file whose hooks failed after its tests passed as one failure', () => {
    const counts = countReport({
      testResults: [
        {
          name: '/repo/a.test.ts',
          status: 'failed',
          message: 'afterAll hook timed out\n  at …',
          assertionResults: [{ status: 'passed' }, { status: 'passed' }],
        },
      ],
    });
    expect(counts).toEqual({
      passed: 2,
      failed: 1,
      skipped: 0,
      problems: ['failed outside its tests: /repo/a.test.ts — afterAll hook timed out'],
    });
  });

  it('does not add a file failure on top of its failed tests', () => {
    const counts = countReport({
      numFailedTests: 2,
      numFailedTestSuites: 3,
      testResults: [
        {
          name: '/repo/b.test.ts',
          status: 'failed',
          message: '',
          assertionResults: [{ status: 'failed' }, { status: 'failed' }, { status: 'todo' }],
        },
      ],
    });
    expect(counts).toMatchObject({ passed: 0, failed: 2, skipped: 1, problems: [] });
  });

  it('treats something that is not a report as one failure', () => {
    for (const report of [null, 'text', { testResults: 'no' }, []]) {
      const counts = countReport(report, { project: 'e2e' });
      expect(counts.failed).toBe(1);
      expect(counts.problems).toEqual(['e2e: the test report is unreadable']);
    }
  });
});

describe('addCounts and formatCounts', () => {
  it('adds projects and leaves out "skipped" when nothing was skipped', () => {
    const unit = { passed: 700, failed: 1, skipped: 0, problems: ['unit: x'] };
    const e2e = { passed: 12, failed: 0, skipped: 0, problems: [] };
    const total = addCounts(addCounts(createCounts(), unit), e2e);
    expect(total).toEqual({ passed: 712, failed: 1, skipped: 0, problems: ['unit: x'] });
    expect(formatCounts(total)).toBe('712 passed, 1 failed');
  });
});
