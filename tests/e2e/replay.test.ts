// Real-panel e2e for replay: paste a sandbox token, fetch info and images, delete, origin binding, no token in storage.local.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'puppeteer-core';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import {
  byTestId,
  clickCentred,
  expectRowsOnce,
  insertText,
  showDetailTab,
  openPanel,
  readRows,
  runScenario,
  textOfTestId,
  waitFor,
  type PanelSession,
} from './harness';

let sandbox: Sandbox;
let session: PanelSession;
let page: Page;
let panel: Frame;
let token: string;
let sessionId: string;

const $ = byTestId;
const click = (selector: string) => clickCentred(panel, selector);
const textOf = (testId: string) => textOfTestId(panel, testId);

/** The status attributes of every replay result shown, newest first. */
async function replayResults(): Promise<{ purpose: string; status: string; text: string }[]> {
  return panel.$$eval('[data-testid="replay-result"]', (els) =>
    els.map((el) => ({
      purpose: el.getAttribute('data-purpose') ?? '',
      status: el.getAttribute('data-status') ?? '',
      text: el.textContent ?? '',
    })),
  );
}

/** The fetched images of the Images tab: id, state and text of each. */
async function imageStates(): Promise<string[]> {
  return panel.$$eval('[data-testid="image-preview"][data-image-id]', (els) =>
    els.map(
      (el) =>
        `${el.getAttribute('data-image-id')} ${el.getAttribute('data-state')} ${el.textContent}`,
    ),
  );
}

/** Selects a custom API base in the replay panel and waits until it is in use. */
async function useCustomBase(origin: string): Promise<void> {
  await panel.select($('replay-base-select'), 'custom');
  await insertText(session, $('replay-base-custom'), origin);
  await click($('replay-base-apply'));
  await waitFor(`the API base ${origin}`, async () =>
    (await panel.$($('replay-origin'))) && (await textOf('replay-origin')) === origin
      ? true
      : undefined,
  );
}

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  session = await openPanel(`${sandbox.url}/`);
  page = session.page;
  panel = session.panel;
  // The QA's side of the flow: a token obtained outside the panel, then pasted.
  const answer = await fetch(`${sandbox.url}/api/oauth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: sandbox.credentials.clientId,
      client_secret: sandbox.credentials.clientSecret,
    }).toString(),
  });
  token = ((await answer.json()) as { access_token: string }).access_token;
});

afterAll(async () => {
  await session?.close();
  await sandbox?.close();
});

describe('replay in the real DevTools panel', () => {
  it('selects a passport result and binds a pasted token to the sandbox base', async () => {
    // openPanel waited for the readiness markers: one run must be captured, each request once.
    sessionId = await runScenario(page, 'run-passport');
    await waitFor('the passport capture', async () =>
      (await readRows(panel)).some((row) => row.jti === sessionId) ? true : undefined,
    );
    expect((await expectRowsOnce(panel, sessionId)).length).toBeGreaterThanOrEqual(1);
    await click(`[data-testid="token-row"][data-jti="${sessionId}"]`);
    await showDetailTab(panel, 'replay');
    await panel.waitForSelector($('replay-panel'));
    expect(await panel.$eval($('replay-session-id'), (el) => (el as HTMLInputElement).value)).toBe(
      sessionId,
    );

    // The sandbox listens on an ephemeral port, so its origin goes into the custom field.
    await useCustomBase(sandbox.url);
    await insertText(session, $('replay-token'), `Bearer ${token}`);
    expect(await panel.$eval($('replay-token'), (el) => (el as HTMLInputElement).type)).toBe(
      'password',
    );
    await panel.waitForSelector(`${$('replay-token-expiry')}[data-expired="false"]`);
    expect(await textOf('replay-token-expiry')).toMatch(/^Expires in (29|30):\d\d$/);
    expect(await textOf('replay-token-facts')).toContain('KYC_INFO_SDK KYC_SCAN_SDK');
    expect(await textOf('replay-token-origin')).toContain(`Sent only to ${sandbox.url}`);
    // The token is never rendered as text anywhere in the panel.
    expect(await panel.$eval('body', (el) => el.textContent ?? '')).not.toContain(token);
  });

  it('asks for host access from the click; headless Chromium leaves the prompt open, CORS still works', async () => {
    await click($('replay-access'));
    // What actually happens here: Chrome shows its permission prompt (a native dialog no
    // automation can answer), so the request stays unanswered and no permission is granted.
    await panel.waitForSelector(`${$('replay-access-state')}[data-state="asking"]`);
    expect(await textOf('replay-access-state')).toContain('allows the extension (CORS)');
    const granted = await panel.evaluate(
      (origin) =>
        (globalThis as any).chrome.permissions.contains({
          origins: [`${origin}/*`],
        }) as Promise<boolean>,
      sandbox.url,
    );
    expect(granted).toBe(false);
  });

  it('fetches info: a new replay capture appears with its verdict', async () => {
    const before = (await readRows(panel)).filter((row) => row.jti === sessionId).length;
    await click($('replay-fetch-info'));
    await waitFor('the info replay to answer 200', async () =>
      (await replayResults()).some((r) => r.purpose === 'info' && r.status === '200')
        ? true
        : undefined,
    );
    const replayed = await waitFor('a replay row for the session', async () => {
      const rows = (await readRows(panel)).filter((row) => row.jti === sessionId);
      const replay = rows.find((row) => row.text.includes('replay GET /api/v1/info/'));
      return rows.length > before && replay ? replay : undefined;
    });
    // Default keys are Uqudo's production JWKS (unreachable here): checked, not verified.
    expect(replayed.verdict).toMatch(/^(valid|unverified)$/);
    const results = await replayResults();
    expect(results[0]!.text).toContain('Sent with the access token');
    expect(results[0]!.text).toContain('added to the list as a replay capture');

    await click($('replay-fetch-info-header'));
    await waitFor('the header-mode info replay to answer 200', async () =>
      (await replayResults()).some((r) => r.purpose === 'info-header' && r.status === '200')
        ? true
        : undefined,
    );
  });

  it('fetches all images of the passport result: every preview loads', async () => {
    await showDetailTab(panel, 'images');
    const label = await textOf('replay-fetch-images');
    const count = Number(/\((\d+)\)/.exec(label)?.[1]);
    expect(count).toBeGreaterThan(1);
    await click($('replay-fetch-images'));
    await waitFor('all images fetched', async () =>
      (await textOf('image-progress')).startsWith(`${count}/${count}`) ? true : undefined,
    );
    expect(await textOf('image-progress')).toBe(`${count}/${count}`);
    const sizes = await waitFor('every preview to load', async () => {
      const loaded = await panel.$$eval(
        '.replay-gallery [data-testid="image-preview"] img',
        (images) =>
          images.map((img) => ({
            complete: (img as HTMLImageElement).complete,
            width: (img as HTMLImageElement).naturalWidth,
            height: (img as HTMLImageElement).naturalHeight,
          })),
      );
      // The gallery: the fetched images plus the chip photo inlined in the payload.
      return loaded.length === count + 1 && loaded.every((img) => img.complete && img.width > 0)
        ? loaded
        : undefined;
    });
    expect(sizes.every((img) => img.height > 0)).toBe(true);
    const fetched = await panel.$$eval(
      '[data-testid="image-preview"][data-image-id][data-state="loaded"]',
      (els) =>
        els.map((el) => ({
          src: el.querySelector('img')?.getAttribute('src') ?? '',
          download: el.querySelector('a[download]')?.getAttribute('download') ?? '',
          text: el.textContent ?? '',
        })),
    );
    expect(fetched).toHaveLength(count);
    for (const image of fetched) {
      expect(image.src).toMatch(/^blob:chrome-extension:/);
      expect(image.download).toMatch(new RegExp(`^${sessionId}-\\w+-[0-9a-f]{24}\\.jpg$`));
      expect(image.text).toMatch(/image\/jpeg · [\d.]+ KB · \d+ × \d+ px/);
    }
  });

  it('deletes after the inline confirmation; the images then answer 404 with the explanation', async () => {
    await showDetailTab(panel, 'replay');
    await click($('replay-delete'));
    expect(await textOf('replay-delete-question')).toContain(sessionId);
    await click($('replay-delete-confirm'));
    await waitFor('the delete to answer 204', async () =>
      (await replayResults()).some((r) => r.purpose === 'delete' && r.status === '204')
        ? true
        : undefined,
    );

    await showDetailTab(panel, 'images');
    const count = Number(/\((\d+)\)/.exec(await textOf('replay-fetch-images'))?.[1]);
    await click($('replay-fetch-images'));
    await waitFor('the refetch to finish', async () =>
      (await textOf('image-progress')) === `${count}/${count} (${count} failed)` ? true : undefined,
    );
    const failed = await panel.$$eval(
      '[data-testid="image-preview"][data-image-id][data-state="failed"]',
      (els) => els.map((el) => el.textContent ?? ''),
    );
    expect(failed).toHaveLength(count);
    for (const text of failed) {
      expect(text).toContain('Image not found or expired (404)');
      expect(text).toContain('Run a new session and fetch its images before it expires.');
    }
    // The per-image action in the result's image table says the same.
    await click($('image-fetch'));
    await waitFor('the single image fetch to fail with 404', async () => {
      const outcome = await panel.$eval($('image-fetch-outcome'), (el) => el.textContent ?? '');
      return outcome.includes('Image not found or expired (404)') ? true : undefined;
    });
  });

  it('never sends a token entered for one origin to another', async () => {
    await showDetailTab(panel, 'images');
    const imagesBefore = await imageStates();
    await showDetailTab(panel, 'replay');
    const before = (await replayResults()).length;
    // Same server, another origin: the token must not follow.
    const otherOrigin = sandbox.url.replace('127.0.0.1', 'localhost');
    await useCustomBase(otherOrigin);
    expect(await textOf('replay-token-mismatch')).toContain(`entered for ${sandbox.url}`);
    await click($('replay-fetch-info'));
    await panel.waitForSelector($('replay-problem'));
    expect(await textOf('replay-problem')).toContain(`entered for ${sandbox.url}`);
    expect(await textOf('replay-problem')).toContain('nothing was sent');

    await panel.select($('replay-base-select'), 'prod');
    await waitFor('the production base', async () =>
      (await textOf('replay-origin')) === 'https://id.uqudo.io' ? true : undefined,
    );
    await showDetailTab(panel, 'images');
    await click($('replay-fetch-images'));
    await waitFor('the refusal for production', async () =>
      (await textOf('replay-problem')).includes('selected API base is https://id.uqudo.io')
        ? true
        : undefined,
    );
    // No image request left: every image is as it was.
    expect(await imageStates()).toEqual(imagesBefore);
    await showDetailTab(panel, 'replay');
    expect((await replayResults()).length).toBe(before);
  });

  it('explains a network failure when the origin cannot be reached by the extension', async () => {
    await click($('replay-token-clear'));
    // Nothing listens on port 1: the same answer the panel gets when CORS blocks it.
    await useCustomBase('http://127.0.0.1:1');
    await click($('replay-fetch-info'));
    const failure = await waitFor('a network failure', async () => {
      const first = (await replayResults())[0];
      return first?.status === 'network-error' ? first : undefined;
    });
    expect(failure.text).toContain('Network or CORS failure');
    expect(failure.text).toContain('Give the extension permission to reach http://127.0.0.1:1');
  });

  it('never writes the token to storage.local; the session opt-in uses storage.session', async () => {
    await useCustomBase(sandbox.url);
    await insertText(session, $('replay-token'), token);
    await panel.waitForSelector($('replay-token-facts'));
    const local = await panel.evaluate(async () =>
      JSON.stringify(await (globalThis as any).chrome.storage.local.get(null)),
    );
    expect(local).not.toContain(token);
    // The base choice is remembered (not secret), so the storage really is in use.
    expect(local).toContain(sandbox.url);
    const sessionBefore = await panel.evaluate(async () =>
      JSON.stringify(await (globalThis as any).chrome.storage.session.get(null)),
    );
    expect(sessionBefore).not.toContain(token);

    await click($('replay-remember'));
    const remembered = await waitFor('the token in storage.session', async () => {
      const stored = await panel.evaluate(async () =>
        JSON.stringify(await (globalThis as any).chrome.storage.session.get(null)),
      );
      return stored.includes(token) ? stored : undefined;
    });
    expect(remembered).toContain(sandbox.url);
    const localAfter = await panel.evaluate(async () =>
      JSON.stringify(await (globalThis as any).chrome.storage.local.get(null)),
    );
    expect(localAfter).not.toContain(token);

    await click($('replay-remember'));
    await waitFor('the token gone from storage.session', async () => {
      const stored = await panel.evaluate(async () =>
        JSON.stringify(await (globalThis as any).chrome.storage.session.get(null)),
      );
      return stored.includes(token) ? undefined : true;
    });
  });
});
