// JSON paths for tokens found in a raw JSON body, from their offsets: one pass, no JSON.parse, no values built.
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
const COLON = 58;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;

/** A JSON number, read at one position. */
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
/** What ends a string's plain run: its closing quote, an escape or a (forbidden) control character. */
const STRING_STOP = /["\\\u0000-\u001f]/g;
/** Characters JSON forbids inside strings (outside them only tab, LF and CR may appear, as whitespace). */
const CONTROL = /[\u0000-\u001f]/;
/** Keys that JSON.parse's objects list first (array-index-like), out of document order. */
const INDEX_LIKE_KEY = /^(?:0|[1-9]\d*)$/;

/** One open object or array; for an object, the offsets of its current key's text. */
interface Frame {
  array: boolean;
  index: number;
  keyStart: number;
  keyEnd: number;
  /** Where this object's keys start in the shared key list. */
  keysFrom: number;
  /** Whether a token lies in a string value below this container. */
  holdsToken: boolean;
}

/** Scan state shared by the helpers (module functions, not closures: this is a hot path). */
interface Scan {
  body: string;
  tokens: readonly FoundToken[];
  next: number;
  stack: Frame[];
  /** Start and end offsets of the keys of every open object, innermost last. */
  keys: number[];
  found: PathedToken[];
  /** No backslash and no control character in the body: every string ends at the next quote. */
  plain: boolean;
  /** Set by readValue when it opened a non-empty container: a value comes next, not a comma. */
  opened: boolean;
}

function skipWhitespace(body: string, at: number): number {
  let i = at;
  for (;;) {
    const code = body.charCodeAt(i);
    // space, tab, LF, CR: the only whitespace JSON allows
    if (code === 32 || code === 9 || code === 10 || code === 13) i++;
    else return i;
  }
}

/** Offset of the closing quote of the string opening at `at`, or -1 (escapes and control characters included). */
function stringEnd(scan: Scan, at: number): number {
  const { body } = scan;
  // Checked once for the whole body: no backslash and no control character anywhere.
  if (scan.plain) return body.indexOf('"', at + 1);
  STRING_STOP.lastIndex = at + 1;
  if (!STRING_STOP.test(body)) return -1;
  const end = STRING_STOP.lastIndex - 1;
  // An escape could change the text (and what a token finder sees in it): the parse decides.
  return body.charCodeAt(end) === QUOTE ? end : -1;
}

/** Offset after `true`, `false`, `null` or a number at `at`, or -1. */
function literalEnd(body: string, at: number): number {
  if (body.startsWith('true', at) || body.startsWith('null', at)) return at + 4;
  if (body.startsWith('false', at)) return at + 5;
  NUMBER.lastIndex = at;
  return NUMBER.test(body) ? NUMBER.lastIndex : -1;
}

/** Reads `"key" :` at `at` into the object frame; the offset after the colon, or -1. */
function readKey(scan: Scan, at: number, frame: Frame): number {
  const start = skipWhitespace(scan.body, at);
  if (scan.body.charCodeAt(start) !== QUOTE) return -1;
  const end = stringEnd(scan, start);
  if (end === -1) return -1;
  frame.keyStart = start + 1;
  frame.keyEnd = end;
  scan.keys.push(start + 1, end);
  const colon = skipWhitespace(scan.body, end + 1);
  return scan.body.charCodeAt(colon) === COLON ? colon + 1 : -1;
}

function renderPath(scan: Scan): string {
  let path = ROOT_PATH;
  for (const frame of scan.stack) {
    path = childPath(
      path,
      frame.array ? frame.index : scan.body.slice(frame.keyStart, frame.keyEnd),
    );
  }
  return path;
}

/** Attributes the tokens inside the string value spanning (start, end) to the current path. */
function collectTokens(scan: Scan, start: number, end: number): void {
  const { tokens } = scan;
  // Tokens before this value were in keys, which the parse-and-walk does not read either.
  while (scan.next < tokens.length && (tokens[scan.next] as FoundToken).start < start) scan.next++;
  if (scan.next >= tokens.length || (tokens[scan.next] as FoundToken).end > end) return;
  const path = renderPath(scan);
  while (scan.next < tokens.length && (tokens[scan.next] as FoundToken).end <= end) {
    scan.found.push({ path, token: (tokens[scan.next] as FoundToken).token });
    scan.next++;
  }
  for (let k = scan.stack.length - 1; k >= 0; k--) {
    const frame = scan.stack[k] as Frame;
    if (frame.holdsToken) break;
    frame.holdsToken = true;
  }
}

/**
 * Whether the keys of a closing object keep document order in JSON.parse's result: no duplicate
 * (the parse keeps the last value, at the first key's place) and no index-like key (listed first).
 */
function keysKeepOrder(scan: Scan, frame: Frame): boolean {
  const names = new Set<string>();
  for (let k = frame.keysFrom; k < scan.keys.length; k += 2) {
    const name = scan.body.slice(scan.keys[k], scan.keys[k + 1]);
    if (names.has(name) || INDEX_LIKE_KEY.test(name)) return false;
    names.add(name);
  }
  return true;
}

/** Reads one value at `at`, opening containers; the offset after it (or inside a container), or -1. */
function readValue(scan: Scan, at: number): number {
  const { body, stack } = scan;
  const i = skipWhitespace(body, at);
  const code = body.charCodeAt(i);
  if (code === QUOTE) {
    const end = stringEnd(scan, i);
    if (end !== -1) collectTokens(scan, i, end);
    return end === -1 ? -1 : end + 1;
  }
  if (code !== OPEN_BRACE && code !== OPEN_BRACKET) return literalEnd(body, i);
  if (stack.length >= MAX_DEPTH) return -1;
  const array = code === OPEN_BRACKET;
  const frame: Frame = {
    array,
    index: 0,
    keyStart: 0,
    keyEnd: 0,
    keysFrom: scan.keys.length,
    holdsToken: false,
  };
  stack.push(frame);
  const first = skipWhitespace(body, i + 1);
  // An empty container is a complete value: the caller closes it.
  if (body.charCodeAt(first) === (array ? CLOSE_BRACKET : CLOSE_BRACE)) return first;
  scan.opened = true;
  return array ? first : readKey(scan, first, frame);
}

/**
 * After a value: closes finished containers and steps past a comma (and the next key). Returns
 * the offset where the next value starts, `body.length` when the document is complete, or -1.
 */
function advance(scan: Scan, at: number): number {
  const { body, stack } = scan;
  let i = at;
  for (;;) {
    i = skipWhitespace(body, i);
    const top = stack[stack.length - 1];
    if (!top) return i === body.length ? i : -1;
    const code = body.charCodeAt(i);
    if (code === COMMA) {
      if (!top.array) return readKey(scan, i + 1, top);
      top.index++;
      return i + 1;
    }
    if (code !== (top.array ? CLOSE_BRACKET : CLOSE_BRACE)) return -1;
    if (!top.array && top.holdsToken && !keysKeepOrder(scan, top)) return -1;
    scan.keys.length = top.keysFrom;
    stack.pop();
    i++;
  }
}

/**
 * The JSON path of every token (found by findTokens in `body`, in order) that lies in a string
 * value, in document order — what findTokensInJson(JSON.parse(body)) reports for a body without
 * escapes — read in one pass over the text without building any value. Undefined whenever that
 * cannot be vouched for: the body is not strict JSON, has an escape in a string, nests deeper
 * than MAX_DEPTH, or an object holding a token has a duplicate or index-like key. The caller
 * then parses and walks. Tokens in keys get no path (the walk does not read keys).
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
    stack: [],
    keys: [],
    found: [],
    opened: false,
    plain: !CONTROL.test(body),
  };
  let i = 0;
  do {
    i = readValue(scan, i);
    if (i === -1) return undefined;
    if (scan.opened) {
      scan.opened = false;
      continue;
    }
    i = advance(scan, i);
    if (i === -1) return undefined;
  } while (scan.stack.length > 0);
  return scan.found;
}
