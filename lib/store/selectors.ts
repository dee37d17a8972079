// Selectors beside the store: the visible list, the selection and what the detail derives from it, memoised.
import type { Capture } from './capture';
import type { CaptureList } from './capture-list';
import type { JtiCounts } from './collection';
import type { InspectorState } from './state';

/**
 * The captures the filter lets through, newest first (maintained incrementally by the store).
 * Every whitespace-separated term must match the URL, method, jti, kind, location, verdict or a
 * finding; with no filter it is `state.captures` itself.
 */
export function selectVisibleCaptures(state: InspectorState): CaptureList {
  return state.visible;
}

/** How many captures carry each jti (maintained incrementally by the store). */
export function selectJtiCounts(state: InspectorState): JtiCounts {
  return state.jtiCounts;
}

/** The selected capture, if it still exists (O(1)). */
export function selectSelectedCapture(state: InspectorState): Capture | undefined {
  return state.selected;
}

/** How many captures share the selected capture's jti (0 without a jti). */
export function selectSelectedJtiCount(state: InspectorState): number {
  const jti = state.selected?.jti;
  return jti ? (state.jtiCounts.get(jti) ?? 0) : 0;
}
