// JSON paths for tokens found in a raw JSON body, from their offsets: one forward pass up to the last token.
import type { FoundToken } from '../jose/find';
import { childPath, ROOT_PATH } from '../format/json-path';

/** A token with the JSON path of the string value that holds it. */
export interface PathedToken {
  path: string;
  token: string;
}

/** Deeper documents take the parse-and-walk path (which stops descending far deeper than this). */
const MAX_DEPTH = 1000;

const QUOTE = 34;
const COMMA = 44;
const MINUS = 45;
const DOT = 46;
const ZERO = 48;
const NINE = 57;
const COLON = 58;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;

/** What the grammar allows next. */
const VALUE = 0; // after `:`, after `,` in an array, or at the start
const FIRST_VALUE = 1; // after `[`: a value or `]`
const FIRST_KEY = 2; // after `{`: a key or `}`
const KEY = 3; // after `,` in an object
const AFTER_KEY = 4; // a `:`
const AFTER_VALUE = 5; // `,` or the closing bracket (or, outside any container, the end)

/** Keys that JSON.parse's objects list first (array-index-like), out of document order. */
const INDEX_LIKE_KEY = /^(?:0|[1-9]\d*)$/;

/** One open object or array (frames are reused by depth: this is a hot path). */
interface Frame {
  array: boolean;
  index: number;
  /** Where the current key's text starts (it ends at the next quote: the body has no escapes). */
  keyStart: number;
  /** Where this object's keys start in the shared key list. */
  keysFrom: number;
  /** Whether a token lies in a string value below this container. */
  holdsToken: boolean;
}

/** Scan state shared by the helpers (module functions, not closures). */
interface Scan {
  body: string;
  tokens: readonly FoundToken[];
  /** The first token not yet placed. */
  next: number;
  frames: Frame[];
  depth: number;
  /** Start offsets of the keys of every open object, innermost last (`keyCount` are in use). */
  keys: number[];
  keyCount: number;
  found: PathedToken[];
  /** Where atValue left off. */
  at: number;
  /** The next LF, CR and tab at or after the last string read (body.length: none). */
  lf: number;
  cr: number;
  tab: number;
}

function isWhitespace(code: number): boolean {
  // space, LF, CR, tab: the only whitespace JSON allows
  return code === 32 || code === 10 || code === 13 || code === 9;
}

function isDigit(code: number): boolean {
  return code >= ZERO && code <= NINE;
}

/** Offset after the digits from `at` (none read when there are none). */
function digitsEnd(body: string, at: number): number {
  let i = at;
  while (isDigit(body.charCodeAt(i))) i++;
  return i;
}

/** Offset after the JSON number at `at`, or -1 (no leading zeros, digits after `.` and `e`). */
function numberEnd(body: string, at: number): number {
  let i = body.charCodeAt(at) === MINUS ? at + 1 : at;
  const first = body.charCodeAt(i);
  if (first === ZERO) i++;
  else if (isDigit(first)) i = digitsEnd(body, i + 1);
  else return -1;
  if (body.charCodeAt(i) === DOT) {
    const end = digitsEnd(body, i + 1);
    if (end === i + 1) return -1;
    i = end;
  }
  // `e` or `E`
  if ((body.charCodeAt(i) | 32) === 101) {
    const sign = body.charCodeAt(i + 1);
    const from = sign === 43 || sign === MINUS ? i + 2 : i + 1;
    const end = digitsEnd(body, from);
    if (end === from) return -1;
    i = end;
  }
  return i;
}

/** Offset after `true`, `false`, `null` or a number at `at`, or -1. */
function literalEnd(body: string, at: number): number {
  if (body.startsWith('true', at) || body.startsWith('null', at)) return at + 4;
  if (body.startsWith('false', at)) return at + 5;
  return numberEnd(body, at);
}

function indexOrEnd(body: string, char: string, from: number): number {
  const at = body.indexOf(char, from);
  return at === -1 ? body.length : at;
}

/**
 * Whether the string spanning (start, end) holds a raw tab, LF or CR, which JSON forbids in
 * strings (and pretty-printed bodies hold between them). One native search per such character
 * in the body, not one per string. Other control characters are not looked for.
 */
function hasRawBreak(scan: Scan, start: number, end: number): boolean {
  const { body } = scan;
  if (scan.lf < start) scan.lf = indexOrEnd(body, '\n', start);
  if (scan.cr < start) scan.cr = indexOrEnd(body, '\r', start);
  if (scan.tab < start) scan.tab = indexOrEnd(body, '\t', start);
  return scan.lf < end || scan.cr < end || scan.tab < end;
}

function renderPath(scan: Scan): string {
  const { body } = scan;
  let path = ROOT_PATH;
  for (let d = 0; d < scan.depth; d++) {
    const frame = scan.frames[d] as Frame;
    const key = frame.array
      ? frame.index
      : body.slice(frame.keyStart, body.indexOf('"', frame.keyStart));
    path = childPath(path, key);
  }
  return path;
}

/** Places the tokens inside the string ending at `end`: with the current path for a value. */
function placeTokens(scan: Scan, end: number, isValue: boolean): void {
  const { tokens } = scan;
  // Tokens hold no quote, and every earlier string was read: the next token is here or later.
  if (scan.next >= tokens.length || (tokens[scan.next] as FoundToken).start >= end) return;
  // Tokens in keys get no path: the walk reads values only.
  const path = isValue ? renderPath(scan) : undefined;
  while (scan.next < tokens.length && (tokens[scan.next] as FoundToken).start < end) {
    if (path !== undefined)
      scan.found.push({ path, token: (tokens[scan.next] as FoundToken).token });
    scan.next++;
  }
  for (let d = scan.depth - 1; isValue && d >= 0; d--) {
    const frame = scan.frames[d] as Frame;
    if (frame.holdsToken) break;
    frame.holdsToken = true;
  }
}

/**
 * Whether the keys (key list entries `from` … `to`) of an object holding a token keep document
 * order in JSON.parse's result: no duplicate (the parse keeps the last value, at the first key's
 * place) and no index-like key (listed first).
 */
function keysKeepOrder(scan: Scan, from: number, to: number): boolean {
  const { body, keys } = scan;
  const names = new Set<string>();
  for (let k = from; k < to; k++) {
    const start = keys[k] as number;
    const name = body.slice(start, body.indexOf('"', start));
    if (names.has(name) || INDEX_LIKE_KEY.test(name)) return false;
    names.add(name);
  }
  return true;
}

/** Opens an object or array at the current depth; false when too deep. */
function open(scan: Scan, array: boolean): boolean {
  if (scan.depth >= MAX_DEPTH) return false;
  let frame = scan.frames[scan.depth];
  if (!frame) {
    frame = { array, index: 0, keyStart: 0, keysFrom: 0, holdsToken: false };
    scan.frames.push(frame);
  }
  frame.array = array;
  frame.index = 0;
  frame.keysFrom = scan.keyCount;
  frame.holdsToken = false;
  scan.depth++;
  return true;
}

/** Closes the innermost container with `code`; false when it does not match or breaks key order. */
function close(scan: Scan, code: number): boolean {
  const top = scan.frames[scan.depth - 1];
  if (!top || code !== (top.array ? CLOSE_BRACKET : CLOSE_BRACE)) return false;
  if (!top.array && top.holdsToken && !keysKeepOrder(scan, top.keysFrom, scan.keyCount)) {
    return false;
  }
  scan.keyCount = top.keysFrom;
  scan.depth--;
  return true;
}

/** Reads the string at `at` as a key or a value; the offset after it, or -1. */
function readString(scan: Scan, at: number, isKey: boolean): number {
  const end = scan.body.indexOf('"', at + 1);
  if (end === -1 || hasRawBreak(scan, at, end)) return -1;
  if (isKey) {
    const frame = scan.frames[scan.depth - 1] as Frame;
    frame.keyStart = at + 1;
    scan.keys[scan.keyCount++] = at + 1;
  }
  placeTokens(scan, end, !isKey);
  return end + 1;
}

/** After a value: a comma (the state that follows) or a closing bracket; -1 when neither fits. */
function afterValue(scan: Scan, code: number): number {
  const top = scan.frames[scan.depth - 1];
  if (!top) return -1;
  if (code === COMMA) {
    if (!top.array) return KEY;
    top.index++;
    return VALUE;
  }
  return close(scan, code) ? AFTER_VALUE : -1;
}

/** At a value: opens a container (the state that follows) or reads a literal (into `scan.at`). */
function atValue(scan: Scan, code: number, at: number): number {
  if (code === OPEN_BRACE || code === OPEN_BRACKET) {
    const array = code === OPEN_BRACKET;
    if (!open(scan, array)) return -1;
    scan.at = at + 1;
    return array ? FIRST_VALUE : FIRST_KEY;
  }
  scan.at = literalEnd(scan.body, at);
  return scan.at === -1 ? -1 : AFTER_VALUE;
}

/**
 * Reads the body as JSON from the start: the structure (strings end at the next quote, as the
 * caller has ruled out backslashes), placing tokens as it goes. Returns false as soon as the text
 * is not JSON.
 */
function scanDocument(scan: Scan): boolean {
  const { body } = scan;
  let state = VALUE;
  let i = 0;
  while (i < body.length) {
    const code = body.charCodeAt(i);
    if (isWhitespace(code)) {
      i++;
    } else if (code === QUOTE) {
      const isKey = state === FIRST_KEY || state === KEY;
      if (!isKey && state !== VALUE && state !== FIRST_VALUE) return false;
      i = readString(scan, i, isKey);
      if (i === -1) return false;
      state = isKey ? AFTER_KEY : AFTER_VALUE;
    } else if (state === AFTER_VALUE) {
      state = afterValue(scan, code);
      if (state === -1) return false;
      i++;
    } else if (state === AFTER_KEY) {
      if (code !== COLON) return false;
      state = VALUE;
      i++;
    } else if (state === FIRST_KEY || state === FIRST_VALUE) {
      // An empty container, or (after `[`) a first value.
      if (code === (state === FIRST_KEY ? CLOSE_BRACE : CLOSE_BRACKET)) {
        close(scan, code);
        state = AFTER_VALUE;
        i++;
      } else if (state === FIRST_KEY) return false;
      else {
        state = atValue(scan, code, i);
        i = scan.at;
      }
    } else if (state === VALUE) {
      state = atValue(scan, code, i);
      i = scan.at;
    } else return false;
    if (state === -1) return false;
  }
  return state === AFTER_VALUE && scan.depth === 0;
}

/**
 * The JSON path of every token (found by findTokens in `body`, in order) that lies in a string
 * value, in document order — what findTokensInJson(JSON.parse(body)) reports for a body without
 * escapes — read in one pass over the text without building any value. Undefined whenever that
 * cannot be vouched for: the body is not JSON (a raw control character other than tab, LF or CR
 * inside a string is not looked for), has an escape in a string, nests deeper than MAX_DEPTH, or
 * an object holding a token has a duplicate or index-like key. The caller then parses and walks.
 * Tokens in keys get no path (the walk does not read keys).
 */
export function attributeJsonPaths(
  body: string,
  tokens: readonly FoundToken[],
): PathedToken[] | undefined {
  // An escape could change a string's text (and what a token finder sees in it): the parse decides.
  if (body.includes('\\')) return undefined;
  const scan: Scan = {
    body,
    tokens,
    next: 0,
    frames: [],
    depth: 0,
    keys: [],
    keyCount: 0,
    found: [],
    at: 0,
    lf: -1,
    cr: -1,
    tab: -1,
  };
  return scanDocument(scan) ? scan.found : undefined;
}
