// Running JavaScript while WebCrypto works on its own thread: letting jose reach the verify, and settling its promise.

/**
 * Microtask turns jose needs from `compactVerify(…)` to its `crypto.subtle.verify` call (jose 6:
 * its key preparation awaits twice), plus one spare. Too few only means the next work runs before
 * the verify starts instead of alongside it: the outcome is the same either way.
 */
const TURNS_TO_WEBCRYPTO = 3;

/** Lets a jose call just made reach WebCrypto, so the work done next overlaps the verify. */
export async function yieldToWebCrypto(): Promise<void> {
  for (let turn = 0; turn < TURNS_TO_WEBCRYPTO; turn++) await undefined;
}

/** A promise's outcome as a value. */
export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

function fulfilled<T>(value: T): Settled<T> {
  return { ok: true, value };
}

function rejected(error: unknown): Settled<never> {
  return { ok: false, error };
}

/** The promise's outcome as a value, its handlers attached at once (never an unhandled rejection). */
export function settle<T>(promise: Promise<T>): Promise<Settled<T>> {
  return promise.then(fulfilled, rejected);
}
