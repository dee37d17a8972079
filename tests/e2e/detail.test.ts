// Real-panel e2e of the detail pane: tabs, replays and images kept per session, a captured token reused, the images zip.
import { unzipSync } from 'fflate';
import type { Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import {
  byTestId as $,
  clickCentred,
  openPanel,
  readRows,
  runScenario,
  showDetailTab,
  textOfTestId,
  waitFor,
  type PanelSession,
} from './harness';

let sandbox: Sandbox;
let session: PanelSession;
let page: Page;
let panel: Frame;
/** Session ids (jti) of two results: A is replayed, B is only looked at. */
let sessionA: string;
let sessionB: string;

const click = (selector: string) => clickCentred(panel, selector);
/**
 * A DOM click on a button of the detail (as keys.test does for Settings): in the e2e window the
 * detail sits in the lower half of a narrow panel, where coordinate clicks were seen to miss.
 */
const press = async (selector: string) => {
  await panel.waitForSelector(selector);
  await panel.$eval(selector, (el) => (el as HTMLElement).click());
};
const textOf = (testId: string) => textOfTestId(panel, testId);
const rowOf = (jti: string) => `[data-testid="token-row"][data-jti="${jti}"]`;

/** The tab shown and the tab marked selected in the tab list. */
async function shownTab(): Promise<{ panel: string; selected: string }> {
  return panel.evaluate(() => ({
    panel:
      document.querySelector('[data-testid="detail-tabpanel"]')?.getAttribute('data-tab') ?? '',
    selected:
      document
        .querySelector('[data-testid="detail-tab"][aria-selected="true"]')
        ?.getAttribute('data-tab') ?? '',
  }));
}

/** Replay answers shown in the Session group of the Replay tab. */
async function sessionAnswers(): Promise<{ purpose: string; status: string }[]> {
  return panel.$$eval(
    '[aria-label="Info and delete answers"] [data-testid="replay-result"]',
    (els) =>
      els.map((el) => ({
        purpose: el.getAttribute('data-purpose') ?? '',
        status: el.getAttribute('data-status') ?? '',
      })),
  );
}

/** Fetched images of the Images tab: id, state, download name. */
async function fetchedImages(): Promise<{ id: string; state: string; download: string }[]> {
  return panel.$$eval('[data-testid="image-preview"][data-image-id]', (els) =>
    els.map((el) => ({
      id: el.getAttribute('data-image-id') ?? '',
      state: el.getAttribute('data-state') ?? '',
      download: el.querySelector('a[download]')?.getAttribute('download') ?? '',
    })),
  );
}

/** Runs a scenario until its result is listed (live listeners subscribe asynchronously). */
async function capturedSession(button: string): Promise<string> {
  return waitFor(
    `a live ${button} capture`,
    async () => {
      const id = await runScenario(page, button);
      return (await readRows(panel)).some((row) => row.jti === id) ? id : undefined;
    },
    30_000,
    0,
  );
}

/** A sandbox access token obtained outside the panel (to fetch images for comparison). */
async function sandboxToken(): Promise<string> {
  const answer = await fetch(`${sandbox.url}/api/oauth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: sandbox.credentials.clientId,
      client_secret: sandbox.credentials.clientSecret,
    }).toString(),
  });
  return ((await answer.json()) as { access_token: string }).access_token;
}

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  session = await openPanel(`${sandbox.url}/`);
  page = session.page;
  panel = session.panel;
  sessionA = await capturedSession('run-passport');
  sessionB = await runScenario(page, 'run-uae-id');
  await panel.waitForSelector(rowOf(sessionB));
  // The demo's normal token is SDK-only (no KYC_INFO_SDK); this mistake leaves a full one in the page.
  await panel.waitForSelector(rowOf(await runScenario(page, 'run-mistake-excess-scope')));
});

afterAll(async () => {
  await session?.close();
  await sandbox?.close();
});

describe('the detail pane in the real DevTools panel', () => {
  it('switches tabs by click and by arrow keys; the tab panel is labelled by its tab', async () => {
    await click(rowOf(sessionA));
    await panel.waitForSelector(
      '[data-testid="detail-tabpanel"][data-tab="checks"] .inspection-header',
    );
    expect(await shownTab()).toEqual({ panel: 'checks', selected: 'checks' });
    await panel.focus('[data-testid="detail-tab"][data-tab="checks"]');
    await session.devtools.keyboard.press('ArrowRight');
    await panel.waitForSelector('[data-testid="detail-tabpanel"][data-tab="uqudo"] .uqudo-summary');
    expect(await panel.evaluate(() => document.activeElement?.getAttribute('data-tab') ?? '')).toBe(
      'uqudo',
    );
    await showDetailTab(panel, 'json');
    expect(await textOf('raw-token')).toMatch(/^"?eyJ/);
    const labelled = await panel.$eval('[role="tabpanel"]', (el) => ({
      by: el.getAttribute('aria-labelledby'),
      tab: document
        .getElementById(el.getAttribute('aria-labelledby') ?? '')
        ?.getAttribute('data-tab'),
    }));
    expect(labelled.tab).toBe('json');
  });

  it('"Use this access token" fills the masked token for the sandbox, and a replay succeeds', async () => {
    // The newest access token the page sent to the sandbox's Info API in an Authorization header:
    // the excess-scope mistake's, which carries KYC_INFO_SDK.
    const rows = await readRows(panel);
    const index = rows.findIndex(
      (row) =>
        row.text.includes('/api/v2/info') && row.text.includes('request header Authorization'),
    );
    expect(index).toBeGreaterThanOrEqual(0);
    await panel.$$eval(
      '[data-testid="token-row"]',
      (els, i) => (els[i] as HTMLElement).click(),
      index,
    );
    const use = await panel.waitForSelector($('use-access-token'));
    expect(await use!.evaluate((el) => el.getAttribute('data-origin'))).toBe(sandbox.url);
    expect(await use!.evaluate((el) => el.textContent)).toBe(
      `Use this access token for ${sandbox.url}`,
    );
    await panel.$eval($('use-access-token'), (el) => (el as HTMLElement).click());
    await panel.waitForSelector('[data-testid="detail-tabpanel"][data-tab="replay"]');
    await waitFor('the token bound to the sandbox', async () =>
      (await textOf('replay-origin')) === sandbox.url &&
      (await panel.$($('replay-token-origin'))) &&
      (await textOf('replay-token-origin')).includes(`Sent only to ${sandbox.url}`)
        ? true
        : undefined,
    );
    expect(await panel.$eval($('replay-token'), (el) => (el as HTMLInputElement).type)).toBe(
      'password',
    );
    expect(await textOf('replay-token-facts')).toContain('KYC_INFO_SDK');
    const token = await panel.$eval($('replay-token'), (el) => (el as HTMLInputElement).value);
    expect(token).toMatch(/^eyJ/);
    expect(await panel.$eval('body', (el) => el.textContent ?? '')).not.toContain(token);

    // Session A, Replay tab kept: GET info with the reused token answers 200 under its button.
    await click(rowOf(sessionA));
    expect((await shownTab()).panel).toBe('replay');
    await press($('replay-fetch-info'));
    // A settled answer or a replay problem ends the wait, so a failure says what happened instead.
    const outcome = await waitFor('the info replay to answer', async () => {
      const answers = await sessionAnswers();
      const problem = (await panel.$($('replay-problem'))) ? await textOf('replay-problem') : '';
      return problem || answers.some((r) => r.purpose === 'info' && r.status !== 'pending')
        ? { problem, answers }
        : undefined;
    });
    expect(outcome).toEqual({ problem: '', answers: [{ purpose: 'info', status: '200' }] });
  });

  it('keeps A’s replay and images after selecting B and coming back; B shows none of them', async () => {
    await showDetailTab(panel, 'images');
    const label = await textOf('replay-fetch-images');
    const count = Number(/\((\d+)\)/.exec(label)?.[1]);
    expect(count).toBeGreaterThan(1);
    await press($('replay-fetch-images'));
    await waitFor('all images of A fetched', async () => {
      const images = await fetchedImages();
      return images.length === count && images.every((image) => image.state === 'loaded')
        ? images
        : undefined;
    });

    await click(rowOf(sessionB));
    await panel.waitForSelector('[data-testid="detail-tabpanel"][data-tab="images"]');
    expect(await panel.$eval($('replay-fetch-images'), (el) => el.textContent)).toMatch(
      /^Fetch all images \(\d+\)$/,
    );
    expect(await fetchedImages()).toEqual([]);
    expect(await panel.$($('image-progress'))).toBeNull();
    await showDetailTab(panel, 'replay');
    expect(await panel.$$('[data-testid="replay-result"]')).toHaveLength(0);

    await click(rowOf(sessionA));
    expect((await shownTab()).panel).toBe('replay');
    expect(await sessionAnswers()).toContainEqual({ purpose: 'info', status: '200' });
    await showDetailTab(panel, 'images');
    const back = await fetchedImages();
    expect(back).toHaveLength(count);
    expect(back.every((image) => image.state === 'loaded')).toBe(true);
    expect(await textOf('image-progress')).toBe(`${count}/${count}`);
  });

  it('downloads all of A’s images as one valid zip with each image’s bytes', async () => {
    // The archive is read where the panel hands it to the browser: the zip Blob's object URL.
    await panel.evaluate(() => {
      const original = URL.createObjectURL.bind(URL);
      const zips: Blob[] = [];
      (globalThis as { zips?: Blob[] }).zips = zips;
      URL.createObjectURL = (blob: Blob | MediaSource) => {
        if (blob instanceof Blob && blob.type === 'application/zip') zips.push(blob);
        return original(blob);
      };
    });
    const images = await fetchedImages();
    await press($('image-zip'));
    const link = await panel.waitForSelector($('image-zip-link'));
    expect(await link!.evaluate((el) => el.getAttribute('download'))).toBe(
      `${sessionA}-images.zip`,
    );
    const base64 = await panel.evaluate(async () => {
      const [zip] = (globalThis as { zips?: Blob[] }).zips ?? [];
      if (!zip) return '';
      const bytes = new Uint8Array(await zip.arrayBuffer());
      let binary = '';
      for (let i = 0; i < bytes.length; i += 0x8000) {
        binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      }
      return btoa(binary);
    });
    const entries = unzipSync(new Uint8Array(Buffer.from(base64, 'base64')));
    expect(Object.keys(entries).sort()).toEqual(images.map((image) => image.download).sort());
    // Each entry is byte for byte what the sandbox serves for that image id.
    const token = await sandboxToken();
    for (const image of images) {
      const answer = await fetch(`${sandbox.url}/api/v1/info/img/${image.id}`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      expect(answer.status).toBe(200);
      const served = new Uint8Array(await answer.arrayBuffer());
      expect(entries[image.download]).toEqual(served);
    }
  });

  it('keeps every per-image Fetch button inside a 360 px wide panel, without horizontal overflow', async () => {
    // The panel's own document laid out 360 px wide (DevTools docked narrow to the side).
    await panel.evaluate(() => (document.documentElement.style.width = '360px'));
    try {
      for (const tab of ['images', 'uqudo'] as const) {
        await showDetailTab(panel, tab);
        const layout = await panel.evaluate(() => {
          const pane = document.querySelector('.detail-pane')!;
          const right = pane.getBoundingClientRect().right;
          const buttons = [...document.querySelectorAll('[data-testid="image-fetch"]')];
          return {
            width: Math.round(pane.getBoundingClientRect().width),
            overflow: pane.scrollWidth - pane.clientWidth,
            buttons: buttons.length,
            outside: buttons.filter((b) => b.getBoundingClientRect().right > right + 0.5).length,
          };
        });
        expect(layout.width).toBeLessThanOrEqual(360);
        expect(layout.buttons).toBeGreaterThan(1);
        expect({ tab, overflow: layout.overflow, outside: layout.outside }).toEqual({
          tab,
          overflow: 0,
          outside: 0,
        });
      }
    } finally {
      await panel.evaluate(() => (document.documentElement.style.width = ''));
    }
  });
});
