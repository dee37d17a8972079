// Real-panel e2e: export a sandbox session's evidence report (redacted by default), then import it into a fresh panel.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, ElementHandle } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findLeaks } from '../../lib/export/testing/personal-values';
import type { Sandbox } from '../../sandbox/server';
import { startSandbox } from '../../sandbox/server';
import {
  byTestId,
  clickCentred,
  openPanel,
  runScenario,
  waitFor,
  type PanelSession,
} from './harness';

/** The sandbox's fake holder as the uae-id result carries it (sandbox/payloads/uae-id.ts). */
const PERSONAL = [
  'SAMPLE',
  'TEST SAMPLE',
  'SAMPLE002',
  'SAMPLE001',
  '784199000000001',
  '784-1990-0000000-1',
  '1990-01-01',
  '01/01/1990',
  '900101',
  'SAMPLE CITY',
  'SOFTWARE TESTER',
  'SAMPLE EMPLOYER LLC',
  'UTOPIA',
];
const NFC_PHOTO = readFileSync(resolve(__dirname, '../../sandbox/images/nfc-photo.jpg')).toString(
  'base64',
);

let sandbox: Sandbox;
let session: PanelSession;
let sessionId: string;
let downloads: string;

/** Lets the browser save downloads into `dir`; resolves with a file's path once it is complete. */
async function captureDownloads(browser: Browser, dir: string) {
  const cdp = await browser.target().createCDPSession();
  const names = new Map<string, string>();
  const waiting: ((path: string) => void)[] = [];
  cdp.on('Browser.downloadWillBegin', (event) => names.set(event.guid, event.suggestedFilename));
  cdp.on('Browser.downloadProgress', (event) => {
    const name = names.get(event.guid);
    if (event.state === 'completed' && name) waiting.shift()?.(join(dir, name));
  });
  await cdp.send('Browser.setDownloadBehavior', {
    behavior: 'allow',
    downloadPath: dir,
    eventsEnabled: true,
  });
  return { next: () => new Promise<string>((done) => waiting.push(done)) };
}

/** Rows of the list: how many, and how many are marked imported, once none is still checking. */
async function rowCounts(panel: PanelSession['panel']) {
  return panel.$$eval('[data-testid^="token-row"]', (rows) => ({
    rows: rows.length,
    pending: rows.filter((r) => r.getAttribute('data-testid') === 'token-row-pending').length,
    imported: rows.filter((r) => r.getAttribute('data-imported') === '1').length,
  }));
}

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  downloads = mkdtempSync(join(tmpdir(), 'uqi-downloads-'));
  session = await openPanel(`${sandbox.url}/`, {
    // Recorded before the panel is first shown: the backfill lists it, no warm-up race.
    beforePanel: async (page) => {
      sessionId = await runScenario(page, 'run-uae-id');
    },
  });
});

afterAll(async () => {
  await session?.close();
  await sandbox?.close();
  if (downloads) rmSync(downloads, { recursive: true, force: true });
});

describe('evidence export and import in the real panel', () => {
  it('exports a redacted report, and a fresh panel reopens it with every row marked imported', async () => {
    const { panel } = session;
    const checked = await waitFor('the uae-id rows, all checked', async () => {
      const counts = await rowCounts(panel);
      const ours = await panel.$$eval(
        `[data-testid="token-row"][data-jti="${sessionId}"]`,
        (rows) => rows.length,
      );
      return ours >= 2 && counts.pending === 0 ? counts : undefined;
    });
    const saved = await captureDownloads(session.browser, downloads);
    const file = saved.next();
    await clickCentred(panel, byTestId('export'));
    await clickCentred(panel, byTestId('export-report'));
    const path = await file;
    const text = readFileSync(path, 'utf8');
    const report = JSON.parse(text);
    expect(report).toMatchObject({ format: 'uqudo-inspector-report', version: 1 });
    expect(report.redaction.personalData).toBe('redacted');
    expect(report.captures).toHaveLength(checked.rows);
    expect(report.sessions.map((s: { id: string }) => s.id)).toContain(sessionId);
    expect(
      findLeaks(text, { personal: PERSONAL, signatures: [], images: [NFC_PHOTO], secrets: [] }),
    ).toEqual([]);

    const fresh = await openPanel(`${sandbox.url}/`);
    try {
      const input = (await fresh.panel.$(
        byTestId('har-file-toolbar'),
      )) as ElementHandle<HTMLInputElement>;
      await input.uploadFile(path);
      const counts = await waitFor('the imported rows', async () => {
        const now = await rowCounts(fresh.panel);
        return now.imported === report.captures.length ? now : undefined;
      });
      expect(counts).toEqual({ rows: checked.rows, pending: 0, imported: checked.rows });
      const badges = await fresh.panel.$$eval(byTestId('imported-badge'), (els) => els.length);
      expect(badges).toBe(checked.rows);
      const verdicts = await fresh.panel.$$eval(
        `[data-testid="token-row"][data-jti="${sessionId}"]`,
        (rows) => rows.map((r) => r.getAttribute('data-verdict')).sort(),
      );
      const exported = report.captures
        .filter((c: { jti: string }) => c.jti === sessionId)
        .map((c: { verdict: string }) => c.verdict)
        .sort();
      expect(verdicts).toEqual(exported);
    } finally {
      await fresh.close();
    }
  });
});
