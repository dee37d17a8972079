// Verification keys as imported for one alg, cached per key: a re-import costs more than the verify itself.
import type { VerificationKey } from './parse';
import { importKeyForAlg } from './select';

/** One key's import for one alg: the pending import, and the key once it is ready. */
interface CachedImport {
  promise: Promise<CryptoKey | Uint8Array>;
  ready?: CryptoKey | Uint8Array;
}

const importedKeys = new WeakMap<VerificationKey, Map<string, CachedImport>>();

function cachedImport(key: VerificationKey, alg: string): CachedImport {
  let byAlg = importedKeys.get(key);
  if (!byAlg) {
    byAlg = new Map();
    importedKeys.set(key, byAlg);
  }
  let cached = byAlg.get(alg);
  if (!cached) {
    const entry: CachedImport = { promise: importKeyForAlg(key, alg) };
    // Remembered once imported, so later tokens skip a promise turn; a failed import keeps failing.
    entry.promise.then(
      (ready) => (entry.ready = ready),
      () => undefined,
    );
    cached = entry;
    byAlg.set(alg, cached);
  }
  return cached;
}

/**
 * The key in the form jose needs for `alg` (see importKeyForAlg), imported once per key and alg:
 * the ready key itself when it was imported before, else a promise (rejecting again for a key
 * that cannot be used for `alg`).
 */
export function importKeyOnce(
  key: VerificationKey,
  alg: string,
): CryptoKey | Uint8Array | Promise<CryptoKey | Uint8Array> {
  const cached = cachedImport(key, alg);
  return cached.ready ?? cached.promise;
}
