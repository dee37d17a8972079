// Export → import round trip through the real store on sandbox traffic: same verdicts and findings, marked imported.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import type { DownloadFile } from '../export/download';
import { inspectUqudoToken } from '../uqudo/inspect';
import { createStaticKeyResolver, parseKeys, type KeyResolver } from '../jose/keys';
import { Recorder, runDemoFlow } from '../session/testing/demo-flow';
import { createInspectorStore, type InspectorStore } from './index';

let sandbox: Sandbox;
let keys: KeyResolver;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  const parsed = await parseKeys(
    await (await fetch(`${sandbox.url}/api/.well-known/jwks.json`)).text(),
  );
  if (!parsed.ok) throw new Error(parsed.error);
  keys = createStaticKeyResolver(parsed.keys);
});

afterAll(async () => {
  await sandbox.close();
});

function createStore(downloads: DownloadFile[] = []): InspectorStore {
  return createInspectorStore({
    inspect: inspectUqudoToken,
    prepareKeys: async () => ({ state: 'ready', description: 'sandbox keys', resolver: keys }),
    download: (file) => downloads.push(file),
  });
}

/** Resolves once every row is checked (the store publishes each change). */
function settled(store: InspectorStore): Promise<void> {
  const done = () => {
    const state = store.getState();
    return state.pending === 0 && state.captures.toArray().every((c) => c.inspection);
  };
  if (done()) return Promise.resolve();
  return new Promise((resolve) => {
    const stop = store.subscribe(() => {
      if (done()) {
        stop();
        resolve();
      }
    });
  });
}

/** Verdict, kind and finding codes/messages of every row, oldest first. */
function rowsOf(store: InspectorStore) {
  return store
    .getState()
    .captures.toArray()
    .reverse()
    .map((c) => ({
      verdict: c.verdict,
      kind: c.kind,
      jti: c.jti,
      findings: c.inspection?.findings.map((f) => `${f.severity} ${f.code}`),
    }));
}

describe('export → import', () => {
  it('reopens every row with the same verdicts and findings, marked imported, and the sessions with theirs', async () => {
    const recorder = new Recorder(sandbox.url);
    await runDemoFlow(recorder, { variant: { wrongNonce: true } });
    const downloads: DownloadFile[] = [];
    const source = createStore(downloads);
    source.addExchanges(recorder.exchanges);
    await settled(source);
    const exported = await source.evidence.exportEvidence({
      scope: { kind: 'all' },
      kind: 'report',
      includePersonal: false,
      includeSecrets: false,
    });
    expect(exported.ok).toBe(true);
    expect(downloads).toHaveLength(1);
    const file = downloads[0]!;
    expect(file.name).toMatch(/^uqudo-report-.*\.json$/);
    const report = JSON.parse(file.text);
    expect(report.format).toBe('uqudo-inspector-report');
    expect(report.version).toBe(1);
    expect(report.sessions.map((s: any) => s.findings.map((f: any) => f.code))).toEqual([
      ['nonce-mismatch'],
    ]);

    const target = createStore();
    // Through the file path, as a picked or dropped file: detected as a report by its content.
    const result = await target.importHarFile({
      name: file.name,
      size: file.text.length,
      text: async () => file.text,
    } as never);
    expect(result).toMatchObject({ ok: true, tokens: rowsOf(source).length });
    await settled(target);
    expect(rowsOf(target)).toEqual(rowsOf(source));
    expect(
      target
        .getState()
        .captures.toArray()
        .every((c) => c.imported === true),
    ).toBe(true);
    expect(target.getState().evidence.importedSessions.map((s) => s.findings)).toEqual(
      report.sessions.map((s: any) => s.findings),
    );
    expect(target.getState().notices.at(-1)?.text).toMatch(/marked imported/);

    // Re-checking every row (a settings change) leaves the imported checks as recorded.
    target.updateSettings({ leewaySeconds: 30 });
    await settled(target);
    expect(rowsOf(target)).toEqual(rowsOf(source));
  });

  it('a session export holds that session only; a HAR export is a HAR the panel can read', async () => {
    const recorder = new Recorder(sandbox.url);
    await runDemoFlow(recorder, { scenario: 'passport' });
    await runDemoFlow(recorder, { scenario: 'uae-id' });
    const downloads: DownloadFile[] = [];
    const store = createStore(downloads);
    store.addExchanges(recorder.exchanges);
    await settled(store);
    const uaeRow = store
      .getState()
      .captures.toArray()
      .find((c) => c.kind === 'uqudo-result' && c.exchange.url.endsWith('/api/v2/info'));
    const request = { includePersonal: false, includeSecrets: false } as const;
    await store.evidence.exportEvidence({
      ...request,
      scope: { kind: 'capture', captureId: uaeRow!.id },
      kind: 'report',
    });
    const report = JSON.parse(downloads[0]!.text);
    expect(report.sessions).toHaveLength(1);
    expect(report.sessions[0].id).toBe(uaeRow!.jti);
    expect(report.sessions[0].documentType).toBe('UAE_ID');
    await store.evidence.exportEvidence({ ...request, scope: { kind: 'all' }, kind: 'har' });
    const har = downloads[1]!;
    expect(har.name).toMatch(/\.har$/);
    const reread = createStore();
    const result = reread.importHar(har.text);
    expect(result).toMatchObject({ ok: true, exchanges: recorder.exchanges.length });
  });

  it('a malformed or foreign report becomes a notice, never an exception', async () => {
    const store = createStore();
    const bad = [
      '{"format": "uqudo-inspector-report", "version": 2, "captures": [], "sessions": []}',
      '{"format": "uqudo-inspector-report", "version": 1}',
      '{"format": "uqudo-inspector-report", "version": 1, "captures": [1, {"location": "x"}], "sessions": [null]}',
    ];
    const results = [];
    for (const text of bad) results.push(await store.evidence.importReport(text));
    expect(results.map((r) => r.ok)).toEqual([false, false, true]);
    expect(results[2]).toMatchObject({ tokens: 0, sessions: 0 });
    expect(
      store
        .getState()
        .notices.map((n) => n.text)
        .join('\n'),
    ).toMatch(
      /version \(2\) is not 1[\s\S]*no captures or sessions[\s\S]*3 malformed entries skipped/,
    );
  });
});
