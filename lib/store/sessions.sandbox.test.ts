// The store's session side on real sandbox traffic: grouping after inspection, re-checks, caps, selectors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { inspectUqudoToken } from '../uqudo/inspect';
import { Recorder, runDemoFlow, type DemoRun } from '../session/testing/demo-flow';
import { summarizeSessions } from '../session/findings';
import { DEFAULT_SETTINGS, normalizeSettings } from '../settings/settings';
import {
  createInspectorStore,
  selectEntryCapture,
  selectSessionCount,
  selectSessionList,
  selectSessionSummary,
  selectUngroupedCaptures,
  type InspectorStore,
} from '.';

let sandbox: Sandbox;
let jwks: string;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  jwks = await (await fetch(`${sandbox.url}/api/.well-known/jwks.json`)).text();
});

afterAll(async () => {
  await sandbox.close();
});

function createStore(options: { keys?: boolean; maxCaptures?: number } = {}): InspectorStore {
  return createInspectorStore({
    inspect: inspectUqudoToken,
    settings: normalizeSettings({
      ...DEFAULT_SETTINGS,
      keySource: 'pasted',
      pastedKeys: options.keys === false ? '' : jwks,
    }),
    ...(options.maxCaptures !== undefined && { limits: { maxCaptures: options.maxCaptures } }),
  });
}

/** Resolves once nothing is pending and every captured exchange is grouped. */
function settled(store: InspectorStore): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      const state = store.getState();
      if (state.pending === 0 && state.sessions.waiting === 0 && state.captures.length > 0) {
        unsubscribe();
        resolve();
      }
    };
    const unsubscribe = store.subscribe(check);
    check();
  });
}

async function record(run: DemoRun = {}, time = Date.now()): Promise<Recorder> {
  const recorder = new Recorder(sandbox.url, time);
  await runDemoFlow(recorder, run);
  return recorder;
}

/** The store's running summary and count agree with a recount over every session (chip order too). */
function expectSummaryOfAll(store: InspectorStore): void {
  const state = store.getState();
  const recount = summarizeSessions(state.sessions.list());
  expect(selectSessionSummary(state)).toEqual(recount);
  expect(Object.keys(selectSessionSummary(state).byCode)).toEqual(Object.keys(recount.byCode));
  expect(state.sessions.count).toBe(state.sessions.list().length);
}

/** Records a second flow with the wrong nonce, adds it (ids prefixed) and waits for its session. */
async function addWrongNonceFlow(store: InspectorStore): Promise<void> {
  const second = await record({ variant: { wrongNonce: true } }, Date.now() + 10_000);
  for (const exchange of second.exchanges) {
    store.addExchange({ ...exchange, id: `b${exchange.id}` });
  }
  await settled(store);
  await new Promise<void>((resolve) => {
    const check = () => selectSessionList(store.getState()).length === 2 && resolve();
    store.subscribe(check);
    check();
  });
}

describe('sessions in the store', () => {
  it('one enrolment is one session with four requests; entries select their captures', async () => {
    const store = createStore();
    const recorder = await record();
    for (const exchange of recorder.exchanges) store.addExchange(exchange);
    await settled(store);
    const sessions = selectSessionList(store.getState());
    expect(sessions).toHaveLength(1);
    const session = sessions[0]!;
    expect(session.verdict).toBe('valid');
    expect(session.requests).toBe(4);
    expect(session.findings).toEqual([]);
    expect(selectSessionSummary(store.getState()).byCode).toEqual({});
    // The /api/v2/info entry stands for the result capture of that exchange.
    const info = session.timeline.find((entry) => entry.path === '/api/v2/info')!;
    const id = selectEntryCapture(store.getState(), info.exchangeId);
    store.select(id);
    expect(store.getState().selected?.kind).toBe('uqudo-result');
    expect(store.getState().sessions.sessionOf(id!)).toBe(session.id);
    expect(selectUngroupedCaptures(store.getState()).count).toBe(0);
  });

  it('groups only touched sessions: an unchanged session object survives new traffic', async () => {
    const store = createStore();
    const first = await record();
    for (const exchange of first.exchanges) store.addExchange(exchange);
    await settled(store);
    const before = selectSessionList(store.getState())[0]!;
    await addWrongNonceFlow(store);
    const after = selectSessionList(store.getState());
    expect(after[1]).toBe(before);
    expect(after[0]!.findings.map((f) => f.code)).toContain('nonce-mismatch');
    expect(selectSessionSummary(store.getState()).byCode['nonce-mismatch']).toBe(1);
    expectSummaryOfAll(store);
  });

  it('filters sessions incrementally: extended, shortened and replaced terms agree with a fresh filter', async () => {
    const store = createStore();
    const first = await record();
    for (const exchange of first.exchanges) store.addExchange(exchange);
    await addWrongNonceFlow(store);
    const fresh = () => {
      const state = store.getState();
      // A view with a new identity has no memo: the list is filtered from scratch.
      return selectSessionList({ ...state, sessions: Object.create(state.sessions) });
    };
    const ids = (sessions: readonly { id: string }[]) => sessions.map((s) => s.id);
    const seen = new Set<number>();
    for (const text of [
      'n',
      'no',
      'nonce',
      'nonce-mismatch',
      'nonce',
      'n',
      '',
      'verdict:',
      'verdict:valid',
      'api',
      'api/v2/info',
      '',
    ]) {
      store.setFilter(text);
      const listed = selectSessionList(store.getState());
      expect(ids(listed)).toEqual(ids(fresh()));
      expect(selectSessionCount(store.getState())).toBe(listed.length);
      seen.add(listed.length);
    }
    // The sequence narrowed to one session and widened back to both.
    expect(seen).toEqual(new Set([1, 2]));
  });

  it('a key change re-checks captures and the session verdict follows once the queue is idle', async () => {
    const store = createStore({ keys: false });
    const recorder = await record();
    for (const exchange of recorder.exchanges) store.addExchange(exchange);
    await settled(store);
    expect(selectSessionList(store.getState())[0]!.verdict).toBe('unverified');
    store.updateSettings({ pastedKeys: jwks });
    await new Promise<void>((resolve) => {
      const check = () => selectSessionList(store.getState())[0]?.verdict === 'valid' && resolve();
      store.subscribe(check);
      check();
    });
    expect(selectSessionList(store.getState())).toHaveLength(1);
    // The rebuild after the re-check counted the session's findings afresh.
    expectSummaryOfAll(store);
  });

  it('dropped captures take their evidence along; clear forgets every session', async () => {
    const store = createStore({ maxCaptures: 3 });
    const recorder = await record();
    for (const exchange of recorder.exchanges) store.addExchange(exchange);
    await settled(store);
    // The oldest captures (backend session, sandbox copy) were dropped with their exchanges.
    const session = selectSessionList(store.getState())[0]!;
    expect(store.getState().captures.length).toBe(3);
    expect(session.requests).toBeLessThan(4);
    expectSummaryOfAll(store);
    store.clear();
    expect(selectSessionList(store.getState())).toEqual([]);
    expect(selectSessionCount(store.getState())).toBe(0);
    expect(selectSessionSummary(store.getState()).sessions).toBe(0);
  });

  it('pasted tokens are not sessions: they are listed as ungrouped', async () => {
    const store = createStore();
    const recorder = await record();
    const info = recorder.exchanges.find((e) => e.url.endsWith('/api/v2/info'))!;
    expect(store.addPastedToken(info.responseBody ?? '')).toEqual({ ok: true, tokens: 1 });
    await settled(store);
    expect(selectSessionList(store.getState())).toEqual([]);
    expect(selectUngroupedCaptures(store.getState()).count).toBe(1);
  });
});
