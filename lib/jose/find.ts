// Finding compact JWS/JWE tokens in arbitrary text and in parsed JSON, in linear time.
import { childPath, ROOT_PATH } from '../format/json-path';
import {
  decodeHeaderSegment,
  isBase64urlCode,
  MAX_HEADER_SEGMENT_LENGTH,
  type HeaderDecoding,
} from './decode';

/** Tokens longer than this are ignored by the finder (and rejected by inspectToken). */
export const MAX_TOKEN_LENGTH = 4 * 1024 * 1024;

/** Parsed JSON deeper than this is not descended into by findTokensInJson. */
export const MAX_JSON_DEPTH = 10_000;

/** A token found in text; `start`/`end` are UTF-16 offsets into the searched text (end exclusive). */
export interface FoundToken {
  token: string;
  format: 'jws' | 'jwe';
  start: number;
  end: number;
}

/** A token found in a string value of parsed JSON, with the JSON path of that value. */
export interface JsonToken {
  path: string;
  token: string;
  format: 'jws' | 'jwe';
}

const DOT = 46;
const BACKSLASH = 92;
const PERCENT = 37;
const LOWER_E = 101;
/** Shortest possible header, `{"alg":""}`, in base64url. */
const MIN_HEADER_LENGTH = 14;
/**
 * `"alg"` in base64url at each of the three byte alignments. A header must contain one, so
 * segments without any are skipped before decoding (a `\u`-escaped "alg" is not found by the
 * finder; inspectToken still reads such a token when given it directly).
 */
const ALG_MARKERS = ['ImFsZy', 'JhbGci', 'iYWxnI'] as const;

function mayBeHeader(text: string, start: number, end: number, hit: number): boolean {
  if (text.charCodeAt(start) !== LOWER_E) return false;
  const length = end - start;
  if (length < MIN_HEADER_LENGTH || length > MAX_HEADER_SEGMENT_LENGTH) return false;
  // The marker the scan jumped to lies in this segment (the common case: the run's first).
  if (hit >= start && hit + 6 <= end) return true;
  // Searching the segment alone keeps the whole scan linear.
  const segment = text.slice(start, end);
  return ALG_MARKERS.some((marker) => segment.includes(marker));
}

function isHexCode(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 70) || (code >= 97 && code <= 102);
}

/** Characters that may follow a backslash in a JSON string escape (besides `u`). */
function isJsonEscapeLetter(code: number): boolean {
  // b f n r t / " \
  return (
    code === 98 ||
    code === 102 ||
    code === 110 ||
    code === 114 ||
    code === 116 ||
    code === 47 ||
    code === 34 ||
    code === BACKSLASH
  );
}

/** A maximal run of base64url characters and dots, from a given position (native scan). */
const RUN_FROM = /[A-Za-z0-9_.-]*/y;

function isRunCode(code: number): boolean {
  return isBase64urlCode(code) || code === DOT;
}

/**
 * Where the run of base64url characters and dots around a hit really starts, given that `from` is
 * a position a left-to-right reading would reach afresh and `stretchStart` is the first run
 * character before the hit. A JSON escape (`\n`, `\u003d`) or a percent-escape (`%3D`) right before
 * the stretch owns its first letters, so they are not glued onto a token.
 */
function runStartOf(text: string, from: number, stretchStart: number): number {
  if (stretchStart === from) return from;
  const q = stretchStart - 1;
  const code = text.charCodeAt(q);
  if (code === PERCENT) {
    const hexFollows =
      q + 2 < text.length && isHexCode(text.charCodeAt(q + 1)) && isHexCode(text.charCodeAt(q + 2));
    return hexFollows ? q + 3 : stretchStart;
  }
  if (code !== BACKSLASH) return stretchStart;
  // In a chain of backslashes the first starts an escape, the second is its letter, and so on.
  let first = q;
  while (first > from && text.charCodeAt(first - 1) === BACKSLASH) first--;
  if ((q - first) % 2 === 1) return stretchStart;
  const next = text.charCodeAt(q + 1);
  if (
    next === 117 /* u */ &&
    q + 5 < text.length &&
    isHexCode(text.charCodeAt(q + 2)) &&
    isHexCode(text.charCodeAt(q + 3)) &&
    isHexCode(text.charCodeAt(q + 4)) &&
    isHexCode(text.charCodeAt(q + 5))
  ) {
    return q + 6;
  }
  return isJsonEscapeLetter(next) ? q + 2 : stretchStart;
}

/**
 * Any of ALG_MARKERS. Every header a token can start with holds one, so only runs holding a marker
 * are examined. Three 6-character literals let the native regex scan skip ahead (a Boyer–Moore
 * style lookahead): faster than looking for the frequent `e` of every possible header start.
 */
const ALG_MARKER = new RegExp(ALG_MARKERS.join('|'), 'g');

/**
 * Where the next `"alg"` marker (in any of its three base64url spellings) starts at or after
 * `from`, or -1. Every token's header holds one, so text without a marker holds no token.
 */
function nextAlgMarker(text: string, from: number): number {
  ALG_MARKER.lastIndex = from;
  const match = ALG_MARKER.exec(text);
  return match === null ? -1 : match.index;
}

/**
 * Finds compact JWS (3 segments) and JWE (5 segments) tokens in text: raw bodies, JSON text,
 * form-encoded or query strings, headers. A candidate counts only when its first segment decodes to
 * a JSON object header with `alg` (and `enc` for JWE). Every such header holds `"alg"` in one of
 * three base64url spellings, so the scan jumps between those with a native regex scan and reads only
 * the runs of base64url characters and dots around them; each segment is decoded at most once, so
 * the work is linear in the input. JSON escapes (`\n`, `\u003d`) and percent-escapes (`%3D`)
 * directly before a token are skipped so their trailing letters are not glued onto it. Never throws.
 */
export function findTokens(text: string): FoundToken[] {
  const found: FoundToken[] = [];
  if (typeof text === 'string') scanText(text, found, createHeaderCache());
  return found;
}

/** findTokens' scan, appending to `found`, with header decodings shared through `headers`. */
function scanText(text: string, found: FoundToken[], headers: HeaderCache): void {
  // `from`: where a left-to-right reading would be now (just after the last run examined).
  let from = 0;
  for (;;) {
    const hit = nextAlgMarker(text, from);
    if (hit === -1) break;
    let stretchStart = hit;
    while (stretchStart > from && isRunCode(text.charCodeAt(stretchStart - 1))) stretchStart--;
    RUN_FROM.lastIndex = hit;
    RUN_FROM.test(text);
    const end = RUN_FROM.lastIndex;
    const start = runStartOf(text, from, stretchStart);
    from = end;
    const bounds = [start - 1];
    // Searched in the run alone (a slice shares the text's characters): in the whole text, the
    // search after the run's last dot would go on to the next dot, maybe megabytes further.
    const run = text.slice(start, end);
    for (let dot = run.indexOf('.'); dot !== -1; dot = run.indexOf('.', dot + 1)) {
      bounds.push(start + dot);
    }
    if (bounds.length < 3) continue;
    bounds.push(end);
    collectFromRun(text, bounds, found, headers, hit);
  }
}

// Segment helpers over `bounds` (module-level rather than closures: this is the hot path).
function startOf(bounds: number[], k: number): number {
  return (bounds[k] as number) + 1;
}
function endOf(bounds: number[], k: number): number {
  return bounds[k + 1] as number;
}
function lengthOf(bounds: number[], k: number): number {
  return endOf(bounds, k) - startOf(bounds, k);
}
/** A token must end the run, or be followed only by an empty segment (a sentence's full stop). */
function endsCleanly(bounds: number[], last: number): boolean {
  return last + 2 >= bounds.length || lengthOf(bounds, last + 1) === 0;
}

/**
 * How many '=' right after a token's last segment are base64 padding of it (1 or 2, completing a
 * 4-character quantum, then a boundary). They are kept with the token so the inspection sees the
 * string as sent — padded base64url is non-canonical — instead of a cleaned-up one that verifies.
 */
function trailingPadding(text: string, end: number, segmentLength: number): number {
  let count = 0;
  while (count < 2 && text.charCodeAt(end + count) === 61) count++;
  if (count === 0 || (segmentLength + count) % 4 !== 0) return 0;
  const next = text.charCodeAt(end + count);
  return Number.isNaN(next) || !(isBase64urlCode(next) || next === DOT || next === 61) ? count : 0;
}

/**
 * Looks for tokens in one run of base64url characters and dots. `bounds` holds the position before
 * the run, every dot, and the run's end: segment k spans bounds[k] + 1 … bounds[k + 1].
 */
function collectFromRun(
  text: string,
  bounds: number[],
  found: FoundToken[],
  headers: HeaderCache,
  hit: number,
): void {
  const segmentCount = bounds.length - 1;

  let k = 0;
  while (k + 2 < segmentCount) {
    // A token has to end cleanly (see endsCleanly): only segments 2 or 4 before such an end can
    // start one, so a long chain of header-like segments costs one decoding, not one per segment.
    const jwsMayEnd = endsCleanly(bounds, k + 2);
    const jweMayEnd = k + 4 < segmentCount && endsCleanly(bounds, k + 4);
    const start = startOf(bounds, k);
    if ((!jwsMayEnd && !jweMayEnd) || !mayBeHeader(text, start, endOf(bounds, k), hit)) {
      k++;
      continue;
    }
    const decoded = decodeHeader(text, start, endOf(bounds, k), headers);
    if (!decoded.ok || typeof decoded.header.alg !== 'string') {
      k++;
      continue;
    }
    const { alg, enc } = decoded.header;
    const format = typeof enc === 'string' ? 'jwe' : 'jws';
    const last = format === 'jwe' ? k + 4 : k + 2;
    const shapeOk =
      format === 'jwe'
        ? // The IV and the authentication tag are never empty.
          last < segmentCount && lengthOf(bounds, k + 2) > 0 && lengthOf(bounds, k + 4) > 0
        : // Only an unsigned (alg none) JWS has an empty signature.
          lengthOf(bounds, last) > 0 || alg.toLowerCase() === 'none';
    if (shapeOk && endsCleanly(bounds, last) && endOf(bounds, last) - start <= MAX_TOKEN_LENGTH) {
      const end =
        endOf(bounds, last) + trailingPadding(text, endOf(bounds, last), lengthOf(bounds, last));
      found.push({ token: text.slice(start, end), format, start, end });
      k = last + 1;
      continue;
    }
    k++;
  }
}

/** Most bodies repeat one issuer's header: decode each distinct header segment once per scan. */
const MAX_REMEMBERED_HEADERS = 256;

/**
 * Header decodings of one scan: the last one (compared, not hashed: most bodies repeat one
 * issuer's header) and up to MAX_REMEMBERED_HEADERS by segment.
 */
interface HeaderCache {
  lastSegment: string;
  last: HeaderDecoding | undefined;
  bySegment: Map<string, HeaderDecoding>;
}

function createHeaderCache(): HeaderCache {
  return { lastSegment: '', last: undefined, bySegment: new Map() };
}

function decodeHeader(
  text: string,
  start: number,
  end: number,
  headers: HeaderCache,
): HeaderDecoding {
  const { last, lastSegment } = headers;
  // Compared, not hashed: most bodies repeat one issuer's header. A slice of a flat string shares
  // its characters, and === compares them natively (startsWith at an offset reads one at a time).
  const segment = text.slice(start, end);
  if (last !== undefined && segment === lastSegment) return last;
  let decoded = headers.bySegment.get(segment);
  if (decoded === undefined) {
    decoded = decodeHeaderSegment(segment);
    if (headers.bySegment.size < MAX_REMEMBERED_HEADERS) headers.bySegment.set(segment, decoded);
  }
  headers.lastSegment = segment;
  headers.last = decoded;
  return decoded;
}

/** One step of a JSON path, kept as a linked list so deep nesting costs nothing until a hit. */
interface PathNode {
  parent: PathNode | undefined;
  key: string | number;
}

/** Renders a path such as `$.data.jwsResult`, `$.items[0]` or `$["odd key"]`. */
function renderPath(node: PathNode | undefined): string {
  const keys: Array<string | number> = [];
  for (let n = node; n; n = n.parent) keys.push(n.key);
  let path = ROOT_PATH;
  for (let i = keys.length - 1; i >= 0; i--) path = childPath(path, keys[i] as string | number);
  return path;
}

/**
 * Finds tokens in every string value of parsed JSON, at any depth (up to MAX_JSON_DEPTH), in
 * document order. Iterative, so deep nesting cannot overflow the call stack; shared or cyclic
 * references are visited once. Never throws.
 */
export function findTokensInJson(value: unknown): JsonToken[] {
  const results: JsonToken[] = [];
  const seen = new Set<object>();
  const headers = createHeaderCache();
  const stack: Array<{ value: unknown; path: PathNode | undefined; depth: number }> = [
    { value, path: undefined, depth: 0 },
  ];
  while (stack.length > 0) {
    const entry = stack.pop() as { value: unknown; path: PathNode | undefined; depth: number };
    const current = entry.value;
    if (typeof current === 'string') {
      // Shorter than the shortest token (`header..`): nothing to look for.
      if (current.length < MIN_HEADER_LENGTH + 2) continue;
      const hits: FoundToken[] = [];
      scanText(current, hits, headers);
      for (const hit of hits) {
        results.push({ path: renderPath(entry.path), token: hit.token, format: hit.format });
      }
      continue;
    }
    if (typeof current !== 'object' || current === null) continue;
    if (seen.has(current) || entry.depth >= MAX_JSON_DEPTH) continue;
    seen.add(current);
    const depth = entry.depth + 1;
    if (Array.isArray(current)) {
      for (let index = current.length - 1; index >= 0; index--) {
        stack.push({ value: current[index], path: { parent: entry.path, key: index }, depth });
      }
    } else {
      const keys = Object.keys(current);
      for (let index = keys.length - 1; index >= 0; index--) {
        const key = keys[index] as string;
        stack.push({
          value: (current as Record<string, unknown>)[key],
          path: { parent: entry.path, key },
          depth,
        });
      }
    }
  }
  return results;
}

/**
 * Cleans pasted token input: trims whitespace, a leading `Bearer ` (any case) and one pair of
 * surrounding double quotes.
 */
export function normalizeTokenInput(text: string): string {
  let result = text.trim();
  const bearer = /^bearer\s+/i.exec(result);
  if (bearer) result = result.slice(bearer[0].length).trim();
  if (result.length >= 2 && result.startsWith('"') && result.endsWith('"')) {
    result = result.slice(1, -1).trim();
  }
  return result;
}
