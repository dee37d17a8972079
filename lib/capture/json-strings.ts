// JSON string escapes read from raw text: which escape stands at an offset, and decoding a string JSON.parse accepts.

/** escapeAt: not an escape JSON allows. */
export const INVALID_ESCAPE = 0;
/** escapeAt: a one-letter escape (`\n`, `\/`, …). */
const LETTER_ESCAPE = 1;
/** escapeAt: a `\uXXXX` escape. */
const UNICODE_ESCAPE = 2;

function isHexCode(code: number): boolean {
  return (code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 102);
}

/** `"`, `\`, `/`, `b`, `f`, `n`, `r`, `t`: the one-letter escapes. */
function isEscapeLetter(code: number): boolean {
  return (
    code === 34 ||
    code === 92 ||
    code === 47 ||
    code === 98 ||
    code === 102 ||
    code === 110 ||
    code === 114 ||
    code === 116
  );
}

/** The kind of escape whose backslash is at `slash`, as JSON.parse rules on it. */
export function escapeAt(body: string, slash: number): number {
  const letter = body.charCodeAt(slash + 1);
  if (letter !== 117 /* u */) return isEscapeLetter(letter) ? LETTER_ESCAPE : INVALID_ESCAPE;
  for (let h = slash + 2; h < slash + 6; h++) {
    if (!isHexCode(body.charCodeAt(h))) return INVALID_ESCAPE;
  }
  return UNICODE_ESCAPE;
}

/** The text of the JSON string spanning `start` … `end` (its quotes), which the scan found valid. */
export function decodeString(body: string, start: number, end: number): string {
  try {
    return JSON.parse(body.slice(start, end + 1)) as string;
  } catch {
    // Unreachable: the scan has ruled on every escape and control character as JSON.parse does.
    return body.slice(start + 1, end);
  }
}
