// extractSightings: every compact JWS/JWE in one exchange (headers, URL query, bodies), with where it was.
import { findTokens, findTokensInJson, type FoundToken } from '../jose/find';
import type { CapturedExchange, Header, Sighting, SightingLocation } from './exchange';
import { isFormMimeType, isJsonMimeType, normalizeMimeType } from './filter';
import { currentPrefixReader } from './json-prefix-engine';
import { attributeJsonPaths } from './json-paths';
import { TokenSet } from './token-set';

/** Bodies longer than this (in UTF-16 code units) are only scanned up to here, and never JSON-parsed. */
export const MAX_SCAN_CHARS = 10 * 1024 * 1024;

/** A token found inside one piece of text, before its location is known. */
interface LocatedToken {
  token: string;
  path?: string;
}

/**
 * Cheap prefilter: false means the text cannot contain a compact JWS/JWE (every protected header is
 * a JSON object, so its base64url starts with `eyJ`). Run before any parsing.
 */
export function hasTokenCandidate(text: string): boolean {
  return text.indexOf('eyJ') !== -1;
}

/**
 * Every token sighting in an exchange: request headers, URL query values, request body (JSON paths,
 * form or multipart field names, raw text), response headers and response body (`application/jwt`
 * or text raw, JSON leaves by path). The same token at the same location and path is reported once.
 * Work is linear in the exchange's size; never throws.
 */
export function extractSightings(exchange: CapturedExchange): Sighting[] {
  const sightings: Sighting[] = [];
  // Tokens seen per location and path: most places hold one token, kept as is; a TokenSet for
  // places that hold several (a log body with a thousand tokens). Keyed by location, then path.
  const seen = new Map<SightingLocation, Map<string, string | TokenSet>>();
  const add = (location: SightingLocation, found: LocatedToken, seenAs?: Sighting['seenAs']) => {
    let places = seen.get(location);
    if (places === undefined) seen.set(location, (places = new Map()));
    const place = found.path ?? '';
    const tokens = places.get(place);
    if (tokens === undefined) places.set(place, found.token);
    else if (typeof tokens === 'string') {
      if (tokens === found.token) return;
      const set = new TokenSet();
      set.add(tokens);
      set.add(found.token);
      places.set(place, set);
    } else if (!tokens.add(found.token)) return;
    const sighting: Sighting = { location, token: found.token };
    if (found.path !== undefined) sighting.path = found.path;
    if (seenAs) sighting.seenAs = seenAs;
    sightings.push(sighting);
  };

  // The exchange comes from page traffic or a HAR file: a surprise in one part must not lose the rest.
  const attempt = (step: () => void) => {
    try {
      step();
    } catch {
      // Untrusted input that defeats a parser yields no sighting for that part, never an exception.
    }
  };

  attempt(() => {
    for (const header of asHeaders(exchange.requestHeaders)) {
      const bearer =
        /^\s*bearer\s/i.test(header.value) && header.name.toLowerCase() === 'authorization';
      for (const found of tokensInHeader(header))
        add('request.header', found, bearer ? 'bearer' : undefined);
    }
  });
  attempt(() => {
    for (const found of tokensInQuery(exchange.url)) add('request.query', found);
  });
  attempt(() => {
    if (typeof exchange.requestBody !== 'string') return;
    const mimeType =
      headerValue(exchange.requestHeaders, 'content-type') ?? exchange.requestMimeType ?? '';
    for (const found of tokensInBody(exchange.requestBody, mimeType, true)) {
      add('request.body', found);
    }
  });
  attempt(() => {
    for (const header of asHeaders(exchange.responseHeaders)) {
      for (const found of tokensInHeader(header)) add('response.header', found);
    }
  });
  attempt(() => {
    if (typeof exchange.responseBody !== 'string') return;
    const mimeType =
      exchange.responseMimeType || headerValue(exchange.responseHeaders, 'content-type') || '';
    for (const found of tokensInBody(exchange.responseBody, mimeType, false)) {
      add('response.body', found, isTokenEndpointPath(found.path) ? 'token-endpoint' : undefined);
    }
  });
  return sightings;
}

/** OAuth token responses put the credential at `$.access_token` (and OpenID Connect at `$.id_token`). */
function isTokenEndpointPath(path: string | undefined): boolean {
  return path === '$.access_token' || path === '$.id_token';
}

/** Headers as given, skipping anything that is not a `{name, value}` pair of strings. */
function asHeaders(headers: unknown): Header[] {
  if (!Array.isArray(headers)) return [];
  return headers.filter(
    (header): header is Header =>
      typeof header === 'object' &&
      header !== null &&
      typeof (header as Header).name === 'string' &&
      typeof (header as Header).value === 'string',
  );
}

/** The value of the first header with this (lower-case) name. */
function headerValue(headers: unknown, name: string): string | undefined {
  return asHeaders(headers).find((header) => header.name.toLowerCase() === name)?.value;
}

function capped(text: string): string {
  return text.length > MAX_SCAN_CHARS ? text.slice(0, MAX_SCAN_CHARS) : text;
}

function rawTokens(text: string, path?: string): LocatedToken[] {
  return hasTokenCandidate(text) ? foundIn(text, path) : [];
}

/** Every token findTokens sees in (the first MAX_SCAN_CHARS of) text, without the prefilter. */
function foundIn(text: string, path?: string): LocatedToken[] {
  return findTokens(capped(text)).map((found) =>
    path === undefined ? { token: found.token } : { token: found.token, path },
  );
}

function tokensInHeader(header: Header): LocatedToken[] {
  return rawTokens(header.value, header.name);
}

/** Query values of a URL, percent-decoded, with the parameter name as path. */
function tokensInQuery(url: string): LocatedToken[] {
  if (typeof url !== 'string') return [];
  const start = url.indexOf('?');
  if (start === -1) return [];
  const hash = url.indexOf('#', start);
  const query = url.slice(start + 1, hash === -1 ? undefined : hash);
  // Percent-encoding can hide the `eyJ` prefix, so encoded queries are decoded before judging them.
  if (!hasTokenCandidate(query) && !query.includes('%')) return [];
  return tokensInFormFields(capped(query));
}

function tokensInFormFields(text: string): LocatedToken[] {
  const found: LocatedToken[] = [];
  for (const [name, value] of new URLSearchParams(text)) {
    found.push(...rawTokens(value, name));
  }
  return found;
}

/**
 * Tokens in a body: JSON → JSON paths; form-encoded or multipart → field names; anything else → raw
 * text. A token the structured reading could not attribute (say, inside a JSON document encoded as a
 * string) is still reported, without a path.
 */
function tokensInBody(body: string, mimeType: string, allowForm: boolean): LocatedToken[] {
  // The raw text first: it is scanned anyway, and a body in which it finds nothing needs no parse.
  // A FoundToken is a LocatedToken without a path: raw hits are reported as they are.
  const hits = findTokens(capped(body));
  if (hits.length === 0 && !mayHideTokens(body, mimeType, allowForm)) return [];
  // Only bodies that pass the prefilter are read; a raw token starting with `eyJ` already proves it.
  if (!hits.some((found) => found.token.startsWith('eyJ')) && !hasTokenCandidate(body)) return [];
  const structured = structuredTokens(body, mimeType, allowForm, hits);
  if (structured === undefined) return hits;
  // Only the raw tokens the structured reading may have missed are looked up among its tokens.
  const candidates = structured.unplaced ?? hits;
  if (candidates.length === 0) return structured.tokens;
  const attributed = new TokenSet();
  for (const found of structured.tokens) attributed.add(found.token);
  return [...structured.tokens, ...candidates.filter((found) => attributed.add(found.token))];
}

/**
 * Whether the structured reading could find a token the raw text does not show: escapes in JSON
 * strings (`\u002e`, `\/`) and form fields (`%2E`) decode to token characters, and multipart parts
 * end where the raw text runs on into the boundary. Without those, a JSON string's value is its raw
 * text, so a raw scan that finds nothing proves the parse would find nothing either.
 */
function mayHideTokens(body: string, mimeType: string, allowForm: boolean): boolean {
  const mime = normalizeMimeType(mimeType);
  if (mime === 'application/jwt') return false;
  if (isJsonMimeType(mime) || looksLikeJson(body)) return body.includes('\\');
  return isFormMimeType(mime) || (allowForm && (mime === 'multipart/form-data' || mime === ''));
}

/**
 * Tokens with paths when the body has a structure we can read (with the raw hits that reading may
 * not have covered, when it knows them); undefined for raw text.
 */
function structuredTokens(
  body: string,
  mimeType: string,
  allowForm: boolean,
  hits: readonly FoundToken[],
): { tokens: LocatedToken[]; unplaced?: readonly FoundToken[] } | undefined {
  const mime = normalizeMimeType(mimeType);
  if (mime === 'application/jwt') return undefined;
  if (isJsonMimeType(mime) || looksLikeJson(body)) {
    if (body.length > MAX_SCAN_CHARS) return undefined;
    // Read from the start to the last token: escape-free strings take their raw hits by offset,
    // escaped ones are decoded alone. Only nesting too deep for that reading is parsed and walked.
    const located = attributeJsonPaths(body, hits, currentPrefixReader());
    if (located === 'not-json') return undefined;
    if (located !== 'unsupported') return located;
    const parsed = parseJson(body);
    if (!parsed.ok) return undefined;
    return { tokens: findTokensInJson(parsed.value).map(({ path, token }) => ({ path, token })) };
  }
  const fields = formTokens(body, mimeType, mime, allowForm);
  return fields === undefined ? undefined : { tokens: fields };
}

/** Tokens of a form-encoded or multipart body by field name; undefined for other bodies. */
function formTokens(
  body: string,
  mimeType: string,
  mime: string,
  allowForm: boolean,
): LocatedToken[] | undefined {
  if (!allowForm) return isFormMimeType(mime) ? tokensInFormFields(capped(body)) : undefined;
  if (mime === 'multipart/form-data') return tokensInMultipart(capped(body), mimeType);
  if (isFormMimeType(mime) || (mime === '' && looksLikeForm(body))) {
    return tokensInFormFields(capped(body));
  }
  return undefined;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/** First non-whitespace character opens an object or array. */
function looksLikeJson(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    const char = text.charCodeAt(index);
    // space, tab, CR, LF
    if (char === 32 || char === 9 || char === 10 || char === 13) continue;
    return char === 123 || char === 91;
  }
  return false;
}

/** Starts like `name=value` with a URL-safe field name. */
function looksLikeForm(text: string): boolean {
  return /^[\w.~%+-]{1,256}=/.test(text.slice(0, 260));
}

/** Multipart/form-data parts, each named by its Content-Disposition `name`. */
function tokensInMultipart(body: string, contentType: string): LocatedToken[] | undefined {
  const boundary = multipartBoundary(contentType);
  if (!boundary) return undefined;
  const found: LocatedToken[] = [];
  const delimiter = `--${boundary}`;
  let position = body.indexOf(delimiter);
  while (position !== -1) {
    const partStart = position + delimiter.length;
    const next = body.indexOf(delimiter, partStart);
    const part = body.slice(partStart, next === -1 ? undefined : next);
    const headerEnd = indexOfBlankLine(part);
    if (headerEnd !== undefined) {
      const name = /\bname="([^"]*)"/i.exec(part.slice(0, headerEnd.start))?.[1];
      const content = part.slice(headerEnd.end);
      found.push(...rawTokens(content, name));
    }
    position = next;
  }
  return found;
}

function multipartBoundary(contentType: string): string | undefined {
  const match = /;\s*boundary=("?)([^";]{1,200})\1/i.exec(contentType);
  return match?.[2];
}

function indexOfBlankLine(part: string): { start: number; end: number } | undefined {
  const crlf = part.indexOf('\r\n\r\n');
  if (crlf !== -1) return { start: crlf, end: crlf + 4 };
  const lf = part.indexOf('\n\n');
  if (lf !== -1) return { start: lf, end: lf + 2 };
  return undefined;
}
