// The replay slice of the panel's store: composes the token, access, request and image parts over one state.
import { createStore, type StoreApi } from 'zustand/vanilla';
import { createAccessPart } from './access-slice';
import { createImagePart } from './images-slice';
import { createRequestPart, recordProblem } from './requests-slice';
import {
  applyReplayScope,
  initialReplayState,
  type ReplayActions,
  type ReplayDeps,
  type ReplayState,
  type SliceAccess,
} from './state';
import { createTokenPart } from './token-slice';
import { createZipPart } from './zip-slice';

export { type ReplayEntry } from './entries';
export { type ImageBatch, type ImageResult } from './gallery';
export {
  type ReplayActions,
  type ReplayDeps,
  type ReplayState,
  type StartResult,
  type ZipResult,
} from './state';
/** A store holding only the replay slice, shaped like the panel's store (`state.replay`, `.replay`). */
export type ReplayStore = StoreApi<{ replay: ReplayState }> & { replay: ReplayActions };

/**
 * Creates the replay actions over `access` (a part of a bigger zustand store). Every action is safe
 * with untrusted input and never throws; nothing is sent with an expired token or to an origin the
 * token was not entered for.
 */
export function createReplaySlice(deps: ReplayDeps, access: SliceAccess): ReplayActions {
  const { get, set } = access;
  const ctx = {
    ...access,
    deps,
    fail: (message: string) => recordProblem(set, message, get().scope),
  };
  const accessPart = createAccessPart(ctx);
  const token = createTokenPart(ctx, () => void accessPart.checkAccess());
  const requests = createRequestPart(ctx, token);
  const images = createImagePart(ctx, requests, token);
  return {
    ...token.actions,
    ...accessPart,
    ...requests.actions,
    ...images.actions,
    ...createZipPart(ctx),

    setScope: (scope) => applyReplayScope(access, scope),

    clearReplays() {
      const { scope, replays, imageBatches, problemScope } = get();
      for (const entry of replays) if (entry.scope === scope) entry.controller?.abort();
      images.revokeScope(scope);
      set({
        replays: replays.filter((entry) => entry.scope !== scope),
        images: get().images.filter((image) => image.scope !== scope),
        // A running batch of this scope stops; its entry goes once it has stopped.
        imageBatches: imageBatches.flatMap((batch) =>
          batch.scope !== scope ? [batch] : batch.running ? [{ ...batch, cancelled: true }] : [],
        ),
        ...(problemScope === scope ? { problem: undefined } : {}),
      });
    },

    dismissProblem() {
      if (get().problem !== undefined) set({ problem: undefined });
    },
  };
}

/** A store with only the replay slice (tests, and any view that needs replays alone). */
export function createReplayStore(deps: ReplayDeps): ReplayStore {
  const api = createStore<{ replay: ReplayState }>()(() => ({
    replay: initialReplayState(deps.apiBase),
  }));
  const replay = createReplaySlice(deps, {
    get: () => api.getState().replay,
    set: (patch) => api.setState({ replay: { ...api.getState().replay, ...patch } }),
  });
  return Object.assign(api, { replay });
}
