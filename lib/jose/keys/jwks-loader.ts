// The JWKS URL loader: the one effectful edge of lib/jose (fetch, with a cache, cooldowns and a timeout).
import { quoteUntrusted } from '../findings';
import { parseKeys, type RefusedKey, type VerificationKey } from './parse';
import { MAX_KEY_TEXT_LENGTH, messageOf } from './pem';
import { selectKeys, type KeyResolver } from './select';

/** What one successful load yields. */
interface LoadedKeys {
  keys: VerificationKey[];
  refused: RefusedKey[];
}

/** One load: the keys, or why not (`refused` when the JWKS was read but breaks a hygiene rule). */
type LoadResult = { ok: true; value: LoadedKeys } | { ok: false; error: string; refused?: true };

/** Options of the JWKS URL loader. */
export interface JwksLoaderOptions {
  url: string;
  /** Injectable fetch (tests, extension context); defaults to the global fetch. */
  fetch?: typeof fetch;
  /** Per-request timeout (default 5000 ms). */
  timeoutMs?: number;
  /** Minimum time between refetches triggered by an unknown kid (default 30 000 ms). */
  cooldownMs?: number;
  /** How long a failed load is answered from memory before the next attempt (default 5000 ms). */
  failureCooldownMs?: number;
  /** Clock for the cooldowns (default Date.now). */
  now?: () => number;
}

const MAX_JWKS_BYTES = MAX_KEY_TEXT_LENGTH;

/** Fetches and parses the JWKS once, within the timeout; every failure is a result, never a throw. */
async function fetchJwks(
  url: string,
  fetchImpl: typeof fetch,
  timeoutMs: number,
): Promise<LoadResult> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<LoadResult>((resolve) => {
    timer = setTimeout(() => {
      controller.abort();
      resolve({ ok: false, error: `timed out after ${timeoutMs} ms` });
    }, timeoutMs);
  });
  const attempt = (async (): Promise<LoadResult> => {
    let response: Response;
    try {
      response = await fetchImpl(url, {
        signal: controller.signal,
        headers: { accept: 'application/json' },
      });
    } catch (error) {
      return { ok: false, error: `network error: ${messageOf(error)}` };
    }
    if (!response.ok) return { ok: false, error: `HTTP ${response.status}` };
    let body: string;
    try {
      body = await response.text();
    } catch (error) {
      return { ok: false, error: `could not read the response: ${messageOf(error)}` };
    }
    if (body.length > MAX_JWKS_BYTES)
      return { ok: false, error: 'the response is too large for a JWKS' };
    const parsed = await parseKeys(body, url);
    return parsed.ok
      ? { ok: true, value: { keys: parsed.keys, refused: parsed.refused } }
      : { ok: false, error: parsed.error, ...(parsed.refused ? { refused: true as const } : {}) };
  })();
  try {
    return await Promise.race([attempt, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * A resolver backed by a JWKS URL: fetched on first use, cached in memory, and refetched only
 * when a token names a kid the cache does not know (at most once per cooldown). Failures become
 * an `unavailable` lookup, never an exception.
 */
export function createJwksLoader(options: JwksLoaderOptions): KeyResolver {
  const fetchImpl: typeof fetch =
    options.fetch ??
    ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
  const timeoutMs = options.timeoutMs ?? 5000;
  const cooldownMs = options.cooldownMs ?? 30_000;
  const failureCooldownMs = options.failureCooldownMs ?? 5000;
  const now = options.now ?? Date.now;
  let cached: LoadedKeys | undefined;
  let fetchedAt = Number.NEGATIVE_INFINITY;
  // A JWKS that cannot be loaded (offline, no host permission) would otherwise be refetched,
  // with its timeout, for every captured token.
  let lastFailure: { at: number; result: LoadResult } | undefined;
  let inflight: Promise<LoadResult> | undefined;

  function load(): Promise<LoadResult> {
    if (lastFailure && now() - lastFailure.at < failureCooldownMs) {
      return Promise.resolve(lastFailure.result);
    }
    // Concurrent lookups share one request.
    inflight ??= fetchJwks(options.url, fetchImpl, timeoutMs).then((result) => {
      inflight = undefined;
      if (result.ok) {
        cached = result.value;
        fetchedAt = now();
        lastFailure = undefined;
      } else {
        lastFailure = { at: now(), result };
      }
      return result;
    });
    return inflight;
  }

  return async (header) => {
    try {
      if (!cached) {
        const result = await load();
        if (!result.ok) {
          return result.refused
            ? { status: 'refused', message: `JWKS ${options.url}: ${result.error}` }
            : {
                status: 'unavailable',
                message: `Could not load the JWKS from ${options.url}: ${result.error}`,
              };
        }
      } else if (
        header.kid !== undefined &&
        !cached.keys.some((k) => k.kid === header.kid) &&
        now() - fetchedAt >= cooldownMs
      ) {
        const result = await load();
        if (!result.ok && result.refused) {
          return { status: 'refused', message: `JWKS ${options.url}: ${result.error}` };
        }
        if (!result.ok) {
          return {
            status: 'unavailable',
            message: `kid ${quoteUntrusted(header.kid)} is not in the cached JWKS and refetching ${options.url} failed: ${result.error}`,
          };
        }
      }
      return selectKeys(cached?.keys ?? [], header, options.url, cached?.refused ?? []);
    } catch (error) {
      return { status: 'unavailable', message: `Could not load the JWKS: ${messageOf(error)}` };
    }
  };
}
