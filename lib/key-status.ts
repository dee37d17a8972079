// Selectors beside the store for the panel's key line: where the keys come from, and a JWKS to suggest.
import { describeKeySource } from './settings/key-label';
import { keySourceOf } from './settings/settings';
import { findKeySuggestion } from './settings/suggest';
import type { Capture, InspectorState } from './store';

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
  readonly Capture[],
  { selectedId: string | undefined; source: string; url: string | undefined }
>();

/**
 * The JWKS URL to offer ("Verify with …") when results could not be verified because no key
 * source works and a result's `iss` is plausible (see findKeySuggestion); the selected capture
 * is asked first, then the others newest first. Memoised on the captures, selection and key source.
 */
export function selectKeySuggestion(state: InspectorState): string | undefined {
  const current = keySourceOf(state.settings);
  const source = JSON.stringify(current ?? null);
  const cached = suggestionCache.get(state.captures);
  if (cached && cached.selectedId === state.selectedId && cached.source === source) {
    return cached.url;
  }
  const selected = state.captures.find((capture) => capture.id === state.selectedId);
  const url = findKeySuggestion(inspectionsOf(selected, state.captures), current);
  suggestionCache.set(state.captures, { selectedId: state.selectedId, source, url });
  return url;
}

function* inspectionsOf(selected: Capture | undefined, captures: readonly Capture[]) {
  if (selected) yield selected.inspection;
  for (const capture of captures) if (capture !== selected) yield capture.inspection;
}
