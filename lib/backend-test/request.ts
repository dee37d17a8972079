// Which captured requests the backend test keeps (a result posted to the integrator's backend), and what it resends.
import type { CapturedExchange, Header } from '../capture/exchange';
import type { CapturedRequest } from '../session/backend-test';
import { isUqudoTarget } from '../session/backend-test';
import type { SessionEvidence } from '../session/evidence';

/** Longest request body kept for a test (the store itself keeps no bodies). */
export const MAX_KEPT_BODY_CHARS = 1024 * 1024;
/** Header values longer than this are not resent (and not kept). */
const MAX_HEADER_CHARS = 8 * 1024;
/** At most this many headers are kept per request. */
const MAX_HEADERS = 64;

/**
 * Request headers fetch may not set (Fetch standard "forbidden request-header names"), plus
 * HTTP/2 pseudo-headers: the browser writes these itself, so they are never copied.
 */
const FORBIDDEN_HEADERS = new Set([
  'accept-charset',
  'accept-encoding',
  'access-control-request-headers',
  'access-control-request-method',
  'connection',
  'content-length',
  'cookie',
  'cookie2',
  'date',
  'dnt',
  'expect',
  'host',
  'keep-alive',
  'origin',
  'referer',
  'set-cookie',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'user-agent',
  'via',
  'x-http-method',
  'x-http-method-override',
  'x-method-override',
]);

/** Header names that carry an anti-CSRF token by common convention. */
const CSRF_HEADER = /csrf|xsrf/i;

/** A result posted to the integrator's backend, kept with its request so it can be resent. */
export interface KeptPost {
  exchangeId: string;
  request: CapturedRequest;
  status: number;
}

/** The page's credentials the original request carried, reused for its own origin only. */
export interface CarriedCredentials {
  /** The request carried a Cookie header: the browser's cookies for that origin are sent again. */
  cookie: boolean;
  /** Names of anti-CSRF headers that are copied as they were. */
  csrfHeaders: string[];
  /** An Authorization header is copied as it was. */
  authorization: boolean;
}

/** What a resent request carries: headers to copy and whether the browser adds its cookies. */
export interface ResendHeaders {
  headers: Header[];
  credentials: CarriedCredentials;
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

/**
 * The headers a test request copies from the captured one (everything fetch may set, each name
 * once), and the credentials it reuses: the browser's cookies when a Cookie header was sent, anti-
 * CSRF and Authorization headers as they were. Only ever used for the captured request's origin.
 */
export function selectResendHeaders(headers: readonly Header[]): ResendHeaders {
  const copied: Header[] = [];
  const seen = new Set<string>();
  const credentials: CarriedCredentials = { cookie: false, csrfHeaders: [], authorization: false };
  for (const header of headers) {
    const name = header.name.trim();
    const lower = name.toLowerCase();
    if (lower === 'cookie') credentials.cookie = true;
    if (
      name === '' ||
      name.startsWith(':') ||
      FORBIDDEN_HEADERS.has(lower) ||
      lower.startsWith('sec-') ||
      lower.startsWith('proxy-') ||
      seen.has(lower)
    ) {
      continue;
    }
    seen.add(lower);
    copied.push({ name, value: header.value });
    if (CSRF_HEADER.test(lower)) credentials.csrfHeaders.push(name);
    if (lower === 'authorization') credentials.authorization = true;
  }
  return { headers: copied, credentials };
}
