// Real-panel e2e: the built extension in Chromium's DevTools, driven against the local sandbox.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'puppeteer-core';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import {
  clickCentred,
  insertText,
  openPanel,
  readRows,
  expectRowsOnce,
  runScenario,
  waitFor,
  type PanelSession,
} from './harness';

let sandbox: Sandbox;
let session: PanelSession;
let page: Page;
let panel: Frame;
let earlySessionId: string;

/** Waits until the panel shows rows for `jti` matching `predicate`, returning them. */
async function rowsFor(
  jti: string,
  predicate: (rows: { verdict: string; text: string }[]) => boolean,
  what: string,
) {
  try {
    return await waitFor(`${what} (jti ${jti})`, async () => {
      const rows = (await readRows(panel)).filter((row) => row.jti === jti);
      return predicate(rows) ? rows : undefined;
    });
  } catch (error) {
    // Say what the panel showed instead: a timeout alone does not tell which verdict was wrong.
    const seen = (await readRows(panel)).map((r) => `${r.jti || '-'} ${r.verdict} ${r.text}`);
    throw new Error(`${(error as Error).message}; rows now:\n${seen.join('\n')}`);
  }
}

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  session = await openPanel(`${sandbox.url}/`, {
    // Traffic made after DevTools opened but before the panel was first shown.
    beforePanel: async (p) => {
      page = p;
      earlySessionId = await runScenario(page, 'run-uae-id');
    },
  });
  page = session.page;
  panel = session.panel;
});

afterAll(async () => {
  await session?.close();
  await sandbox?.close();
});

describe('Uqudo panel in real DevTools', () => {
  it('shows a result fetched before the panel was first shown', async () => {
    await rowsFor(earlySessionId, (r) => r.length >= 1, 'early result rows');
    // Backfilled and live listeners must not both list the same request.
    expect((await expectRowsOnce(panel, earlySessionId)).length).toBeGreaterThanOrEqual(1);
  });

  it('captures the demo flow: /api/v2/info response and the jwsResult request body', async () => {
    // openPanel waited for the readiness markers: one run must be captured, each request once.
    const sessionId = await runScenario(page, 'run-passport');
    await rowsFor(
      sessionId,
      (r) =>
        r.some((x) => x.text.includes('/api/v2/info')) &&
        r.some((x) => x.text.includes('jwsResult')),
      'v2/info response and jwsResult body rows',
    );
    const rows = await expectRowsOnce(panel, sessionId);
    expect(rows.filter((x) => x.text.includes('/api/v2/info'))).toHaveLength(1);
    expect(rows.filter((x) => x.text.includes('jwsResult'))).toHaveLength(1);
    // Default keys are Uqudo's production JWKS, unreachable here: nothing verified yet.
    expect(rows.every((row) => row.verdict !== 'valid')).toBe(true);

    await clickCentred(panel, '[data-testid="settings-toggle"]');
    await clickCentred(panel, '[data-testid="key-source-custom-url"]');
    await insertText(
      session,
      '[data-testid="settings-jwks-url"]',
      `${sandbox.url}/api/.well-known/jwks.json`,
    );
    await clickCentred(panel, '[data-testid="settings-apply"]');
    const verified = await rowsFor(
      sessionId,
      (r) => r.length >= 2 && r.every((x) => x.verdict === 'valid'),
      'rows verified against the sandbox JWKS',
    );
    expect(verified.length).toBeGreaterThanOrEqual(2);
  });

  it.each([
    ['run-expired', 'invalid'],
    ['run-tampered', 'invalid'],
    ['run-alg-none', 'invalid'],
    ['run-passport-encrypted', 'encrypted'],
  ])('%s shows verdict %s', async (button, verdict) => {
    const sessionId = await runScenario(page, button);
    if (button === 'run-passport-encrypted') {
      // A JWE carries no readable jti: find rows by the encrypted verdict instead.
      const rows = await waitFor('encrypted rows', async () => {
        const all = await readRows(panel);
        const enc = all.filter((row) => row.verdict === 'encrypted');
        return enc.length > 0 ? enc : undefined;
      });
      expect(rows.length).toBeGreaterThan(0);
      const jwk = await (await fetch(`${sandbox.url}/sandbox/keys/decrypt.jwk`)).text();
      if (!(await panel.$('[data-testid="settings-private-key"]'))) {
        await clickCentred(panel, '[data-testid="settings-toggle"]');
      }
      await panel.waitForSelector('[data-testid="settings-private-key"]');
      await insertText(session, '[data-testid="settings-private-key"]', jwk);
      await clickCentred(panel, '[data-testid="settings-apply"]');
      const decrypted = await rowsFor(
        sessionId,
        (r) => r.length > 0 && r.every((x) => x.verdict === 'valid'),
        'decrypted rows',
      );
      expect(decrypted.length).toBeGreaterThan(0);
      return;
    }
    await rowsFor(sessionId, (r) => r.length > 0, `${button} rows`);
    const rows = await expectRowsOnce(panel, sessionId);
    expect(new Set(rows.map((row) => row.verdict))).toEqual(new Set([verdict]));
  });

  it('clears on navigation, and keeps the log when "Preserve log" is on', async () => {
    expect((await readRows(panel)).length).toBeGreaterThan(0);
    await page.reload();
    await waitFor('rows cleared after navigation', async () =>
      (await readRows(panel)).length === 0 ? true : undefined,
    );
    const sessionId = await runScenario(page, 'run-passport');
    await rowsFor(sessionId, (r) => r.length > 0, 'rows after reload');
    await panel.click('[data-testid="preserve-log"]');
    await page.reload();
    await page.waitForSelector('#run-passport');
    // A request after navigation proves the navigation event was processed before we assert.
    const after = await runScenario(page, 'run-face-session');
    await waitFor('a post-navigation row', async () =>
      (await readRows(panel)).some((row) => row.jti !== '' && row.jti !== sessionId)
        ? true
        : undefined,
    );
    const rows = await readRows(panel);
    expect(rows.some((row) => row.jti === sessionId)).toBe(true);
    expect(after).not.toBe('');
  });

  it('reads a big JSON body with its WebAssembly reader, which the CSP lets it compile', async () => {
    await panel.waitForSelector('html[data-json-reader="wasm"]', { timeout: 20_000 });
    const jti = `wasm-${Date.now()}`;
    const b64 = (value: string) => Buffer.from(value).toString('base64url');
    const token = `${b64('{"alg":"RS256","kid":"k"}')}.${b64(JSON.stringify({ jti }))}.${b64('sig')}`;
    // ~20 KB of ASCII JSON (over the reader's 2 KB floor), the token deep in its last record.
    const items = Array.from({ length: 150 }, (_, i) => ({
      id: i,
      note: 'lorem, ipsum '.repeat(9),
    }));
    const body = JSON.stringify({ items: [...items, { id: 150, proof: { jws: token } }] });
    // A page of its own (the demo page's CSP allows no other origin), which fetches the body.
    const server = createServer((request, response) => {
      const json = request.url === '/records';
      response.writeHead(200, { 'content-type': json ? 'application/json' : 'text/html' });
      response.end(json ? body : '<!doctype html><title>records</title>');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      await page.goto(`http://127.0.0.1:${port}/`);
      await page.evaluate(() => fetch('/records').then((response) => response.text()));
      const rows = await rowsFor(jti, (r) => r.length >= 1, 'the big body row');
      expect(rows[0]?.text).toContain('$.items[150].proof.jws');
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
