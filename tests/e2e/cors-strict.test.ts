// Real-panel e2e against `--cors strict`: without host access a replay fails CORS and the panel says to grant access.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame } from 'puppeteer-core';
import type { Sandbox } from '../../sandbox/server';
import {
  byTestId,
  clickCentred,
  insertText,
  showDetailTab,
  openSandboxPanel,
  readRows,
  runScenario,
  textOfTestId,
  waitFor,
  type PanelSession,
} from './harness';

let sandbox: Sandbox;
let session: PanelSession;
let panel: Frame;
let sessionId: string;

const $ = byTestId;
const click = (selector: string) => clickCentred(panel, selector);
const textOf = (testId: string) => textOfTestId(panel, testId);

beforeAll(async () => {
  ({ sandbox, session } = await openSandboxPanel({
    sandbox: { cors: 'strict' },
    // Run before the panel is first shown: DevTools' HAR backfill delivers it, no re-sending needed.
    beforePanel: async (page) => {
      sessionId = await runScenario(page, 'run-passport');
    },
  }));
  panel = session.panel;
});

afterAll(async () => {
  await session?.close();
  await sandbox?.close();
});

describe('replay against a sandbox that answers CORS like Uqudo (--cors strict)', () => {
  it('still runs the demo page (its own origin is whitelisted) and captures the result', async () => {
    expect(sandbox.cors).toBe('strict');
    await waitFor('the passport rows', async () =>
      (await readRows(panel)).some((row) => row.jti === sessionId) ? true : undefined,
    );
  });

  it('explains the CORS failure and asks for host access when the extension has none', async () => {
    const answer = await fetch(`${sandbox.url}/api/oauth/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: sandbox.credentials.clientId,
        client_secret: sandbox.credentials.clientSecret,
      }).toString(),
    });
    const { access_token: token } = (await answer.json()) as { access_token: string };
    await click(`[data-testid="token-row"][data-jti="${sessionId}"]`);
    await showDetailTab(panel, 'replay');
    await panel.waitForSelector($('replay-panel'));
    await panel.select($('replay-base-select'), 'custom');
    await insertText(session, $('replay-base-custom'), sandbox.url);
    await click($('replay-base-apply'));
    await waitFor('the sandbox API base', async () =>
      (await panel.$($('replay-origin'))) && (await textOf('replay-origin')) === sandbox.url
        ? true
        : undefined,
    );
    await insertText(session, $('replay-token'), token);
    await panel.waitForSelector($('replay-token-facts'));
    // No host access was asked for: the panel says calls depend on the origin's CORS.
    expect(await textOf('replay-access-state')).toContain(
      `calls work only if ${sandbox.url} allows the extension (CORS)`,
    );
    await click($('replay-fetch-info'));
    const failure = await waitFor('the info replay to fail', async () =>
      panel.$$eval('[data-testid="replay-result"]', (els) => {
        const first = els[0];
        return first?.getAttribute('data-status') === 'network-error'
          ? (first.textContent ?? '')
          : undefined;
      }),
    );
    expect(failure).toContain('Network or CORS failure');
    expect(failure).toContain(`Give the extension permission to reach ${sandbox.url}`);
    expect(failure).toContain('Not documented by Uqudo');
    expect(failure).toContain('chrome-extension:// origin is not documented');
  });
});
