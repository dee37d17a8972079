// Selectors beside the store for the panel's key line: where the keys come from, and a JWKS to suggest.
import type { AccessState } from '../permissions/access';
import { readOrigin } from '../permissions/origin-policy';
import { describeKeySource } from '../settings/key-label';
import { keySourceOf } from '../settings/settings';
import type { CaptureList } from './capture-list';
import type { InspectorState } from './state';

/** "Keys: JWKS http://127.0.0.1:8321/api/.well-known/jwks.json (set by npm run demo)" and the like. */
export function selectKeySourceLabel(state: InspectorState): string {
  return describeKeySource(state.settings, state.keySetup);
}

/** The JWKS URL the keys are fetched from, when the key source is a URL (for host access). */
export function selectJwksUrl(state: InspectorState): string | undefined {
  const source = keySourceOf(state.settings);
  return source?.kind === 'url' ? source.url : undefined;
}

const suggestionCache = new WeakMap<
  CaptureList,
  { selectedId: string | undefined; current: string | undefined; url: string | undefined }
>();

/**
 * The JWKS URL to offer ("Verify with …") when results could not be verified because no key
 * source works and a result's `iss` is plausible (see findKeySuggestion, applied to each capture
 * as its inspection lands); the selected capture is asked first, then the others newest first.
 * O(1) while no capture suggests anything other than the current key source; memoised on the
 * captures, selection and key source.
 */
export function selectKeySuggestion(state: InspectorState): string | undefined {
  const source = keySourceOf(state.settings);
  const current = source?.kind === 'url' ? source.url : undefined;
  const cached = suggestionCache.get(state.captures);
  if (cached && cached.selectedId === state.selectedId && cached.current === current) {
    return cached.url;
  }
  const url = findSuggestion(state, current);
  suggestionCache.set(state.captures, { selectedId: state.selectedId, current, url });
  return url;
}

function findSuggestion(state: InspectorState, current: string | undefined): string | undefined {
  const offered = (url: string | undefined) => url !== undefined && url !== current;
  if (offered(state.selected?.keySuggestion)) return state.selected?.keySuggestion;
  if (![...state.keySuggestions.keys()].some(offered)) return undefined;
  for (const capture of state.captures)
    if (offered(capture.keySuggestion)) return capture.keySuggestion;
  return undefined;
}

/** The JWKS URL's host access for the key line and Settings: its origin and state (undefined while none is known). */
export interface KeyAccessView {
  origin: string;
  state: AccessState | undefined;
}

const keyAccessCache = new WeakMap<InspectorState['originAccess'], Map<string, KeyAccessView>>();

/**
 * The JWKS origin and its access state, when the key source is a URL and access can be asked
 * here (no port: undefined, so no control is shown). Stable per origin and state.
 */
export function selectKeyAccess(state: InspectorState): KeyAccessView | undefined {
  const origin = readOrigin(selectJwksUrl(state));
  if (origin === undefined) return undefined;
  const access = state.originAccess.byOrigin[origin];
  if (access === 'unavailable') return undefined;
  let views = keyAccessCache.get(state.originAccess);
  if (!views) keyAccessCache.set(state.originAccess, (views = new Map()));
  let view = views.get(origin);
  if (!view) views.set(origin, (view = { origin, state: access }));
  return view;
}
