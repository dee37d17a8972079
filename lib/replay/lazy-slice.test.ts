// Tests of the store's replay actions before, while and after the replay code loads, and when it fails to.
import { describe, expect, it } from 'vitest';
import { createCodeLoader } from '../lazy/code-loader';
import { createLazyReplaySlice, loadReplayLogic } from './lazy-slice';
import { initialReplayState, type ReplayState, type SliceAccess } from './state';
import { buildReplayResponse } from './testing/replays';
import { NOW_MS, PROD, SESSION, mintAccessToken } from './testing/slice-harness';
import { inspectUqudoToken } from '../uqudo/inspect';

/** A replay state held in a plain variable, as the store's part of it. */
function holdState(): SliceAccess & { state: () => ReplayState } {
  let state = initialReplayState();
  return {
    get: () => state,
    set: (patch) => (state = { ...state, ...patch }),
    state: () => state,
  };
}

/** A loader whose import the test settles by hand. */
function manualLoader() {
  let settle: { resolve: () => void; reject: (error: Error) => void } | undefined;
  let imports = 0;
  const loader = createCodeLoader(() => {
    imports += 1;
    return new Promise<Awaited<ReturnType<typeof loadReplayLogic>>>((resolve, reject) => {
      settle = { resolve: () => void loadReplayLogic().then(resolve), reject };
    });
  });
  return { loader, imports: () => imports, settle: () => settle! };
}

const deps = {
  inspect: inspectUqudoToken,
  now: () => NOW_MS,
  send: async () => buildReplayResponse(),
};

describe('createLazyReplaySlice', () => {
  it('queues calls made before the code is loaded and runs them in order once it is', async () => {
    const access = holdState();
    const manual = manualLoader();
    const replay = createLazyReplaySlice(deps, access, manual.loader);
    const token = await mintAccessToken();
    replay.setScope('session:a');
    expect(access.state().scope).toBe('session:a');
    expect(manual.imports()).toBe(0);
    replay.setToken(token);
    const info = replay.fetchInfo(SESSION);
    expect(manual.imports()).toBe(1);
    expect(access.state().token).toBe('');
    manual.settle().resolve();
    const result = await info;
    expect(result.ok).toBe(true);
    expect(access.state().tokenOrigin).toBe(PROD);
    expect(access.state().replays).toHaveLength(1);
    // Loaded: calls are synchronous.
    replay.clearToken();
    expect(access.state().token).toBe('');
    replay.setToken(token);
    expect(access.state().token).toBe(token);
  });

  it('files a call made before the code loaded under the scope selected when it was made', async () => {
    const access = holdState();
    const manual = manualLoader();
    const replay = createLazyReplaySlice(deps, access, manual.loader);
    replay.setScope('session:a');
    replay.setToken(await mintAccessToken());
    const info = replay.fetchInfo(SESSION);
    replay.setScope('session:b');
    manual.settle().resolve();
    expect((await info).ok).toBe(true);
    expect(access.state().replays.map((entry) => entry.scope)).toEqual(['session:a']);
    expect(access.state().scope).toBe('session:b');
  });

  it('runs whenLoaded callbacks on load without starting it', async () => {
    const access = holdState();
    const manual = manualLoader();
    const replay = createLazyReplaySlice(deps, access, manual.loader);
    const seen: string[] = [];
    replay.whenLoaded(() => seen.push('loaded'));
    expect(manual.imports()).toBe(0);
    const load = manual.loader.load();
    manual.settle().resolve();
    await load;
    expect(seen).toEqual(['loaded']);
    replay.whenLoaded(() => seen.push('again'));
    expect(seen).toEqual(['loaded', 'again']);
  });

  it('reports a failed load as the replay problem and a failed outcome, never as done', async () => {
    const access = holdState();
    const manual = manualLoader();
    const replay = createLazyReplaySlice(deps, access, manual.loader);
    const info = replay.fetchInfo(SESSION);
    replay.setToken('abc');
    manual.settle().reject(new Error('chunk missing'));
    const result = await info;
    expect(result).toEqual({ ok: false, error: expect.stringContaining('chunk missing') });
    expect(access.state().problem).toContain('The replay code did not load');
    expect(access.state().token).toBe('');
    expect(access.state().replays).toHaveLength(0);
    // The next call tries again.
    const retry = replay.checkAccess();
    expect(manual.imports()).toBe(2);
    manual.settle().resolve();
    expect(await retry).toBe('unavailable');
  });
});
