// What the backend test resends of a kept request: the headers fetch may set, and the credentials it reuses.
import type { Header } from '../capture/exchange';

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
