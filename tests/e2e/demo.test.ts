// `npm run demo -- --headless --check` end to end: build, sandbox, Chromium, panel, one scenario, clean stop.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');

it('npm run demo -- --headless --check starts the whole chain and stops it', async () => {
  const child = spawn(
    process.execPath,
    ['scripts/demo.mjs', '--headless', '--check', '--port', '0'],
    {
      cwd: ROOT,
      env: { ...process.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const code = await new Promise<number | null>((done) => child.on('close', done));
  expect(output).toMatch(/sandbox listening on http:\/\/127\.0\.0\.1:\d+/);
  expect(output).toMatch(/demo check: ok \(\d+ token rows?\)/);
  expect(code).toBe(0);
}, 120_000);
