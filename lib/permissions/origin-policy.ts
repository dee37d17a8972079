// The one origin policy for what the panel fetches (JWKS URLs, the replay API base): https anywhere, plain http on this machine only.

/** A URL the panel may fetch from, with its origin; or why not, in the panel's words. */
export type FetchUrlCheck = { ok: true; url: URL; origin: string } | { ok: false; error: string };

const MAX_URL_CHARS = 2048;

/** The origin (scheme://host[:port]) of a URL, or undefined when it does not parse or has none. */
export function readOrigin(text: string | undefined): string | undefined {
  if (typeof text !== 'string' || text.trim() === '') return undefined;
  try {
    const origin = new URL(text.trim()).origin;
    return origin === 'null' ? undefined : origin;
  } catch {
    return undefined;
  }
}

/** True for hostnames that always mean this machine, given as `URL.hostname` (IPv6 in brackets). */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  // The URL parser already turned shorthand IPv4 forms (127.1, 0x7f.1) into dotted quads.
  return host === 'localhost' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/**
 * Checks a URL typed by the user for a fetch that may carry a credential or decide a verdict:
 * the scheme must be given; `https://` is accepted for any host, plain `http://` only for loopback
 * (127.0.0.0/8, `localhost`, `[::1]`) so nothing crosses the network in clear; user names and
 * passwords in the URL are refused. `example` names the kind of URL in the messages.
 */
export function checkFetchUrl(text: string, example: string): FetchUrlCheck {
  const input = typeof text === 'string' ? text.trim() : '';
  if (input.length > MAX_URL_CHARS) return { ok: false, error: 'That URL is too long.' };
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(input)) {
    return { ok: false, error: `Include the scheme, e.g. ${example}.` };
  }
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return { ok: false, error: 'That is not a valid URL.' };
  }
  if (url.username !== '' || url.password !== '') {
    return { ok: false, error: 'Remove the user name and password from the URL.' };
  }
  if (url.protocol === 'https:') return { ok: true, url, origin: url.origin };
  if (url.protocol === 'http:') {
    if (isLoopbackHost(url.hostname)) return { ok: true, url, origin: url.origin };
    return {
      ok: false,
      error:
        'Plain http:// is only allowed for this machine (localhost, 127.x.x.x, [::1]). Use an https:// URL.',
    };
  }
  return { ok: false, error: `Unsupported scheme ${url.protocol}. Use an https:// URL.` };
}
