// JSON numbers and literals (`true`, `false`, `null`) read from raw text: where each one ends.

const MINUS = 45;
const DOT = 46;
const ZERO = 48;
const NINE = 57;
const LOWER_F = 102;
const LOWER_N = 110;
const LOWER_T = 116;

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

/** Offset after the `true`, `false`, `null` or number at `at`, or -1 when there is none. */
export function literalEnd(body: string, at: number): number {
  // Dispatch on the first character: numbers are the commonest, then the three words.
  const code = body.charCodeAt(at);
  if (code === MINUS || isDigit(code)) return numberEnd(body, at);
  if (code === LOWER_N) return body.startsWith('null', at) ? at + 4 : -1;
  if (code === LOWER_T) return body.startsWith('true', at) ? at + 4 : -1;
  if (code === LOWER_F) return body.startsWith('false', at) ? at + 5 : -1;
  return -1;
}
