// `npm run demo -- --headless --check` end to end: build, sandbox, Chromium, panel, every scenario's verdict, clean stop.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXPECTED_VERDICTS } from '../../scripts/demo-verdicts.mjs';

const ROOT = resolve(__dirname, '../..');

/** Runs the demo launcher with `args` and returns its exit code and combined output. */
async function runDemo(args: string[]): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ['scripts/demo.mjs', ...args], {
    cwd: ROOT,
    env: { ...process.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const code = await new Promise<number | null>((done) => child.on('close', done));
  return { code, output };
}

/** The verdict line the check printed for `scenario` ("<scenario>  <verdicts> (<n> rows)  <ok|FAIL…>"). */
function lineOf(output: string, scenario: string): string | undefined {
  return output
    .split('\n')
    .map((line) => line.replace(/^demo check:\s+/, ''))
    .find((line) => line.split(/\s+/)[0] === scenario);
}

describe('npm run demo -- --headless --check', () => {
  it('verifies against the sandbox JWKS it set, and prints the right verdict for every scenario', async () => {
    const { code, output } = await runDemo(['--headless', '--check', '--port', '0']);
    const port = /sandbox listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(output)?.[1];
    expect(port, output).toBeDefined();
    expect(output).toContain(
      `demo check: panel: Keys: JWKS http://127.0.0.1:${port}/api/.well-known/jwks.json (set by npm run demo)`,
    );
    for (const [scenario, verdict] of Object.entries(EXPECTED_VERDICTS)) {
      expect(lineOf(output, scenario), output).toMatch(
        new RegExp(`^${scenario}\\s+${verdict} \\(\\d+ rows?\\)\\s+ok$`),
      );
    }
    const scenarios = Object.keys(EXPECTED_VERDICTS).length;
    expect(output).toMatch(
      new RegExp(`demo check: ok \\(${scenarios} scenarios, \\d+ token rows\\)`),
    );
    expect(code).toBe(0);
  }, 120_000);

  it('fails, naming the scenarios, when the panel cannot verify', async () => {
    // Port 9 (discard) refuses connections: the panel's keys cannot load, results stay unverified.
    const jwks = 'http://127.0.0.1:9/api/.well-known/jwks.json';
    const { code, output } = await runDemo([
      '--headless',
      '--check',
      '--port',
      '0',
      '--jwks',
      jwks,
    ]);
    expect(output).toContain(`demo check: panel: Keys: JWKS ${jwks} (set by npm run demo)`);
    expect(lineOf(output, 'passport')).toMatch(/unverified .*FAIL \(expected valid\)$/);
    expect(lineOf(output, 'tampered')).toMatch(/unverified .*FAIL \(expected invalid\)$/);
    expect(lineOf(output, 'passport-encrypted')).toMatch(/encrypted .*ok$/);
    expect(output).toMatch(/demo check: failed: \d+ of \d+ scenarios/);
    expect(code).toBe(1);
  }, 120_000);
});
