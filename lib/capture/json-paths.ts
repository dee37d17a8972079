// JSON paths for tokens in a raw JSON body, from their offsets: one linear pass, no JSON.parse of the body.
import { findTokens, nextAlgMarker, type FoundToken } from '../jose/find';
import { childPath, ROOT_PATH } from '../format/json-path';
import { literalEnd } from './json-literals';
import { decodeString, escapeAt, INVALID_ESCAPE, UNICODE_ESCAPE } from './json-strings';

/** A token with the JSON path of the string value that holds it. */
interface PathedToken {
  path: string;
  token: string;
}

/** What one pass over a JSON body found. */
export interface JsonPathReading {
  /** Tokens in string values, with their paths, in document order. */
  tokens: PathedToken[];
  /** The raw tokens not placed by offset (in keys or in escaped strings), in order. */
  unplaced: FoundToken[];
}

/** Deeper documents take the parse-and-walk path (which stops descending far deeper than this). */
const MAX_DEPTH = 1000;

const QUOTE = 34;
const COMMA = 44;
const COLON = 58;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;

/** Objects with at most this many keys are checked for duplicates by comparison, not hashing. */
const SMALL_OBJECT = 8;

/** Keys that JSON.parse's objects list first (array-index-like), out of document order. */
const INDEX_LIKE_KEY = /^(?:0|[1-9]\d*)$/;

/** Control characters JSON.parse rejects anywhere but the scan does not look for (see below). */
const OTHER_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;

/** Scan state shared by the helpers (module functions over one record, not closures: a hot path). */
interface Scan {
  body: string;
  tokens: readonly FoundToken[];
  /** The first raw token not yet placed, and where it starts (Infinity: none left). */
  next: number;
  nextStart: number;
  /** Per open container, innermost last (`depth` in use; entries are reused). */
  arrays: boolean[];
  indexes: number[];
  /** The container's current key, as an entry of the key lists. */
  keyIndexes: number[];
  /** Where each open object's keys start in the shared key lists. */
  keysFrom: number[];
  /** Whether a token lies in a string value below the container. */
  holds: boolean[];
  depth: number;
  /** Every key of every open object: offsets, and for escaped keys null or (once needed) the text. */
  keyStartList: number[];
  keyEndList: number[];
  keyNames: Array<string | null | undefined>;
  keyCount: number;
  found: PathedToken[];
  unplaced: FoundToken[];
  /** The next backslash, LF, CR and tab at or after the last string read (body.length: none). */
  backslash: number;
  /** The least of those four: strings ending before it need no look at them. */
  special: number;
  lf: number;
  cr: number;
  tab: number;
  /** Whether the last string read held an escape, and a `\\u` escape. */
  escaped: boolean;
  unicode: boolean;
  /** The next `"alg"` marker at or after the last escaped string checked (2^32 - 1: none). */
  marker: number;
}

function indexOrEnd(body: string, char: string, from: number): number {
  const index = body.indexOf(char, from);
  return index === -1 ? body.length : index;
}

/**
 * Offset of the quote closing the string whose first escape is at `at`, or -1 when an escape is
 * not one JSON allows (as JSON.parse rules). Sets `scan.unicode` when one is `\\uXXXX`.
 */
function escapedStringEnd(scan: Scan, at: number): number {
  const { body } = scan;
  let quote = body.indexOf('"', at);
  let slash = at;
  // Each search starts past the last one's hit, so the work stays linear in the string's length.
  while (quote !== -1 && slash !== -1 && slash < quote) {
    const escape = escapeAt(body, slash);
    if (escape === INVALID_ESCAPE) return -1;
    if (escape === UNICODE_ESCAPE) scan.unicode = true;
    const from = slash + 2;
    if (quote < from) quote = body.indexOf('"', from);
    slash = body.indexOf('\\', from);
  }
  return quote;
}

/**
 * Reads the string whose opening quote is at `at`: the offset of its closing quote, or -1 when the
 * text is not a JSON string. Sets `scan.escaped` (and `scan.unicode`) when it holds escapes.
 */
function stringEnd(scan: Scan, at: number): number {
  const end = scan.body.indexOf('"', at + 1);
  scan.escaped = false;
  // The common case: no backslash, tab, LF or CR before the next one already found.
  if (end !== -1 && end < scan.special) return end;
  return end === -1 ? -1 : specialStringEnd(scan, at, end);
}

/** stringEnd past the next backslash, tab, LF or CR known: finds them again from `at`. */
function specialStringEnd(scan: Scan, at: number, quote: number): number {
  const { body } = scan;
  let end = quote;
  if (scan.backslash <= at) scan.backslash = indexOrEnd(body, '\\', at + 1);
  if (scan.backslash < end) {
    scan.escaped = true;
    scan.unicode = false;
    end = escapedStringEnd(scan, scan.backslash);
    if (end === -1) return -1;
    scan.backslash = indexOrEnd(body, '\\', end);
  }
  // JSON forbids raw tab, LF and CR in strings; pretty-printed bodies hold them between strings.
  if (scan.lf <= at) scan.lf = indexOrEnd(body, '\n', at);
  if (scan.cr <= at) scan.cr = indexOrEnd(body, '\r', at);
  if (scan.tab <= at) scan.tab = indexOrEnd(body, '\t', at);
  if (scan.lf < end || scan.cr < end || scan.tab < end) return -1;
  scan.special = Math.min(scan.backslash, scan.lf, scan.cr, scan.tab);
  return end;
}

/**
 * Whether the escaped string spanning `start` … `end` may decode to a token. One-letter escapes
 * decode to characters no token holds, so without a `\\u` escape a token's `"alg"` marker must
 * already stand in the raw text; the next marker is remembered, so the searches stay linear.
 */
function mayHoldToken(scan: Scan, start: number, end: number): boolean {
  if (scan.unicode) return true;
  if (scan.marker < start) scan.marker = nextAlgMarker(scan.body, start) >>> 0;
  return scan.marker < end;
}

/** Key `k` of the key lists, decoded (an escaped key is decoded once, when first needed). */
function keyName(scan: Scan, k: number): string {
  const start = scan.keyStartList[k] as number;
  const end = scan.keyEndList[k] as number;
  const name = scan.keyNames[k];
  if (name === undefined) return scan.body.slice(start, end);
  if (name !== null) return name;
  const decoded = decodeString(scan.body, start - 1, end);
  scan.keyNames[k] = decoded;
  return decoded;
}

function renderPath(scan: Scan): string {
  let path = ROOT_PATH;
  for (let d = 0; d < scan.depth; d++) {
    path = childPath(
      path,
      scan.arrays[d] ? (scan.indexes[d] as number) : keyName(scan, scan.keyIndexes[d] as number),
    );
  }
  return path;
}

/** Skips the raw tokens that start before `end` (inside a key or an escaped string). */
function skipTokensBefore(scan: Scan, end: number): void {
  while (scan.nextStart < end) {
    scan.unplaced.push(scan.tokens[scan.next] as FoundToken);
    scan.next++;
    scan.nextStart = scan.tokens[scan.next]?.start ?? Infinity;
  }
}

/** Records the tokens in the string value spanning `start` … `end` (its quotes) with the current path. */
function placeTokens(scan: Scan, start: number, end: number): void {
  let placed = false;
  if (scan.escaped) {
    skipTokensBefore(scan, end);
    const hits = mayHoldToken(scan, start, end)
      ? findTokens(decodeString(scan.body, start, end))
      : [];
    if (hits.length > 0) {
      const path = renderPath(scan);
      for (const hit of hits) scan.found.push({ path, token: hit.token });
      placed = true;
    }
  } else if (scan.nextStart < end) {
    const path = renderPath(scan);
    while (scan.nextStart < end) {
      scan.found.push({ path, token: (scan.tokens[scan.next] as FoundToken).token });
      scan.next++;
      scan.nextStart = scan.tokens[scan.next]?.start ?? Infinity;
    }
    placed = true;
  }
  for (let d = scan.depth - 1; placed && d >= 0 && !scan.holds[d]; d--) scan.holds[d] = true;
}

/** Reads a string value at `at`: the offset after it, or -1. */
function readValue(scan: Scan, at: number): number {
  const end = stringEnd(scan, at);
  if (end === -1) return -1;
  if (scan.nextStart < end || scan.escaped) placeTokens(scan, at, end);
  return end + 1;
}

/** Reads `"key" :` at `at` (whitespace skipped before it): the offset after the colon, or -1. */
function readKey(scan: Scan, from: number): number {
  const { body } = scan;
  let at = from;
  let code = body.charCodeAt(at);
  while (code === 32 || code === 10 || code === 13 || code === 9) code = body.charCodeAt(++at);
  if (code !== QUOTE) return -1;
  const end = stringEnd(scan, at);
  if (end === -1) return -1;
  const d = scan.depth - 1;
  const k = scan.keyCount++;
  scan.keyIndexes[d] = k;
  scan.keyStartList[k] = at + 1;
  scan.keyEndList[k] = end;
  scan.keyNames[k] = scan.escaped ? null : undefined;
  // Tokens in keys get no path: the walk reads values only.
  skipTokensBefore(scan, end);
  let i = end + 1;
  code = body.charCodeAt(i);
  while (code === 32 || code === 10 || code === 13 || code === 9) code = body.charCodeAt(++i);
  return code === COLON ? i + 1 : -1;
}

/** Opens an object or array; false when too deep. */
function open(scan: Scan, array: boolean): boolean {
  const d = scan.depth;
  if (d >= MAX_DEPTH) return false;
  scan.arrays[d] = array;
  scan.indexes[d] = 0;
  scan.keysFrom[d] = scan.keyCount;
  scan.holds[d] = false;
  scan.depth = d + 1;
  return true;
}

/**
 * Whether the keys of the innermost object, which holds a token, keep document order in
 * JSON.parse's result: no duplicate (the parse keeps the last value, at the first key's place) and
 * no index-like key (listed first).
 */
function keysKeepOrder(scan: Scan): boolean {
  const from = scan.keysFrom[scan.depth - 1] as number;
  const count = scan.keyCount - from;
  if (count > SMALL_OBJECT) return keysKeepOrderBySet(scan, from);
  const names: string[] = [];
  for (let k = from; k < scan.keyCount; k++) {
    const name = keyName(scan, k);
    // An index-like key starts with a digit: the regex only runs on those.
    const first = name.charCodeAt(0);
    if (first >= 48 && first <= 57 && INDEX_LIKE_KEY.test(name)) return false;
    if (names.includes(name)) return false;
    names.push(name);
  }
  return true;
}

function keysKeepOrderBySet(scan: Scan, from: number): boolean {
  const names = new Set<string>();
  for (let k = from; k < scan.keyCount; k++) {
    const name = keyName(scan, k);
    if (names.has(name) || INDEX_LIKE_KEY.test(name)) return false;
    names.add(name);
  }
  return true;
}

/** Closes the innermost container; false when its keys would not keep their order. */
function close(scan: Scan): boolean {
  const d = scan.depth - 1;
  if (!scan.arrays[d]) {
    if (scan.holds[d] && !keysKeepOrder(scan)) return false;
    scan.keyCount = scan.keysFrom[d] as number;
  }
  scan.depth = d;
  return true;
}

/**
 * Reads the body as one JSON value, placing tokens as it goes; false as soon as it is not JSON.
 * One loop with the offset in a local: `value` says whether a value comes next (else a comma or a
 * closing bracket does).
 */
function scanDocument(scan: Scan): boolean {
  const { body, arrays, indexes } = scan;
  let i = 0;
  let value = true;
  for (;;) {
    let code = body.charCodeAt(i);
    while (code === 32 || code === 10 || code === 13 || code === 9) code = body.charCodeAt(++i);
    if (value) {
      if (code === QUOTE) {
        i = readValue(scan, i);
      } else if (code === OPEN_BRACE || code === OPEN_BRACKET) {
        const array = code === OPEN_BRACKET;
        if (!open(scan, array)) return false;
        code = body.charCodeAt(++i);
        while (code === 32 || code === 10 || code === 13 || code === 9) code = body.charCodeAt(++i);
        if (code === (array ? CLOSE_BRACKET : CLOSE_BRACE)) {
          // An empty container: a whole value.
          scan.depth--;
          i++;
          value = false;
        } else if (!array) i = readKey(scan, i);
        if (i === -1) return false;
        continue;
      } else i = literalEnd(body, i);
      if (i === -1) return false;
      value = false;
      continue;
    }
    const d = scan.depth - 1;
    if (d < 0) return i >= body.length;
    if (code === COMMA) {
      if (arrays[d]) {
        (indexes[d] as number)++;
        i++;
      } else {
        i = readKey(scan, i + 1);
        if (i === -1) return false;
      }
      value = true;
    } else if (code === (arrays[d] ? CLOSE_BRACKET : CLOSE_BRACE) && close(scan)) i++;
    else return false;
  }
}

/**
 * The JSON path of every token in a string value of `body`, in document order — what
 * findTokensInJson(JSON.parse(body)) reports — read in one linear pass over the text without
 * building any value. `tokens` are findTokens(body): an escape-free string's tokens are the raw
 * ones inside it; a string with escapes is decoded alone and searched. Undefined whenever that
 * cannot be vouched for: the body is not JSON, nests deeper than MAX_DEPTH, or an object holding a
 * token has a duplicate or index-like key; the caller then parses and walks. Raw control characters
 * other than tab, LF and CR inside strings are only looked for when the body holds a backslash (as
 * before). Tokens in keys get no path (the walk does not read keys).
 */
export function attributeJsonPaths(
  body: string,
  tokens: readonly FoundToken[],
): JsonPathReading | undefined {
  if (body.includes('\\') && OTHER_CONTROL.test(body)) return undefined;
  const scan: Scan = {
    body,
    tokens,
    next: 0,
    nextStart: tokens[0]?.start ?? Infinity,
    arrays: [],
    indexes: [],
    keyIndexes: [],
    keysFrom: [],
    holds: [],
    depth: 0,
    keyStartList: [],
    keyEndList: [],
    keyNames: [],
    keyCount: 0,
    found: [],
    unplaced: [],
    backslash: -1,
    special: -1,
    lf: -1,
    cr: -1,
    tab: -1,
    escaped: false,
    unicode: false,
    marker: -1,
  };
  return scanDocument(scan) ? { tokens: scan.found, unplaced: scan.unplaced } : undefined;
}
