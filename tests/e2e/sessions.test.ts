// Real-panel e2e of the session view: the demo flow as one session, and each integration mistake's finding.
import { decodeJwt } from 'jose';
import type { Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  byTestId,
  insertText,
  openSandboxPanel,
  runScenario,
  waitFor,
  type PanelSession,
} from './harness';
import type { Sandbox } from '../../sandbox/server';

let sandbox: Sandbox;
let session: PanelSession;
let panel: Frame;

/** Each demo button, the findings it must produce (exactly), and the session row it makes. */
const FLOWS: { button: string; codes: string[] }[] = [
  { button: 'run-passport', codes: [] },
  { button: 'run-mistake-wrong-nonce', codes: ['nonce-mismatch'] },
  { button: 'run-mistake-wrong-session-id', codes: ['session-id-mismatch'] },
  { button: 'run-mistake-altered', codes: ['result-altered'] },
  { button: 'run-mistake-secret', codes: ['secret-in-browser'] },
  { button: 'run-mistake-excess-scope', codes: ['excess-scope-in-browser'] },
  { button: 'run-mistake-other-client', codes: ['aud-client-mismatch'] },
  { button: 'run-mistake-twice', codes: ['result-posted-twice'] },
  { button: 'run-mistake-in-url', codes: ['result-in-url'] },
  { button: 'run-mistake-no-nonce', codes: ['no-nonce'] },
];
/** Session row id per button: the result's data.sessionId (face) or jti, read from the page. */
const rowIds = new Map<string, string>();

/** Runs a demo flow and records the id its session row must carry. */
async function runFlow(page: Page, button: string): Promise<void> {
  await runScenario(page, button);
  const token = await page.$eval('#result', (el) => el.textContent ?? '');
  const payload = decodeJwt(token) as { jti?: string; data?: { sessionId?: string } };
  rowIds.set(button, payload.data?.sessionId ?? payload.jti ?? '');
}

const rowOf = (button: string) =>
  `${byTestId('session-row')}[data-session-id="${rowIds.get(button)}"]`;

/** Expands a session row (once) and returns its finding codes as rendered. */
async function findingsOf(button: string): Promise<string[]> {
  const row = rowOf(button);
  await panel.waitForSelector(row);
  const head = `${row} > ${byTestId('session-head')}`;
  await panel.$eval(head, (el) => el.scrollIntoView({ block: 'center' }));
  if ((await panel.$eval(head, (el) => el.getAttribute('aria-expanded'))) !== 'true') {
    await panel.click(head);
  }
  await panel.waitForSelector(`${row} ${byTestId('session-detail')}`);
  return panel.$$eval(`${row} [data-finding-code]`, (els) =>
    els.map((el) => el.getAttribute('data-finding-code') ?? ''),
  );
}

beforeAll(async () => {
  ({ sandbox, session } = await openSandboxPanel({
    listMode: 'sessions',
    // Every flow runs after DevTools opened and before the panel was first shown: the panel lists
    // them from DevTools' own log (getHAR), so no request has to be re-sent to reach the panel.
    beforePanel: async (page) => {
      for (const { button } of FLOWS) await runFlow(page, button);
    },
  }));
  panel = session.panel;
  // Verify against the sandbox's keys, so verdicts (and the backend checks) are real.
  await panel.click(byTestId('settings-toggle'));
  await panel.click(byTestId('key-source-custom-url'));
  await insertText(
    session,
    byTestId('settings-jwks-url'),
    `${sandbox.url}/api/.well-known/jwks.json`,
  );
  await panel.click(byTestId('settings-apply'));
  await panel.click(byTestId('settings-toggle'));
});

afterAll(async () => {
  await session?.close();
  await sandbox?.close();
});

describe('session view in real DevTools', () => {
  it('one enrolment is one session row spanning its four requests, with its timeline', async () => {
    const row = rowOf('run-passport');
    await waitFor('the passport session verified', async () =>
      (await panel.$(`${row}[data-verdict="valid"]`)) ? true : undefined,
    );
    expect(await panel.$$eval(row, (rows) => rows.length)).toBe(1);
    expect(await panel.$eval(row, (el) => el.getAttribute('data-requests'))).toBe('4');
    expect(await findingsOf('run-passport')).toEqual([]);
    const timeline = await panel.$$eval(`${row} ${byTestId('timeline-entry')}`, (entries) =>
      entries.map((entry) => entry.textContent ?? ''),
    );
    expect(timeline).toHaveLength(4);
    expect(timeline[0]).toContain('/demo/backend/session');
    expect(timeline[2]).toContain('GET');
    expect(timeline[2]).toContain('/api/v2/info');
    expect(timeline[2]).toContain('response body');
    expect(timeline[2]).toContain('200');
    expect(timeline[3]).toContain('/demo/backend/result');
    expect(await panel.$eval(row, (el) => el.textContent ?? '')).toContain('PASSPORT');
    expect(await panel.$(`${row} ${byTestId('session-findings-none')}`)).not.toBeNull();
  });

  it('selecting a timeline entry shows its token in the detail pane', async () => {
    const row = rowOf('run-passport');
    await findingsOf('run-passport');
    await panel.click(`${row} ${byTestId('timeline-entry')}[data-role="result-returned"]`);
    const id = rowIds.get('run-passport')!;
    await waitFor('the detail of the selected result', async () => {
      const detail = await panel.$eval(byTestId('detail'), (el) => el.textContent ?? '');
      return detail.includes(id) ? true : undefined;
    });
  });

  for (const { button, codes } of FLOWS.slice(1)) {
    it(`${button} → ${codes.join(', ')}`, async () => {
      await waitFor(`the ${button} session verified`, async () =>
        (await panel.$(`${rowOf(button)}[data-verdict="valid"]`)) ? true : undefined,
      );
      expect(await findingsOf(button)).toEqual(codes);
      const advice = await panel.$eval(
        `${rowOf(button)} [data-finding-code="${codes[0]}"]`,
        (el) => el.textContent ?? '',
      );
      expect(advice).toContain('Uqudo recommends:');
    });
  }

  it('the summary counts each finding once and jumps to its session', async () => {
    const chips = await panel.$$eval('[data-summary-code]', (els) =>
      els.map((el) => [el.getAttribute('data-summary-code'), el.textContent ?? '']),
    );
    const expected = FLOWS.flatMap((flow) => flow.codes).sort();
    expect(chips.map(([code]) => code).sort()).toEqual(expected);
    for (const [, text] of chips) expect(text).toMatch(/×1$/);
    await panel.click('[data-summary-code="nonce-mismatch"]');
    await panel.waitForSelector(
      `${rowOf('run-mistake-wrong-nonce')} > ${byTestId('session-head')}[aria-expanded="true"]`,
    );
  });
});
