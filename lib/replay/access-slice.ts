// The API base and its host access in the replay slice, over the shared permissions flow.
import { listRequestOrigins } from '../permissions/access';
import { createAccessFlow } from '../permissions/flow';
import { tokenEndpointFor } from '../uqudo/info-api';
import { normalizeSelection, resolveSelection } from './api-base';
import type { ReplayActions, SliceContext } from './state';

/** The origins one prompt asks for: the API base, and its token endpoint's host when it differs. */
function listReplayOrigins(apiOrigin: string): [string, ...string[]] {
  // Production's token endpoint lives on another host (auth.uqudo.io): ask for both at once.
  const endpoint = tokenEndpointFor(apiOrigin);
  const tokenOrigin = endpoint.ok ? new URL(endpoint.url).origin : apiOrigin;
  const [first = apiOrigin, ...rest] = listRequestOrigins(apiOrigin, [tokenOrigin]);
  return [first, ...rest];
}

/** Creates the API base and host access actions. */
export function createAccessPart(
  ctx: SliceContext,
): Pick<ReplayActions, 'selectApiBase' | 'checkAccess' | 'requestAccess'> {
  const { deps, get, set } = ctx;
  // A state for an origin that is no longer selected is not shown.
  const flow = createAccessFlow(deps.originAccess, (status) => {
    if (get().apiOrigin === status.origin) set({ access: status });
  });

  const actions: Pick<ReplayActions, 'selectApiBase' | 'checkAccess' | 'requestAccess'> = {
    selectApiBase(patch) {
      const selection = normalizeSelection({ ...get().apiBase, ...patch });
      const resolved = resolveSelection(selection);
      const apiOrigin = resolved.ok ? resolved.origin : undefined;
      const changed = apiOrigin !== get().apiOrigin;
      set({
        apiBase: selection,
        apiOrigin,
        apiBaseError: resolved.ok ? undefined : resolved.error,
        ...(changed ? { access: undefined, problem: undefined } : {}),
      });
      deps.saveApiBase?.(selection);
      // Reading the permission needs no click; knowing it up front tells the user what to expect.
      if (changed && apiOrigin !== undefined && deps.originAccess) void actions.checkAccess();
    },

    async checkAccess() {
      const origin = get().apiOrigin;
      return origin === undefined ? undefined : flow.check(origin);
    },

    requestAccess() {
      const origin = get().apiOrigin;
      if (origin === undefined) return Promise.resolve(undefined);
      return flow.request(listReplayOrigins(origin));
    },
  };
  return actions;
}
