// Test-only oracle: the character-by-character findTokens before the indexOf-jumping rewrite, kept to check the new one against.
import { decodeHeaderSegment, isBase64urlCode, MAX_HEADER_SEGMENT_LENGTH } from '../decode';
import { MAX_TOKEN_LENGTH, type FoundToken } from '../find';

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

function mayBeHeader(text: string, start: number, end: number): boolean {
  if (text.charCodeAt(start) !== LOWER_E) return false;
  const length = end - start;
  if (length < MIN_HEADER_LENGTH || length > MAX_HEADER_SEGMENT_LENGTH) return false;
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

/**
 * Finds compact JWS (3 segments) and JWE (5 segments) tokens in text: raw bodies, JSON text,
 * form-encoded or query strings, headers. A candidate counts only when its first segment decodes to
 * a JSON object header with `alg` (and `enc` for JWE). One pass over maximal runs of base64url
 * characters and dots; each segment is decoded at most once, so the work is linear in the input.
 * JSON escapes (`\n`, `\u003d`) and percent-escapes (`%3D`) directly before a token are skipped so
 * their trailing letters are not glued onto it. Never throws.
 */
export function findTokensOracle(text: string): FoundToken[] {
  return keepTrailingPadding(text, scanOracle(text));
}

/**
 * The padding rule added with issue 9, stated independently of the finder: one or two '=' right
 * after a token that complete its last segment to a multiple of 4 characters, followed by a
 * boundary (not base64url, '.' or '='), belong to the token (so padded tokens are inspected as sent).
 */
function keepTrailingPadding(text: string, found: FoundToken[]): FoundToken[] {
  return found.map((token) => {
    const last = token.token.slice(token.token.lastIndexOf('.') + 1);
    const pad = /^={1,2}/.exec(text.slice(token.end, token.end + 3))?.[0] ?? '';
    const after = text.charAt(token.end + pad.length);
    if (pad === '' || (last.length + pad.length) % 4 !== 0 || /[A-Za-z0-9_\-.=]/.test(after)) {
      return token;
    }
    return { ...token, token: token.token + pad, end: token.end + pad.length };
  });
}

function scanOracle(text: string): FoundToken[] {
  const found: FoundToken[] = [];
  if (typeof text !== 'string') return found;
  const length = text.length;
  let i = 0;
  while (i < length) {
    const code = text.charCodeAt(i);
    if (isBase64urlCode(code) || code === DOT) {
      // Fast path: most runs are plain words without dots.
      const runStart = i;
      let dotCount = 0;
      while (i < length) {
        const c = text.charCodeAt(i);
        if (c === DOT) dotCount++;
        else if (!isBase64urlCode(c)) break;
        i++;
      }
      if (dotCount >= 2) {
        const bounds = [runStart - 1];
        for (let j = runStart; j < i; j++) if (text.charCodeAt(j) === DOT) bounds.push(j);
        bounds.push(i);
        collectFromRun(text, bounds, found);
      }
      continue;
    }
    if (code === BACKSLASH && i + 1 < length) {
      const next = text.charCodeAt(i + 1);
      if (
        next === 117 /* u */ &&
        i + 5 < length &&
        isHexCode(text.charCodeAt(i + 2)) &&
        isHexCode(text.charCodeAt(i + 3)) &&
        isHexCode(text.charCodeAt(i + 4)) &&
        isHexCode(text.charCodeAt(i + 5))
      ) {
        i += 6;
      } else if (isJsonEscapeLetter(next)) i += 2;
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
 * Looks for tokens in one run of base64url characters and dots. `bounds` holds the position before
 * the run, every dot, and the run's end: segment k spans bounds[k] + 1 … bounds[k + 1].
 */
function collectFromRun(text: string, bounds: number[], found: FoundToken[]): void {
  const segmentCount = bounds.length - 1;

  let k = 0;
  while (k + 2 < segmentCount) {
    const start = startOf(bounds, k);
    if (!mayBeHeader(text, start, endOf(bounds, k))) {
      k++;
      continue;
    }
    const decoded = decodeHeaderSegment(text.slice(start, endOf(bounds, k)));
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
      const end = endOf(bounds, last);
      found.push({ token: text.slice(start, end), format, start, end });
      k = last + 1;
      continue;
    }
    k++;
  }
}
