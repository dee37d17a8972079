// Running JavaScript while WebCrypto works on its own thread: letting jose reach the verify, and settling its promise.

/**
 * Lets a jose call just made reach WebCrypto, so the work done next overlaps the verify: jose 6
 * awaits twice (its key preparation) before it calls `crypto.subtle.verify`, so two microtask
 * turns suffice (overlap.test.ts checks it). Too few would only mean the work runs before the
 * verify starts instead of alongside it: the outcome is the same either way.
 */
export async function yieldToWebCrypto(): Promise<void> {
  await undefined;
  await undefined;
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
