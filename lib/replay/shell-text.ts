// Wording of the replay shell that loads with the panel (the API base choice, replay code that did not load).

/** Shown when the selected API base is neither a preset nor a custom origin. */
export const CHOOSE_BASE_TEXT = 'Choose an API base.';

/** Why a replay action did nothing: its code could not be loaded. */
export function describeReplayCodeNotLoaded(error: unknown): string {
  const reason = error instanceof Error ? error.message : String(error);
  return `The replay code did not load (${reason.slice(0, 300)}). Try again; if it keeps failing, reopen DevTools.`;
}
