// The backend posts the panel keeps from the start (results posted to the integrator's backend), for a test run later.
import type { CapturedExchange } from '../capture/exchange';
import type { CapturedRequest } from '../session/backend-test';
import type { SessionEvidence } from '../session/evidence';
import { extractSessionEvidence } from '../session/evidence';
import { isUqudoTarget } from '../session/uqudo-target';

/** Longest request body kept for a test (the store itself keeps no bodies). */
export const MAX_KEPT_BODY_CHARS = 1024 * 1024;
/** Backend posts kept for testing (newest; each holds a request body). */
const MAX_KEPT_POSTS = 16;
/** Header values longer than this are not resent (and not kept). */
const MAX_HEADER_CHARS = 8 * 1024;
/** At most this many headers are kept per request. */
const MAX_HEADERS = 64;

/** A result posted to the integrator's backend, kept with its request so it can be resent. */
export interface KeptPost {
  exchangeId: string;
  request: CapturedRequest;
  status: number;
}

/**
 * The request to keep when `exchange` may post a result to the integrator's own backend: a
 * captured (network or HAR) non-GET request to a non-Uqudo http(s) target that is not a Uqudo API
 * path, with a text body of at most MAX_KEPT_BODY_CHARS that looks like it holds a JWS. Constant
 * work besides one substring search of the body; never throws.
 */
export function keepBackendPost(
  exchange: CapturedExchange,
  evidence: SessionEvidence,
): KeptPost | undefined {
  if (exchange.source !== 'network' && exchange.source !== 'har') return undefined;
  const method = evidence.method;
  if (method === '' || method === 'GET' || method === 'HEAD' || evidence.uqudoApi) return undefined;
  const body = exchange.requestBody;
  if (typeof body !== 'string' || body.length > MAX_KEPT_BODY_CHARS || !body.includes('eyJ')) {
    return undefined;
  }
  if (!/^https?:\/\//i.test(exchange.url) || isUqudoTarget(exchange.url)) return undefined;
  const headers = (Array.isArray(exchange.requestHeaders) ? exchange.requestHeaders : [])
    .filter(
      (h) =>
        typeof h?.name === 'string' &&
        typeof h.value === 'string' &&
        h.value.length <= MAX_HEADER_CHARS,
    )
    .slice(0, MAX_HEADERS)
    .map((h) => ({ name: h.name, value: h.value }));
  return {
    exchangeId: String(exchange.id),
    request: {
      method,
      url: exchange.url,
      headers,
      body,
      ...(exchange.requestMimeType !== undefined && { mimeType: exchange.requestMimeType }),
    },
    status: evidence.status,
  };
}

/** The kept posts of one panel: fed every exchange from the start, read by the backend test. */
export interface PostKeeper {
  /** Sees an exchange entering the panel; keeps it when it may be a result posted to a backend. */
  observe(exchange: CapturedExchange): void;
  /** The kept request of an exchange, if any. */
  keptPost(exchangeId: string): KeptPost | undefined;
  /** Calls `listener` whenever a post is kept; returns how to stop. */
  onKept(listener: () => void): () => void;
}

/** Creates an empty keeper of the newest MAX_KEPT_POSTS backend posts. */
export function createPostKeeper(): PostKeeper {
  const kept = new Map<string, KeptPost>();
  const listeners = new Set<() => void>();
  return {
    observe(exchange) {
      // Cheap checks first: most exchanges are GETs or carry no token in their request body.
      if (exchange.method === 'GET' || typeof exchange.requestBody !== 'string') return;
      const post = keepBackendPost(exchange, extractSessionEvidence(exchange));
      if (!post) return;
      kept.delete(post.exchangeId);
      kept.set(post.exchangeId, post);
      if (kept.size > MAX_KEPT_POSTS) kept.delete(kept.keys().next().value!);
      for (const listener of listeners) listener();
    },
    keptPost: (exchangeId) => kept.get(exchangeId),
    onKept(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
