// The store's replay actions over code loaded on first use: calls made before it is there wait for it, in order.
import { createCodeLoader, type CodeLoader } from '../lazy/code-loader';
import type { sendReplay } from './send';
import type { createReplaySlice } from './slice';
import { describeReplayCodeNotLoaded } from './shell-text';
import { applyReplayScope, type ReplayActions, type ReplayDeps, type SliceAccess } from './state';

/** The replay slice and its default sender, loaded together (lib/replay/logic.ts). */
interface ReplayLogic {
  createReplaySlice: typeof createReplaySlice;
  sendReplay: typeof sendReplay;
}

/** What the replay actions need; `send` defaults to sendReplay. */
export type LazyReplayDeps = Omit<ReplayDeps, 'send'> & Partial<Pick<ReplayDeps, 'send'>>;

/** The replay actions, and a way to run code once they are loaded without loading them. */
export interface LazyReplayActions extends ReplayActions {
  /** Runs `use` once the replay code is loaded (now, if it is); does not start loading it. */
  whenLoaded(use: (actions: ReplayActions) => void): void;
}

const replayLogic = createCodeLoader<ReplayLogic>(() =>
  import('./logic').then(({ createReplaySlice, sendReplay }) => ({
    createReplaySlice,
    sendReplay,
  })),
);

/**
 * Loads the replay code once (a failed load is tried again on the next call). Every store that
 * waits for it has its actions attached before the returned promise resolves, so a view that
 * awaited it renders over loaded actions.
 */
export function loadReplayLogic(): Promise<ReplayLogic> {
  return replayLogic.load();
}

type Method = (...args: unknown[]) => unknown;

/** Every replay action but setScope (which only sets state): each waits for the code when called early. */
const DEFERRED_ACTIONS: readonly (keyof ReplayActions)[] = [
  'setToken',
  'clearToken',
  'bindTokenToSelectedBase',
  'setRememberToken',
  'restoreToken',
  'adoptCapturedToken',
  'selectApiBase',
  'cancel',
  'cancelImages',
  'removeImage',
  'clearReplays',
  'releaseImages',
  'dismissProblem',
  'checkAccess',
  'requestAccess',
  'fetchInfo',
  'deleteSession',
  'fetchImage',
  'fetchImages',
  'requestToken',
  'zipImages',
];

/** The outcome of an action whose code did not load, in the action's own shape. */
function failedOutcome(name: keyof ReplayActions, error: string): unknown {
  return name === 'checkAccess' || name === 'requestAccess' ? undefined : { ok: false, error };
}

/** One store's replay actions, attached to the slice once its code is loaded. */
class DeferredReplay {
  private actions: ReplayActions | undefined;
  private queue: ((target: ReplayActions | Error) => void)[] = [];
  private readonly onLoaded: ((actions: ReplayActions) => void)[] = [];
  private readonly listener = (outcome: ReplayLogic | Error) => this.flush(outcome);

  constructor(
    private readonly deps: LazyReplayDeps,
    private readonly access: SliceAccess,
    private readonly loader: CodeLoader<ReplayLogic>,
  ) {}

  /** The loaded actions (attached now if the code arrived meanwhile), or undefined. */
  current(): ReplayActions | undefined {
    const logic = this.loader.loaded();
    return this.actions ?? (logic ? this.attach(logic) : undefined);
  }

  /** Queues `call` for when the code is there (or failed); starts loading it when `load`. */
  wait(call: ((target: ReplayActions | Error) => void) | undefined, load: boolean): void {
    if (call) this.queue.push(call);
    this.loader.listen(this.listener);
    if (load) this.loader.load().catch(() => undefined);
  }

  whenLoaded(use: (actions: ReplayActions) => void): void {
    const loaded = this.current();
    if (loaded) return use(loaded);
    this.onLoaded.push(use);
    this.wait(undefined, false);
  }

  /** Records why nothing happened (the code did not load) as the problem of `scope`. */
  fail(error: Error, scope = this.access.get().scope): string {
    const message = describeReplayCodeNotLoaded(error);
    this.access.set({ problem: message, problemScope: scope });
    return message;
  }

  /** The action `name`: straight to the slice once loaded, else queued behind a load. */
  method(name: keyof ReplayActions): Method {
    return (...args) => {
      const loaded = this.current();
      if (loaded) return (loaded[name] as Method)(...args);
      // The call belongs to the scope (session) selected when it was made, not when the code came.
      const { scope } = this.access.get();
      // Called early, every action answers a promise (the void ones' callers ignore it).
      return new Promise((resolve) =>
        this.wait((target) => {
          resolve(
            target instanceof Error
              ? failedOutcome(name, this.fail(target, scope))
              : this.inScope(scope, () => (target[name] as Method)(...args)),
          );
        }, true),
      );
    };
  }

  /**
   * Runs `call` with `scope` as the current scope, then puts the current one back. Actions read
   * the scope as they start (synchronously), so an answer lands in the session it was asked from.
   */
  private inScope(scope: string, call: () => unknown): unknown {
    const now = this.access.get().scope;
    if (now === scope) return call();
    applyReplayScope(this.access, scope);
    try {
      return call();
    } finally {
      applyReplayScope(this.access, now);
    }
  }

  private attach(logic: ReplayLogic): ReplayActions {
    const actions = logic.createReplaySlice({ send: logic.sendReplay, ...this.deps }, this.access);
    this.actions = actions;
    for (const use of this.onLoaded.splice(0)) use(actions);
    return actions;
  }

  private flush(outcome: ReplayLogic | Error): void {
    const target = outcome instanceof Error ? outcome : (this.current() ?? this.attach(outcome));
    for (const call of this.queue.splice(0)) call(target);
  }
}

/**
 * Creates the replay actions of one store over `access`. Until the replay code is loaded, each
 * call (but setScope, which only sets state) starts loading it and waits, in order; once loaded,
 * calls go straight to the slice. If the code does not load, the call records why as the replay
 * problem and resolves as failed: nothing is sent, nothing is reported as done.
 */
export function createLazyReplaySlice(
  deps: LazyReplayDeps,
  access: SliceAccess,
  loader: CodeLoader<ReplayLogic> = replayLogic,
): LazyReplayActions {
  const deferred = new DeferredReplay(deps, access, loader);
  deferred.current();
  const actions = Object.fromEntries(DEFERRED_ACTIONS.map((name) => [name, deferred.method(name)]));
  return Object.assign(actions as unknown as ReplayActions, {
    setScope: (scope: string) => applyReplayScope(access, scope),
    whenLoaded: (use: (loaded: ReplayActions) => void) => deferred.whenLoaded(use),
  });
}
