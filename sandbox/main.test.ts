// Runs the sandbox CLI as a process: its two output lines, a live endpoint, and a clean SIGTERM stop.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEMO_CREDENTIALS } from './server';

const root = fileURLToPath(new URL('..', import.meta.url));
const tsx = fileURLToPath(new URL('../node_modules/.bin/tsx', import.meta.url));

describe('sandbox/main.ts', () => {
  it('prints the listening and credentials lines, serves, and exits 0 on SIGTERM', async () => {
    const child = spawn(tsx, ['sandbox/main.ts', '--port', '0'], { cwd: root });
    const exited = once(child, 'exit');
    try {
      const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
      const first = (await lines.next()).value as string;
      const second = (await lines.next()).value as string;
      const match = /^sandbox listening on (http:\/\/127\.0\.0\.1:(\d+))$/.exec(first);
      expect(match).not.toBeNull();
      expect(second).toBe(
        `demo client_id=${DEMO_CREDENTIALS.clientId} client_secret=${DEMO_CREDENTIALS.clientSecret}`,
      );
      const jwks = await fetch(`${match?.[1]}/api/.well-known/jwks.json`);
      expect(jwks.status).toBe(200);
    } finally {
      child.kill('SIGTERM');
    }
    const [code] = await exited;
    expect(code).toBe(0);
  });

  it('exits 2 with usage for an unknown argument', async () => {
    const child = spawn(tsx, ['sandbox/main.ts', '--bogus'], { cwd: root });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const [code] = await once(child, 'exit');
    expect(code).toBe(2);
    expect(stderr).toMatch(/unknown argument --bogus/);
  });
});
