// readJsonPrefix: the JSON structure of the beginning of a text, and the paths of the strings that given offsets fall in.
import { escapeAt, INVALID_ESCAPE } from './json-strings';

/** readJsonPrefix read the text as the beginning of a JSON document. */
export const READ = 1;
/** The text is not JSON before `len`. */
export const NOT_JSON = 0;
/** Nested deeper than MAX_PREFIX_DEPTH (or, for the wasm reader, its output area is full). */
export const UNSUPPORTED = 2;

/** Containers nested deeper than this are not read. */
const MAX_PREFIX_DEPTH = 1000;

/**
 * What reading found. `records` (on READ), in document order, one per string value holding probes:
 * the first probe in it, the depth, then per open container from the outermost: `-1 - index` for
 * an array, the offset of the current key's colon for an object; -1 ends the list.
 */
export interface PrefixReading {
  status: typeof READ | typeof NOT_JSON | typeof UNSUPPORTED;
  records: ArrayLike<number>;
}

/** Reads a prefix of JSON text; the wasm reader (json-prefix-wasm.ts) does the same on ASCII bytes. */
export type PrefixReader = (text: string, len: number, probes: ArrayLike<number>) => PrefixReading;

// States before an event (see readJsonPrefix).
const VALUE = 0;
const FIRST = 1;
const KEY_OR_CLOSE = 2;
const KEY = 3;
const AFTER = 4;

// What the gap before the next event holds.
const NOTHING = 0;
const SCALAR = 1;
const STRING = 3;

const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;
const COLON = 58;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;

function isWhitespace(code: number): boolean {
  return code === 32 || code === 10 || code === 13 || code === 9;
}

function isStructural(code: number): boolean {
  return (
    code === COMMA ||
    code === COLON ||
    code === OPEN_BRACE ||
    code === CLOSE_BRACE ||
    code === OPEN_BRACKET ||
    code === CLOSE_BRACKET
  );
}

/** Reading state (module functions over one record, not closures: a hot path). */
interface Reader {
  text: string;
  len: number;
  probes: ArrayLike<number>;
  probeIndex: number;
  /** The next probe (Infinity: none left). */
  probe: number;
  arrays: boolean[];
  indexes: number[];
  colons: number[];
  depth: number;
  state: number;
  gap: number;
  records: number[];
}

/** Whether the escape at `slash` is one JSON allows, reading past len as spaces. */
function isValidEscape(reader: Reader, slash: number): boolean {
  if (slash + 1 >= reader.len) return false;
  // `\uXXXX` must end before len (the hex digits past it read as spaces).
  if (reader.text.charCodeAt(slash + 1) === 117 && slash + 6 > reader.len) return false;
  return escapeAt(reader.text, slash) !== INVALID_ESCAPE;
}

/**
 * The offset of the quote closing the string opened at `at` (len when it runs to len), or -1
 * when it holds a bad escape or a control character before then.
 */
function stringEnd(reader: Reader, at: number): number {
  const { text, len } = reader;
  for (let i = at + 1; i < len; i++) {
    const code = text.charCodeAt(i);
    if (code === QUOTE) return i;
    if (code < 32) return -1;
    if (code === BACKSLASH) {
      if (!isValidEscape(reader, i)) return -1;
      i += text.charCodeAt(i + 1) === 117 ? 5 : 1;
    }
  }
  return len;
}

/** Handles the probes before `event`: a record when they lie in a string value. */
function placeProbes(reader: Reader, event: number): void {
  if (reader.gap === STRING && reader.state <= FIRST) {
    const { records, depth } = reader;
    records.push(reader.probe, depth);
    for (let d = 0; d < depth; d++) {
      records.push(
        reader.arrays[d] ? -1 - (reader.indexes[d] as number) : (reader.colons[d] as number),
      );
    }
  }
  while (reader.probe < event) {
    reader.probeIndex++;
    reader.probe =
      reader.probeIndex < reader.probes.length
        ? (reader.probes[reader.probeIndex] as number)
        : Infinity;
  }
}

/** Opens a container; false when too deep. */
function open(reader: Reader, array: boolean): boolean {
  const d = reader.depth;
  if (d >= MAX_PREFIX_DEPTH) return false;
  reader.arrays[d] = array;
  reader.indexes[d] = 0;
  reader.depth = d + 1;
  reader.state = array ? FIRST : KEY_OR_CLOSE;
  return true;
}

/** After a value: `,` or the innermost closing bracket. False when neither fits. */
function valueDone(reader: Reader, code: number): boolean {
  const d = reader.depth - 1;
  if (d < 0) return false;
  const array = reader.arrays[d] as boolean;
  if (code === COMMA) {
    if (array) reader.indexes[d] = (reader.indexes[d] as number) + 1;
    reader.state = array ? VALUE : KEY;
    return true;
  }
  if (code !== (array ? CLOSE_BRACKET : CLOSE_BRACE)) return false;
  reader.depth = d;
  reader.state = AFTER;
  return true;
}

/** One structural character at `at`: READ, NOT_JSON or UNSUPPORTED. */
function readEvent(reader: Reader, code: number, at: number): number {
  const { gap, state } = reader;
  if (state === VALUE || state === FIRST) {
    if (gap !== NOTHING) return valueDone(reader, code) ? READ : NOT_JSON;
    if (code === OPEN_BRACE || code === OPEN_BRACKET) {
      return open(reader, code === OPEN_BRACKET) ? READ : UNSUPPORTED;
    }
    if (state === FIRST && code === CLOSE_BRACKET) return valueDone(reader, code) ? READ : NOT_JSON;
    return NOT_JSON;
  }
  if (state === AFTER) return gap === NOTHING && valueDone(reader, code) ? READ : NOT_JSON;
  if (state === KEY_OR_CLOSE && code === CLOSE_BRACE && gap === NOTHING) {
    return valueDone(reader, code) ? READ : NOT_JSON;
  }
  if (code !== COLON || gap !== STRING) return NOT_JSON;
  reader.colons[reader.depth - 1] = at;
  reader.state = VALUE;
  return READ;
}

/** Reads a run of scalar characters at `at`: the offset after it, or -1 (a backslash in it). */
function scalarEnd(reader: Reader, at: number): number {
  const { text, len } = reader;
  let i = at;
  for (; i < len; i++) {
    const code = text.charCodeAt(i);
    if (isWhitespace(code) || code === QUOTE || isStructural(code)) break;
    if (code === BACKSLASH) return -1;
  }
  return i;
}

function read(reader: Reader): number {
  const { text, len } = reader;
  let i = 0;
  for (;;) {
    let code = text.charCodeAt(i);
    while (i < len && isWhitespace(code)) code = text.charCodeAt(++i);
    if (i >= len) break;
    if (code === QUOTE) {
      if (reader.gap !== NOTHING) return NOT_JSON;
      const end = stringEnd(reader, i);
      if (end === -1) return NOT_JSON;
      reader.gap = STRING;
      i = end + 1;
    } else if (isStructural(code)) {
      if (reader.probe < i) placeProbes(reader, i);
      const status = readEvent(reader, code, i);
      if (status !== READ) return status;
      reader.gap = NOTHING;
      i++;
    } else {
      if (reader.gap !== NOTHING) return NOT_JSON;
      i = scalarEnd(reader, i);
      if (i === -1) return NOT_JSON;
      reader.gap = SCALAR;
    }
  }
  return readEnd(reader);
}

/**
 * The end of the text: the last gap's probes, and what no continuation could make JSON (a value
 * right after a closing bracket, a key that is not a string).
 */
function readEnd(reader: Reader): number {
  const { gap, state } = reader;
  if (gap !== NOTHING && state === AFTER) return NOT_JSON;
  if (gap === SCALAR && (state === KEY || state === KEY_OR_CLOSE)) return NOT_JSON;
  if (reader.probe !== Infinity) placeProbes(reader, Infinity);
  return READ;
}

/**
 * Reads `text` from its start to `len` as the beginning of a JSON document: strings (escapes as
 * JSON allows them, no control character), structural characters in a JSON order, one value
 * (a string or a run of other characters: numbers and literals are not checked) between two of
 * them, keys as strings, nesting up to MAX_PREFIX_DEPTH. What follows len is not read, and the
 * document may be unfinished there (even inside a string, but not inside an escape). `probes` are increasing offsets below
 * len; each string value holding some yields a record with its path (see PrefixReading).
 */
export function readJsonPrefix(
  text: string,
  len: number,
  probes: ArrayLike<number>,
): PrefixReading {
  const reader: Reader = {
    text,
    len,
    probes,
    probeIndex: 0,
    probe: probes.length > 0 ? (probes[0] as number) : Infinity,
    arrays: [],
    indexes: [],
    colons: [],
    depth: 0,
    state: VALUE,
    gap: NOTHING,
    records: [],
  };
  const status = read(reader) as PrefixReading['status'];
  reader.records.push(-1);
  return { status, records: reader.records };
}
