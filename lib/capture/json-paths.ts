// JSON paths for tokens in a raw JSON body: the body is read from its start to the end of the last token's string.
import { findTokens, type FoundToken } from '../jose/find';
import { childPath, ROOT_PATH } from '../format/json-path';
import { NOT_JSON, READ, readJsonPrefix, type PrefixReader } from './json-prefix';
import { decodeString } from './json-strings';

/** A token with the JSON path of the string value that holds it. */
interface PathedToken {
  path: string;
  token: string;
}

/** What reading a JSON body found. */
interface JsonPathReading {
  /** Tokens in string values, with their paths, in document order. */
  tokens: PathedToken[];
  /** The raw tokens not placed by offset (in keys or in escaped strings), in order. */
  unplaced: FoundToken[];
}

/**
 * A JsonPathReading; 'not-json' when the body does not read as JSON up to its last token;
 * 'unsupported' when it nests deeper than the reader goes (the caller then parses and walks).
 */
export type JsonPathAnswer = JsonPathReading | 'not-json' | 'unsupported';

/** Whether the quote at `at` is escaped: an odd run of backslashes before it. */
function isEscaped(body: string, at: number): boolean {
  let slash = at - 1;
  while (slash >= 0 && body.charCodeAt(slash) === 92) slash--;
  return (at - 1 - slash) % 2 === 1;
}

/** The first unescaped quote at or after `from` (before `end`), or `end`. */
function closingQuote(body: string, from: number, end: number): number {
  for (let quote = body.indexOf('"', from); quote !== -1 && quote < end;) {
    if (!isEscaped(body, quote)) return quote;
    quote = body.indexOf('"', quote + 1);
  }
  return end;
}

/** The last unescaped quote before `at` (a string holding `at` opens there), or -1. */
function openingQuote(body: string, at: number): number {
  let quote = body.lastIndexOf('"', at - 1);
  while (quote > 0 && isEscaped(body, quote)) quote = body.lastIndexOf('"', quote - 1);
  return quote;
}

/**
 * The 4 characters after a `\u` that may hide part of a token: no valid escape (the reader rules on
 * it), or one decoding to a base64url character or a dot (`\u002e`). Others (`\u0627`) decode to
 * what no token holds.
 */
const HIDING_ESCAPE = /^(?![0-9a-f]{4})|^00(?:2[de]|3\d|[46][1-9a-f]|[57][0-9a]|5f)/i;

function mayHideToken(body: string, at: number): boolean {
  return HIDING_ESCAPE.test(body.slice(at + 2, at + 6));
}

/** The next `\u` at or after `from` that may hide part of a token, or -1. */
function nextHidingEscape(body: string, from: number): number {
  let at = body.indexOf('\\u', from);
  while (at !== -1 && !mayHideToken(body, at)) at = body.indexOf('\\u', at + 2);
  return at;
}

/** Offsets the reader must place: every raw token's start, and every `\u` that may hide one. */
function probesOf(body: string, tokens: readonly FoundToken[]): number[] {
  const probes: number[] = [];
  let escape = nextHidingEscape(body, 0);
  for (const found of tokens) {
    while (escape !== -1 && escape < found.start) {
      probes.push(escape);
      escape = nextHidingEscape(body, escape + 2);
    }
    if (probes[probes.length - 1] !== found.start) probes.push(found.start);
  }
  for (; escape !== -1; escape = nextHidingEscape(body, escape + 2)) probes.push(escape);
  return probes;
}

/** The name of the key whose colon is at `colon` (the reader checked a string stands before it). */
function keyBefore(body: string, colon: number): string {
  let close = colon - 1;
  while (body.charCodeAt(close) !== 34) close--;
  const open = openingQuote(body, close);
  const raw = body.slice(open + 1, close);
  return raw.includes('\\') ? decodeString(body, open, close) : raw;
}

/**
 * Renders the paths of the reader's records. Consecutive records mostly share their outer levels
 * (`$.items[7].jws`, `$.items[8].jws`): the levels a record shares with the one before are not
 * rendered again.
 */
class PathRenderer {
  /** The previous record's level entries, and its path after each level (`paths[0]` is `$`). */
  private readonly entries: number[] = [];
  private readonly paths: string[] = [ROOT_PATH];

  constructor(private readonly body: string) {}

  /** The path of the record whose `depth` level entries start at `records[at]`. */
  render(records: ArrayLike<number>, at: number, depth: number): string {
    let d = 0;
    while (d < depth && d < this.entries.length && this.entries[d] === records[at + d]) d++;
    this.entries.length = d;
    this.paths.length = d + 1;
    let path = this.paths[d] as string;
    for (; d < depth; d++) {
      const entry = records[at + d] as number;
      path = childPath(path, entry < 0 ? -1 - entry : keyBefore(this.body, entry));
      this.entries.push(entry);
      this.paths.push(path);
    }
    return path;
  }
}

/** The decoded text of the string opened at `open`, closed at `close` (or cut off there). */
function decodedText(body: string, open: number, close: number, cut: number): string | undefined {
  if (close < cut) return decodeString(body, open, close);
  try {
    return JSON.parse(`${body.slice(open, cut)}"`) as string;
  } catch {
    // Cut inside an escape: nothing to decode.
    return undefined;
  }
}

/** Turns the reader's records into tokens with paths. */
function placeTokens(
  body: string,
  tokens: readonly FoundToken[],
  records: ArrayLike<number>,
  cut: number,
): JsonPathReading {
  const found: PathedToken[] = [];
  const unplaced: FoundToken[] = [];
  const renderer = new PathRenderer(body);
  // The next backslash at or after the current string (strings come in order: it only moves on).
  let backslash = -1;
  let next = 0;
  for (let r = 0; records[r] !== -1;) {
    const probe = records[r] as number;
    const depth = records[r + 1] as number;
    const path = renderer.render(records, r + 2, depth);
    r += 2 + depth;
    const open = openingQuote(body, probe);
    const close = closingQuote(body, probe, cut);
    while (next < tokens.length && (tokens[next] as FoundToken).start < open) {
      unplaced.push(tokens[next++] as FoundToken);
    }
    if (backslash <= open) backslash = body.indexOf('\\', open + 1) >>> 0;
    const escaped = backslash < close;
    while (next < tokens.length && (tokens[next] as FoundToken).start < close) {
      const token = tokens[next++] as FoundToken;
      if (escaped) unplaced.push(token);
      else found.push({ path, token: token.token });
    }
    if (escaped) {
      const text = decodedText(body, open, close, cut);
      for (const hit of text === undefined ? [] : findTokens(text)) {
        found.push({ path, token: hit.token });
      }
    }
  }
  while (next < tokens.length) unplaced.push(tokens[next++] as FoundToken);
  return { tokens: found, unplaced };
}

/**
 * The JSON path of every token in a string value of `body`, in document order, read from the
 * body's start to the end of the string holding the last token (or `\u` escape, which may hide
 * one) — what follows is not read, so a truncated body still gets its paths. `tokens` are
 * findTokens(body). A string without escapes holds its raw tokens; one with escapes is decoded
 * and searched, its raw tokens left unplaced. Tokens in keys get no path. Each occurrence of a
 * duplicated key is a path of its own, in document order.
 */
export function attributeJsonPaths(
  body: string,
  tokens: readonly FoundToken[],
  reader: PrefixReader = readJsonPrefix,
): JsonPathAnswer {
  const probes = probesOf(body, tokens);
  const last = probes[probes.length - 1];
  if (last === undefined) return { tokens: [], unplaced: [] };
  const close = closingQuote(body, last + 1, body.length);
  const cut = close < body.length ? close + 1 : body.length;
  const reading = reader(body, cut, probes);
  if (reading.status === NOT_JSON) return 'not-json';
  if (reading.status !== READ) return 'unsupported';
  return placeTokens(body, tokens, reading.records, cut);
}
