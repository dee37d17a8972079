// Real-panel e2e: every hostile-corpus token pasted into the built panel, its verdict and rendering checked, and a valid token captured after each.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { base64url } from 'jose';
import type { Frame } from 'puppeteer-core';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import {
  HOSTILE_CASE_NAMES,
  buildHostileCorpus,
  type HostileCase,
  type HostileCorpus,
  type HostileKeys,
} from '../../lib/jose/testing/hostile';
import {
  clickCentred,
  insertText,
  openPanel,
  readRows,
  showDetailTab,
  waitFor,
  type PanelSession,
} from './harness';

let sandbox: Sandbox;
let session: PanelSession;
let panel: Frame;
let corpus: HostileCorpus;
/** The key setup the panel currently has (settings are changed only between groups). */
let configured: string | undefined;

beforeAll(async () => {
  corpus = await buildHostileCorpus();
  sandbox = await startSandbox({ port: 0 });
  session = await openPanel(`${sandbox.url}/`);
  panel = session.panel;
});

afterAll(async () => {
  await session?.close();
  await sandbox?.close();
});

/** Opens the settings side panel (one side panel at a time) unless it is open. */
async function openSettings(): Promise<void> {
  if (!(await panel.$('[data-testid="settings-apply"]')))
    await clickCentred(panel, '[data-testid="settings-toggle"]');
  await panel.waitForSelector('[data-testid="settings-apply"]');
}

/** Puts the case's keys into Settings (pasted JWKS + private key) and waits for both to settle. */
async function configure(
  keys: HostileKeys,
): Promise<{ keyStatus: string; decryption: string; keysReady: boolean }> {
  await openSettings();
  await clickCentred(panel, '[data-testid="key-source-pasted"]');
  await insertText(session, '[data-testid="settings-pasted-keys"]', keys.keys);
  await insertText(session, '[data-testid="settings-private-key"]', keys.decryptKey);
  await clickCentred(panel, '[data-testid="settings-apply"]');
  const settled = (selector: string) =>
    waitFor(`${selector} to settle`, () =>
      panel.$eval(selector, (el) =>
        el.className.includes('setup-loading') ? undefined : (el.textContent ?? ''),
      ),
    );
  const status = {
    keyStatus: await settled('[data-testid="key-status"]'),
    decryption: await settled('[data-testid="decryption-status"]'),
    keysReady: await panel.$eval('[data-testid="key-status"]', (el) =>
      el.classList.contains('setup-ready'),
    ),
  };
  configured = keys.name;
  return status;
}

/** Pastes text into the import panel and submits it. */
async function paste(text: string): Promise<void> {
  if (!(await panel.$('[data-testid="paste-token"]')))
    await panel.click('[data-testid="paste-toggle"]');
  await insertText(session, '[data-testid="paste-token"]', text);
  await panel.click('[data-testid="paste-submit"]');
}

/** Waits until the list has `count` checked rows and returns them. */
async function checkedRows(count: number, what: string) {
  try {
    return await waitFor(what, async () => {
      const rows = await readRows(panel);
      return rows.length === count ? rows : undefined;
    });
  } catch (error) {
    const seen = (await readRows(panel)).map((r) => `${r.jti || '-'} ${r.verdict}`);
    throw new Error(`${(error as Error).message}; rows now: ${seen.join(' | ') || 'none'}`);
  }
}

function jtiOf(token: string): string {
  const payload = JSON.parse(new TextDecoder().decode(base64url.decode(token.split('.')[1]!)));
  return String(payload.jti);
}

/** Checks that a case's detail view shows untrusted values as data and the summary banner. */
async function checkRendering(hostile: HostileCase): Promise<void> {
  const detail = await panel.waitForSelector('[data-testid="detail"] article.inspection');
  expect(detail).not.toBeNull();
  const meta = await panel.$eval('[data-testid="detail"] .inspection-meta', (el) => ({
    text: el.textContent ?? '',
    untrusted: [...el.querySelectorAll('.untrusted')].map((u) => u.textContent ?? ''),
  }));
  expect(meta.text).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u200b-\u200f]/);
  if (hostile.name === 'kid with a right-to-left override') {
    expect(meta.untrusted).toContain('"⟨U+202E⟩ dilav erutangis · "');
  }
  if (hostile.name === 'look-alike kid') {
    expect(meta.untrusted).toContain('"✔ valid (verified with Uqudo)"');
  }
  const signature = await panel.$eval('[data-testid="detail"] [data-signature]', (el) => ({
    state: el.getAttribute('data-signature'),
    text: el.textContent,
  }));
  // The panel's own words for the engine's state, never text from the token.
  const words: Record<string, string> = {
    valid: 'signature valid',
    invalid: 'signature invalid',
    unverified: 'signature not checked',
    unsupported: 'signature not checkable',
  };
  expect(signature.text).toBe(words[signature.state ?? '']);
  if (hostile.class === 'spoofing') expect(signature.state).not.toBe('valid');
  if (hostile.class === 'summary') {
    await showDetailTab(panel, 'uqudo');
    const colours = await panel.$eval('[data-testid="summary-unverified"]', (wrapper) => {
      const probe = document.createElement('span');
      probe.className = 'level-good';
      document.body.append(probe);
      const green = getComputedStyle(probe).color;
      probe.remove();
      return {
        banner: wrapper.querySelector('.summary-unverified-banner')?.textContent ?? '',
        green,
        inside: [...wrapper.querySelectorAll('.level-good')].map(
          (el) => getComputedStyle(el).color,
        ),
      };
    });
    expect(colours.banner).toMatch(/^content not verified — may be forged/);
    expect(colours.inside.length).toBeGreaterThan(0);
    expect(colours.inside.every((colour) => colour !== colours.green)).toBe(true);
    // The tab is kept across rows: back to Checks for the next case's verdict and meta.
    await showDetailTab(panel, 'checks');
  }
}

function caseNamed(name: string): HostileCase {
  const found = corpus.cases.find((hostile) => hostile.name === name);
  if (!found) throw new Error(`no hostile case "${name}"`);
  return found;
}

/** Checks after a paste that needs the detail view: spoofing, the summary banner, deep payloads. */
const RENDERING_CLASSES = new Set(['spoofing', 'summary', 'output-size', 'canonical-encoding']);

describe('hostile corpus in the real panel (paste)', () => {
  it.each(HOSTILE_CASE_NAMES)(
    '%s: its verdict, then a valid token is still captured',
    async (name) => {
      const hostile = caseNamed(name);
      if (configured !== hostile.keys.name) {
        const status = await configure(hostile.keys);
        if (hostile.keys.refused === 'keys') expect(status.keyStatus).toMatch(/refused/);
        expect(status.keysReady).toBe(hostile.keys.refused !== 'keys');
        if (hostile.keys.refused === 'decrypt-key') expect(status.decryption).toMatch(/refused/);
      }
      await panel.click('[data-testid="clear"]');
      await checkedRows(0, 'an empty list');
      await paste(hostile.token);
      const [row] = await checkedRows(1, `the row of "${hostile.name}"`);
      expect(row!.verdict).toBe(hostile.verdict);
      if (RENDERING_CLASSES.has(hostile.class) && hostile.token.split('.').length === 3)
        await checkRendering(hostile);

      const valid = await (hostile.keys.mintValid ?? corpus.mintValid)();
      await paste(valid);
      const rows = await checkedRows(2, `the valid token after "${hostile.name}"`);
      // A refused key source keeps even a good token from verifying; otherwise it is valid.
      expect(rows.find((r) => r.jti === jtiOf(valid))?.verdict).toBe(
        hostile.keys.refused === 'keys' ? 'invalid' : 'valid',
      );
    },
  );
});
