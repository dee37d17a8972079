// CORS answers of the sandbox: lenient (extension and loopback pages) or strict (Uqudo's whitelist model).

/** `lenient` (default) lets extension pages and any loopback page read answers; `strict` mimics Uqudo. */
export type CorsMode = 'lenient' | 'strict';

/** Every CORS mode, for argument parsing. */
export const CORS_MODES: readonly CorsMode[] = ['lenient', 'strict'];

/**
 * Web origins Uqudo's CORS whitelist allows by default (docs.uqudo.com, Web SDK → CORS): localhost
 * and 127.0.0.1 on ports 3000, 4200 and 8000. Everything else must be whitelisted per customer.
 */
export const UQUDO_DEFAULT_WEB_ORIGINS: readonly string[] = ['localhost', '127.0.0.1'].flatMap(
  (host) => [3000, 4200, 8000].map((port) => `http://${host}:${port}`),
);

const EXTENSION_ORIGIN = /^(chrome-extension:\/\/[a-p]{32}|moz-extension:\/\/[0-9a-f-]{36})$/;
const LOOPBACK_ORIGIN = /^https?:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d{1,5})?$/;

/** Request headers cross-origin callers may send (the web SDK's UQ-* headers included). */
const CORS_ALLOWED_HEADERS =
  'Authorization, Content-Type, UQ-Session-ID, UQ-Nonce, UQ-User-ID, UQ-Device-Info';

/** How the sandbox answers CORS for one mode. */
export interface CorsPolicy {
  mode: CorsMode;
  /** Whether a browser page of `origin` may read the sandbox's answers. */
  allows(origin: string | undefined): origin is string;
  /** Headers for a normal response to `origin` (none when not allowed). */
  responseHeaders(origin: string | undefined): Record<string, string>;
  /** Headers answering a preflight from `origin`. */
  preflightHeaders(origin: string | undefined): Record<string, string>;
}

/**
 * Creates the CORS policy of a mode. `ownOrigin` is the sandbox's own origin (known once it
 * listens): in strict mode it is whitelisted like a customer's web origin, so the demo page works.
 */
export function createCorsPolicy(mode: CorsMode, ownOrigin: () => string): CorsPolicy {
  const allows = (origin: string | undefined): origin is string => {
    if (origin === undefined) return false;
    if (mode === 'strict') {
      // No chrome-extension:// origin: an extension gets through only with host permission.
      return origin === ownOrigin() || UQUDO_DEFAULT_WEB_ORIGINS.includes(origin);
    }
    return EXTENSION_ORIGIN.test(origin) || LOOPBACK_ORIGIN.test(origin);
  };
  const responseHeaders = (origin: string | undefined): Record<string, string> =>
    allows(origin) ? { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' } : {};
  return {
    mode,
    allows,
    responseHeaders,
    preflightHeaders(origin): Record<string, string> {
      if (!allows(origin)) return { Vary: 'Origin' };
      return {
        ...responseHeaders(origin),
        'Access-Control-Allow-Methods': 'GET, POST, DELETE, OPTIONS',
        'Access-Control-Allow-Headers': CORS_ALLOWED_HEADERS,
        'Access-Control-Max-Age': '600',
      };
    },
  };
}
