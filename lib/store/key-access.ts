// The store's host access to the JWKS URL's origin: checked when the URL changes, asked from a click, keys reloaded on grant.
import type { StoreApi } from 'zustand/vanilla';
import type { OriginAccess } from '../permissions/access';
import { readOrigin } from '../permissions/origin-policy';
import { createOriginAccessSlice } from '../permissions/store';
import { keySourceOf } from '../settings/settings';
import type { InspectorState, KeyAccessActions } from './state';

/** The JWKS origin of the current key source, when it is a URL. */
function jwksOriginOf(state: InspectorState): string | undefined {
  const source = keySourceOf(state.settings);
  return source?.kind === 'url' ? readOrigin(source.url) : undefined;
}

/**
 * Creates the JWKS access actions over `port` (undefined: state says 'unavailable'), writing
 * `state.originAccess`; checks now and whenever the key source's origin changes. `reloadKeys`
 * rebuilds the key resolver and re-checks every capture.
 */
export function createKeyAccess(
  api: StoreApi<InspectorState>,
  port: OriginAccess | undefined,
  reloadKeys: () => void,
): KeyAccessActions {
  const slice = createOriginAccessSlice(port, {
    get: () => api.getState().originAccess,
    set: (patch) => api.setState({ originAccess: { ...api.getState().originAccess, ...patch } }),
  });
  const actions: KeyAccessActions = {
    async check() {
      const origin = jwksOriginOf(api.getState());
      return origin === undefined ? undefined : slice.check(origin);
    },
    request() {
      const origin = jwksOriginOf(api.getState());
      if (origin === undefined) return Promise.resolve(undefined);
      // Synchronous up to port.request (flow.ts), so the click's user gesture still holds.
      return slice.request(origin).then((answer) => {
        if (answer === 'granted' && jwksOriginOf(api.getState()) === origin) reloadKeys();
        return answer;
      });
    },
  };
  let checkedOrigin = jwksOriginOf(api.getState());
  if (checkedOrigin !== undefined) void slice.check(checkedOrigin);
  api.subscribe((state, previous) => {
    // Settings change rarely; captures often. Only a settings change can move the origin.
    if (state.settings === previous.settings) return;
    const origin = jwksOriginOf(state);
    if (origin === checkedOrigin) return;
    checkedOrigin = origin;
    if (origin !== undefined) void slice.check(origin);
  });
  return actions;
}
