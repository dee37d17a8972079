// Suggests a JWKS URL from a result's `iss` when no key source works — offered to the user, never applied by itself.
import type { Inspection } from '../jose/inspect';
import { isLoopbackHost } from '../permissions/origin-policy';
import type { KeySource } from './settings';

/** Where Uqudo publishes its JWKS under an API origin (e.g. https://id.uqudo.io). */
export const JWKS_PATH = '/api/.well-known/jwks.json';

/** Findings that mean "the signature was not checked because no key source works". */
const NO_WORKING_KEYS = new Set(['keys-unavailable', 'unverified']);
const MAX_ISS_CHARS = 512;

/**
 * The JWKS URL to suggest for an `iss`: `<iss>/api/.well-known/jwks.json` when `iss` is an origin a
 * user may plausibly want keys from — this machine (`http(s)://` localhost, 127.x.x.x or [::1], any
 * port) or a Uqudo host over https (`https://*.uqudo.io`). Anything else — another host, plain http
 * to a remote host, a path, query, fragment or user info, a non-canonical spelling — gets no
 * suggestion. Only the payload's `iss` is read: keys the token names itself (`jku`, `jwk`, `x5u`,
 * `x5c`) are never a source.
 */
export function suggestJwksUrl(iss: unknown): string | undefined {
  if (typeof iss !== 'string' || iss.length > MAX_ISS_CHARS) return undefined;
  let url: URL;
  try {
    url = new URL(iss);
  } catch {
    return undefined;
  }
  // The canonical origin (or origin + "/") only: this rules out user info, paths, queries and
  // fragments, and spellings a reader could misread.
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  if (iss !== url.origin && iss !== `${url.origin}/`) return undefined;
  const loopback = isLoopbackHost(url.hostname);
  const uqudo = url.protocol === 'https:' && url.hostname.endsWith('.uqudo.io');
  if (!loopback && !uqudo) return undefined;
  return `${url.origin}${JWKS_PATH}`;
}

/**
 * The first suggestion among `inspections` (give the selected one first): a result whose signature
 * could not be checked because no key source works, carrying a plausible `iss` (see
 * {@link suggestJwksUrl}) whose JWKS is not already the key source. For a decrypted JWE the inner
 * JWS counts; an undecrypted JWE has no readable `iss`.
 */
export function findKeySuggestion(
  inspections: Iterable<Inspection | undefined>,
  current: KeySource | undefined,
): string | undefined {
  for (const inspection of inspections) {
    const checked = inspection?.inner ?? inspection;
    if (!checked || !checked.findings.some((finding) => NO_WORKING_KEYS.has(finding.code))) {
      continue;
    }
    const payload = checked.payload;
    if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) continue;
    const url = suggestJwksUrl((payload as Record<string, unknown>).iss);
    if (url && !(current?.kind === 'url' && current.url === url)) return url;
  }
  return undefined;
}
