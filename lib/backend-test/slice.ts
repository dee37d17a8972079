// The backend-test store: kept backend posts, the test of each capture, host access, Cancel.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CapturedExchange } from '../capture/exchange';
import type { AccessState, OriginAccess } from '../permissions/access';
import { createAccessFlow } from '../permissions/flow';
import { planBackendTest } from '../session/backend-test';
import { extractSessionEvidence } from '../session/evidence';
import type { Capture, CaptureList } from '../store';
import { advanceRun, applyRowEvent, createRun, finishRun, type BackendTestRun } from './machine';
import { keepBackendPost, selectResendHeaders, type KeptPost } from './request';
import { MAX_TEST_REQUESTS, runBackendTest, type RowEvent, type RunDeps } from './run';
import { findExpiredResult, findTestTarget } from './target';

/** Backend posts kept for testing (newest; each holds a request body). */
const MAX_KEPT_POSTS = 16;

/** What the backend-test view shows. */
interface BackendTestState {
  /** The test of each capture that has one (confirming, running or done). */
  runs: Readonly<Record<string, BackendTestRun>>;
  /** Host access per origin, as the permission flow reports it. */
  access: Readonly<Record<string, AccessState>>;
  /** Grows whenever a post is kept (components re-read keptPost). */
  keptVersion: number;
}

/** Effects of the backend test (defaults: global fetch, a real 250 ms pause, a fresh RSA key). */
export interface BackendTestDeps {
  fetch?: typeof fetch;
  originAccess?: OriginAccess;
  wait?: RunDeps['wait'];
  generateKey?: RunDeps['generateKey'];
  now?: () => number;
}

/** The backend-test store and its actions. None throws. */
export type BackendTestStore = StoreApi<BackendTestState> & {
  /** Sees an exchange entering the panel; keeps it when it may be a result posted to a backend. */
  observe(exchange: CapturedExchange): void;
  /** The kept request of an exchange, if any. */
  keptPost(exchangeId: string): KeptPost | undefined;
  /** Plans the test of `capture` and shows the confirmation; says why when it cannot run. */
  open(capture: Capture, captures: CaptureList): { ok: true } | { ok: false; reason: string };
  /** Drops a test that was not started (the confirmation's Cancel) or a finished one. */
  dismiss(captureId: string): void;
  /** The user confirmed: asks for host access (call from the click), then sends. */
  confirm(captureId: string): void;
  /** Stops a test that is asking or running; what was answered stays. */
  cancel(captureId: string): void;
};

/** Creates the backend-test store. */
export function createBackendTestStore(deps: BackendTestDeps = {}): BackendTestStore {
  const api = createStore<BackendTestState>()(() => ({ runs: {}, access: {}, keptVersion: 0 }));
  const kept = new Map<string, KeptPost>();
  const controllers = new Map<string, AbortController>();
  const flow = createAccessFlow(deps.originAccess, ({ origin, state }) =>
    api.setState({ access: { ...api.getState().access, [origin]: state } }),
  );
  const update = (id: string, change: (run: BackendTestRun) => BackendTestRun) => {
    const run = api.getState().runs[id];
    if (run) api.setState({ runs: { ...api.getState().runs, [id]: change(run) } });
  };
  const start = (id: string) => {
    const run = api.getState().runs[id];
    if (!run || run.phase !== 'asking') return;
    const controller = new AbortController();
    controllers.set(id, controller);
    update(id, (r) => advanceRun(r, 'running'));
    const job = {
      plan: run.plan,
      body: run.body,
      token: run.token,
      ...(run.expiredToken !== undefined && { expiredToken: run.expiredToken }),
      headers: run.headers,
      withCookies: run.credentials.cookie,
    };
    const runDeps: RunDeps = {
      fetch: deps.fetch ?? ((input, init) => globalThis.fetch(input, init)),
      signal: controller.signal,
      ...(deps.wait && { wait: deps.wait }),
      ...(deps.generateKey && { generateKey: deps.generateKey }),
      ...(deps.now && { now: deps.now }),
    };
    const report = (event: RowEvent) =>
      update(id, (r) => (r.phase === 'running' ? applyRowEvent(r, event) : r));
    void runBackendTest(job, runDeps, report).then((end) => {
      if (controllers.get(id) === controller) controllers.delete(id);
      update(id, (r) => (r.phase === 'running' ? finishRun(r, end) : r));
    });
  };

  return Object.assign(api, {
    observe(exchange: CapturedExchange) {
      // Cheap checks first: most exchanges are GETs or carry no token in their request body.
      if (exchange.method === 'GET' || typeof exchange.requestBody !== 'string') return;
      const post = keepBackendPost(exchange, extractSessionEvidence(exchange));
      if (!post) return;
      kept.delete(post.exchangeId);
      kept.set(post.exchangeId, post);
      if (kept.size > MAX_KEPT_POSTS) kept.delete(kept.keys().next().value!);
      api.setState({ keptVersion: api.getState().keptVersion + 1 });
    },
    keptPost: (exchangeId: string) => kept.get(exchangeId),
    open(capture: Capture, captures: CaptureList) {
      const current = api.getState().runs[capture.id];
      if (current && current.phase !== 'done') return { ok: true } as const;
      const target = findTestTarget(capture, kept.get(capture.exchange.id));
      if (!target) return { ok: false, reason: 'this request is not a result posted to a backend' };
      const expired = findExpiredResult(captures, capture);
      const planned = planBackendTest(target.request, target.token, {
        hasExpiredResult: expired !== undefined,
        maxRequests: MAX_TEST_REQUESTS,
      });
      if (!planned.ok) return planned;
      const resend = selectResendHeaders(target.request.headers);
      const run = createRun({
        captureId: capture.id,
        plan: planned.plan,
        body: target.request.body ?? '',
        token: target.token,
        ...(expired !== undefined && { expiredToken: expired }),
        headers: resend.headers,
        credentials: resend.credentials,
      });
      api.setState({ runs: { ...api.getState().runs, [capture.id]: run } });
      return { ok: true } as const;
    },
    dismiss(captureId: string) {
      const run = api.getState().runs[captureId];
      if (!run || run.phase === 'running' || run.phase === 'asking') return;
      const { [captureId]: _gone, ...rest } = api.getState().runs;
      api.setState({ runs: rest });
    },
    confirm(captureId: string) {
      const run = api.getState().runs[captureId];
      // One test at a time: a second one waits until the first is done.
      if (!run || run.phase !== 'confirming' || controllers.size > 0) return;
      update(captureId, (r) => advanceRun(r, 'asking'));
      // Called synchronously from the click, so Chrome can show its permission prompt.
      void flow.request([run.plan.origin]).then((state) => {
        if (state === 'granted') start(captureId);
        else update(captureId, (r) => (r.phase === 'asking' ? finishRun(r, 'refused') : r));
      });
    },
    cancel(captureId: string) {
      controllers.get(captureId)?.abort();
      update(captureId, (r) =>
        r.phase === 'asking' || r.phase === 'running' ? finishRun(r, 'cancelled') : r,
      );
    },
  });
}

/** The backend-test effects out of the panel's ports (its fetch, host access and clock). */
export function pickBackendTestDeps(ports: {
  fetch?: typeof fetch;
  originAccess?: OriginAccess;
  now?: () => number;
}): BackendTestDeps {
  return {
    ...(ports.fetch && { fetch: ports.fetch }),
    ...(ports.originAccess && { originAccess: ports.originAccess }),
    ...(ports.now && { now: ports.now }),
  };
}
