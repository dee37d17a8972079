// Finding compact JWS/JWE tokens in arbitrary text and in parsed JSON, in linear time.
import { decodeHeaderSegment, isBase64urlCode, MAX_HEADER_SEGMENT_LENGTH } from './decode';

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

/**
 * Finds compact JWS (3 segments) and JWE (5 segments) tokens in text: raw bodies, JSON text,
 * form-encoded or query strings, headers. A candidate counts only when its first segment decodes to
 * a JSON object header with `alg` (and `enc` for JWE). One pass over maximal runs of base64url
 * characters and dots; each segment is decoded at most once, so the work is linear in the input.
 * JSON escapes (`\n`, `\u003d`) and percent-escapes (`%3D`) directly before a token are skipped so
 * their trailing letters are not glued onto it. Never throws.
 */
export function findTokens(text: string): FoundToken[] {
  const found: FoundToken[] = [];
  if (typeof text !== 'string') return found;
  const length = text.length;
  let i = 0;
  while (i < length) {
    const code = text.charCodeAt(i);
    if (isBase64urlCode(code) || code === DOT) {
      const runStart = i;
      const dots: number[] = [];
      while (i < length) {
        const c = text.charCodeAt(i);
        if (c === DOT) dots.push(i);
        else if (!isBase64urlCode(c)) break;
        i++;
      }
      if (dots.length >= 2) collectFromRun(text, runStart, i, dots, found);
      continue;
    }
    if (code === BACKSLASH && i + 1 < length) {
      const next = text.charCodeAt(i + 1);
      if (next === 117 /* u */) i += 6;
      else if (isJsonEscapeLetter(next)) i += 2;
      else i += 1;
      continue;
    }
    if (
      code === PERCENT &&
      i + 2 < length &&
      isHexCode(text.charCodeAt(i + 1)) &&
      isHexCode(text.charCodeAt(i + 2))
    ) {
      i += 3;
      continue;
    }
    i++;
  }
  return found;
}

/** Looks for tokens in one run of base64url characters and dots, given the dots' positions. */
function collectFromRun(
  text: string,
  runStart: number,
  runEnd: number,
  dots: number[],
  found: FoundToken[],
): void {
  const segmentCount = dots.length + 1;
  const startOf = (k: number): number => (k === 0 ? runStart : (dots[k - 1] as number) + 1);
  const endOf = (k: number): number => (k < dots.length ? (dots[k] as number) : runEnd);
  const lengthOf = (k: number): number => endOf(k) - startOf(k);
  // A token must end the run, or be followed only by an empty segment (a sentence's full stop).
  const endsCleanly = (last: number): boolean =>
    last + 1 >= segmentCount || lengthOf(last + 1) === 0;

  let k = 0;
  while (k + 2 < segmentCount) {
    const start = startOf(k);
    const headerLength = lengthOf(k);
    // Every JSON object header starts with '{', whose base64url encoding starts with 'e'.
    if (text.charCodeAt(start) !== LOWER_E || headerLength > MAX_HEADER_SEGMENT_LENGTH) {
      k++;
      continue;
    }
    const decoded = decodeHeaderSegment(text.slice(start, endOf(k)));
    if (!decoded.ok || typeof decoded.header.alg !== 'string') {
      k++;
      continue;
    }
    const { alg, enc } = decoded.header;
    if (typeof enc === 'string') {
      const last = k + 4;
      if (
        last < segmentCount &&
        lengthOf(k + 2) > 0 &&
        lengthOf(k + 4) > 0 &&
        endsCleanly(last) &&
        endOf(last) - start <= MAX_TOKEN_LENGTH
      ) {
        const end = endOf(last);
        found.push({ token: text.slice(start, end), format: 'jwe', start, end });
        k = last + 1;
        continue;
      }
    } else {
      const last = k + 2;
      const unsigned = alg.toLowerCase() === 'none';
      if (
        (lengthOf(last) > 0 || unsigned) &&
        endsCleanly(last) &&
        endOf(last) - start <= MAX_TOKEN_LENGTH
      ) {
        const end = endOf(last);
        found.push({ token: text.slice(start, end), format: 'jws', start, end });
        k = last + 1;
        continue;
      }
    }
    k++;
  }
}

/** One step of a JSON path, kept as a linked list so deep nesting costs nothing until a hit. */
interface PathNode {
  parent: PathNode | undefined;
  key: string | number;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Renders a path such as `$.data.jwsResult`, `$.items[0]` or `$["odd key"]`. */
function renderPath(node: PathNode | undefined): string {
  const parts: string[] = [];
  for (let n = node; n; n = n.parent) {
    if (typeof n.key === 'number') parts.push(`[${n.key}]`);
    else if (IDENTIFIER.test(n.key)) parts.push(`.${n.key}`);
    else parts.push(`[${JSON.stringify(n.key)}]`);
  }
  parts.push('$');
  return parts.reverse().join('');
}

/**
 * Finds tokens in every string value of parsed JSON, at any depth (up to MAX_JSON_DEPTH), in
 * document order. Iterative, so deep nesting cannot overflow the call stack; shared or cyclic
 * references are visited once. Never throws.
 */
export function findTokensInJson(value: unknown): JsonToken[] {
  const results: JsonToken[] = [];
  const seen = new Set<object>();
  const stack: Array<{ value: unknown; path: PathNode | undefined; depth: number }> = [
    { value, path: undefined, depth: 0 },
  ];
  while (stack.length > 0) {
    const entry = stack.pop() as { value: unknown; path: PathNode | undefined; depth: number };
    const current = entry.value;
    if (typeof current === 'string') {
      for (const hit of findTokens(current)) {
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
