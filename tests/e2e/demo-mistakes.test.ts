// The demo page's integration-mistake buttons in real Chromium (strict CSP): each flow finishes and the backend answers as expected.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../sandbox/server';

let sandbox: Sandbox;
let browser: Browser;
let page: Page;
let userDataDir: string;
const problems: string[] = [];
const requests: { method: string; url: string; body: string }[] = [];

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  userDataDir = mkdtempSync(join(tmpdir(), 'uqi-demo-'));
  browser = await puppeteer.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    headless: true,
    pipe: true,
    userDataDir,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  page = await browser.newPage();
  page.on('pageerror', (error) => problems.push(String(error)));
  page.on('console', (message) => {
    // Chromium logs every 4xx answer as a console error; those are expected here (the backend refuses).
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
      problems.push(message.text());
  });
  page.on('request', (request) =>
    requests.push({ method: request.method(), url: request.url(), body: request.postData() ?? '' }),
  );
  await page.goto(`${sandbox.url}/`);
});

afterAll(async () => {
  await browser?.close();
  await sandbox?.close();
  rmSync(userDataDir, { recursive: true, force: true });
});

/** Clicks a button and waits for its own run to finish (status text names the variant). */
async function run(id: string): Promise<{ state: string; backend: string }> {
  requests.length = 0;
  await page.waitForSelector(`#${id}:not([disabled])`);
  const label = await page.$eval(`#${id}`, (el) => {
    const b = el as HTMLElement;
    return b.dataset.variant ? `${b.dataset.scenario} (${b.dataset.variant})` : b.dataset.scenario;
  });
  await page.click(`#${id}`);
  await page.waitForFunction(
    (text) => {
      const status = document.getElementById('status');
      return status?.textContent === `done: ${text}` || status?.textContent === `failed: ${text}`;
    },
    {},
    label,
  );
  return page.evaluate(() => ({
    state: document.getElementById('status')?.dataset.state ?? '',
    backend: document.getElementById('backend')?.dataset.status ?? '',
  }));
}

describe('demo page: normal flow and integration mistakes (strict backend)', () => {
  const expected: [string, string][] = [
    ['run-passport', '200'],
    ['run-mistake-wrong-nonce', '400'],
    ['run-mistake-wrong-session-id', '200'],
    ['run-mistake-altered', '400'],
    ['run-mistake-secret', '200'],
    ['run-mistake-excess-scope', '200'],
    ['run-mistake-other-client', '200'],
    ['run-mistake-twice', '409'],
    ['run-mistake-in-url', '200'],
    ['run-mistake-no-nonce', '400'],
    ['run-expired', '400'],
  ];
  for (const [id, status] of expected) {
    it(`${id} finishes; the strict backend answers ${status}`, async () => {
      expect(await run(id)).toEqual({ state: 'done', backend: status });
      expect(problems).toEqual([]);
    });
  }

  it('the normal flow never sends the client secret; the secret mistake does', async () => {
    await run('run-passport');
    expect(requests.some((r) => r.body.includes('client_secret'))).toBe(false);
    expect(requests.some((r) => r.url.endsWith('/api/oauth/token'))).toBe(false);
    await run('run-mistake-secret');
    expect(
      requests.some((r) => r.url.endsWith('/api/oauth/token') && r.body.includes('client_secret')),
    ).toBe(true);
  });

  it('the in-url mistake puts the result in the query; the naive backend accepts an altered copy', async () => {
    await run('run-mistake-in-url');
    expect(requests.some((r) => /[?&]jwsResult=eyJ/.test(r.url))).toBe(true);
    await page.select('#backend-mode', 'naive');
    expect(await run('run-mistake-altered')).toEqual({ state: 'done', backend: '200' });
    await page.select('#backend-mode', 'strict');
  });
});
