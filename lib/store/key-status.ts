// Selectors beside the store for the panel's key line: where the keys come from, and a JWKS to suggest.
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
