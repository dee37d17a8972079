// Host access per origin as a store slice (the panel store's JWKS URL access), over the shared access flow.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AccessState, OriginAccess } from './access';
import { createAccessFlow, type AccessFlow } from './flow';

/** What the panel knows about host access, per origin. */
export interface OriginAccessState {
  byOrigin: Readonly<Record<string, AccessState>>;
}

/** What the UI dispatches. Neither action throws. */
export interface OriginAccessActions {
  /** Reads whether access to `origin` is held. */
  check(origin: string): Promise<AccessState>;
  /** Asks the user for `origin` (and `also`); call it synchronously from a click. */
  request(origin: string, ...also: string[]): Promise<AccessState>;
}

/** How the slice reads and writes its part of a bigger store. */
interface OriginAccessSliceAccess {
  get(): OriginAccessState;
  set(patch: Partial<OriginAccessState>): void;
}

/** A store holding only host access: `state.originAccess` and `.originAccess` actions. */
export type OriginAccessStore = StoreApi<{ originAccess: OriginAccessState }> & {
  originAccess: OriginAccessActions;
};

/** No origin checked yet. */
export function initialOriginAccessState(): OriginAccessState {
  return { byOrigin: {} };
}

/** Creates the access actions over `access`, one flow per origin (answers for one never drop another's). */
export function createOriginAccessSlice(
  port: OriginAccess | undefined,
  access: OriginAccessSliceAccess,
): OriginAccessActions {
  const flows = new Map<string, AccessFlow>();
  const flowFor = (origin: string): AccessFlow => {
    let flow = flows.get(origin);
    if (!flow) {
      flow = createAccessFlow(port, (status) =>
        access.set({ byOrigin: { ...access.get().byOrigin, [status.origin]: status.state } }),
      );
      flows.set(origin, flow);
    }
    return flow;
  };
  return {
    check: (origin) => flowFor(origin).check(origin),
    request: (origin, ...also) => flowFor(origin).request([origin, ...also]),
  };
}

/** A store with only host access (a view that has no panel store to share, and tests). */
export function createOriginAccessStore(port: OriginAccess | undefined): OriginAccessStore {
  const api = createStore<{ originAccess: OriginAccessState }>()(() => ({
    originAccess: initialOriginAccessState(),
  }));
  const originAccess = createOriginAccessSlice(port, {
    get: () => api.getState().originAccess,
    set: (patch) => api.setState({ originAccess: { ...api.getState().originAccess, ...patch } }),
  });
  return Object.assign(api, { originAccess });
}
