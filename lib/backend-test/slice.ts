// The backend-test store: kept backend posts, the test of each capture, host access, Cancel.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AccessState } from '../permissions/access';
import { createAccessFlow } from '../permissions/flow';
import type { Capture, CaptureList } from '../store';
import { advanceRun, applyRowEvent, finishRun, type BackendTestRun } from './machine';
import { createPostKeeper, type PostKeeper } from './keep';
import { findBackendTestHost, type BackendTestDeps } from './registry';
import { runBackendTest, type BackendTestJob, type RowEvent, type RunDeps } from './run';
import { planTestRun } from './target';

/** What the backend-test view shows. */
interface BackendTestState {
  /** The test of each capture that has one (confirming, running or done). */
  runs: Readonly<Record<string, BackendTestRun>>;
  /** Host access per origin, as the permission flow reports it. */
  access: Readonly<Record<string, AccessState>>;
  /** Grows whenever a post is kept (components re-read keptPost). */
  keptVersion: number;
}

/** The backend-test store and its actions. None throws. */
export type BackendTestStore = StoreApi<BackendTestState> &
  Pick<PostKeeper, 'observe' | 'keptPost'> & {
    /** Plans the test of `capture` and shows the confirmation; says why when it cannot run. */
    open(capture: Capture, captures: CaptureList): { ok: true } | { ok: false; reason: string };
    /** Drops a test that was not started (the confirmation's Cancel) or a finished one. */
    dismiss(captureId: string): void;
    /** The user confirmed: asks for host access (call from the click), then sends. */
    confirm(captureId: string): void;
    /** Stops a test that is asking or running; what was answered stays. */
    cancel(captureId: string): void;
  };

/** What the store's helpers share. */
interface StoreContext {
  api: StoreApi<BackendTestState>;
  deps: BackendTestDeps;
  controllers: Map<string, AbortController>;
  update(id: string, change: (run: BackendTestRun) => BackendTestRun): void;
}

/** The job a run sends (its plan, body, tokens and what to resend). */
function jobOf(run: BackendTestRun): BackendTestJob {
  return {
    plan: run.plan,
    body: run.body,
    token: run.token,
    ...(run.expiredToken !== undefined && { expiredToken: run.expiredToken }),
    headers: run.headers,
    withCookies: run.credentials.cookie,
  };
}

/** Starts sending the test of `id` once host access was granted (if it is still waiting for it). */
function startRun(ctx: StoreContext, id: string): void {
  const { api, deps, controllers, update } = ctx;
  const run = api.getState().runs[id];
  if (!run || run.phase !== 'asking') return;
  const controller = new AbortController();
  controllers.set(id, controller);
  update(id, (r) => advanceRun(r, 'running'));
  const runDeps: RunDeps = {
    fetch: deps.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    signal: controller.signal,
    ...(deps.wait && { wait: deps.wait }),
    ...(deps.generateKey && { generateKey: deps.generateKey }),
    ...(deps.now && { now: deps.now }),
  };
  const report = (event: RowEvent) =>
    update(id, (r) => (r.phase === 'running' ? applyRowEvent(r, event) : r));
  void runBackendTest(jobOf(run), runDeps, report).then((end) => {
    if (controllers.get(id) === controller) controllers.delete(id);
    update(id, (r) => (r.phase === 'running' ? finishRun(r, end) : r));
  });
}

/** Creates the backend-test store over the posts `posts` keeps (a new keeper by default). */
export function createBackendTestStore(
  deps: BackendTestDeps = {},
  posts: PostKeeper = createPostKeeper(),
): BackendTestStore {
  const api = createStore<BackendTestState>()(() => ({ runs: {}, access: {}, keptVersion: 0 }));
  posts.onKept(() => api.setState({ keptVersion: api.getState().keptVersion + 1 }));
  const flow = createAccessFlow(deps.originAccess, ({ origin, state }) =>
    api.setState({ access: { ...api.getState().access, [origin]: state } }),
  );
  const ctx: StoreContext = {
    api,
    deps,
    controllers: new Map(),
    update(id, change) {
      const run = api.getState().runs[id];
      if (run) api.setState({ runs: { ...api.getState().runs, [id]: change(run) } });
    },
  };
  const { controllers, update } = ctx;
  return Object.assign(api, {
    observe: posts.observe,
    keptPost: posts.keptPost,
    open(capture: Capture, captures: CaptureList) {
      const current = api.getState().runs[capture.id];
      if (current && current.phase !== 'done') return { ok: true } as const;
      const planned = planTestRun(capture, posts.keptPost(capture.exchange.id), captures);
      if (!planned.ok) return planned;
      api.setState({ runs: { ...api.getState().runs, [capture.id]: planned.run } });
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
        if (state === 'granted') startRun(ctx, captureId);
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

const panelStores = new WeakMap<object, BackendTestStore>();

/**
 * The backend-test store of the panel whose inspector store is `store`, created on first use
 * over the posts kept since the panel opened (undefined when createPanel attached none).
 */
export function findBackendTest(store: object): BackendTestStore | undefined {
  const host = findBackendTestHost(store);
  if (!host) return undefined;
  let found = panelStores.get(store);
  if (!found) {
    found = createBackendTestStore(host.deps, host.posts);
    panelStores.set(store, found);
  }
  return found;
}
