// Generated JSON-ish bodies for property tests of JSON reading: documents with tokens, and edits that escape, cut or break them.
import fc from 'fast-check';
import { base64url } from 'jose';

const b64 = (value: string) => base64url.encode(value);

/** A small compact JWS, distinct per `n`. */
export const token = (n: number) =>
  `${b64('{"alg":"RS256","kid":"k"}')}.${b64(JSON.stringify({ jti: `j-${n}` }))}.${b64('sig')}`;

/** JSON text written member by member, so keys may repeat and come in any order. */
const tokenText = fc.nat({ max: 6 }).map((n) => token(n));
export const leaf = fc.oneof(
  fc.jsonValue({ maxDepth: 1 }),
  tokenText,
  tokenText,
  tokenText.map((x) => `see ${x}.`),
  fc.tuple(tokenText, tokenText).map(([x, y]) => `${x} ${y}`),
);
const key = fc.oneof(
  fc.string({ maxLength: 5 }),
  fc.constantFrom('access_token', 'id_token', '0', '12', 'a b', '\u202E', '__proto__', '"', '\\'),
  tokenText,
);
export const doc: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small' },
    leaf.map((v) => JSON.stringify(v)),
    fc.array(tie('node'), { maxLength: 4 }).map((items) => `[${items.join(',')}]`),
    fc
      .array(fc.tuple(key, tie('node')), { maxLength: 5 })
      .map((members) => `{${members.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`),
  ),
})).node;

/** Escapes the character at `at` as `\uXXXX` when it is a letter, digit or dot. */
function escapeAt(text: string, at: number): string {
  const char = text.charAt(at);
  if (!/[A-Za-z0-9.]/.test(char)) return text;
  return `${text.slice(0, at)}\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}${text.slice(at + 1)}`;
}

export const change: fc.Arbitrary<Change> = fc.oneof(
  fc.record({ kind: fc.constant('escape' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.constantFrom(
      '\\/',
      '\\u002e',
      '\\u12',
      '\\',
      '"',
      ',',
      '}',
      ']',
      '[',
      '{',
      ':',
      '"a":1,',
      '\n',
      '\t',
      '\r',
      '\u0001',
      'x',
      ' ',
      '1 2',
      '\u00e9',
    ),
  }),
);

export type Change =
  { kind: 'escape' | 'truncate'; at: number } | { kind: 'insert'; at: number; text: string };

export function applyChanges(text: string, changes: readonly Change[]): string {
  let body = text;
  for (const step of changes) {
    const at = step.at % (body.length + 1);
    if (step.kind === 'escape') body = escapeAt(body, at);
    else if (step.kind === 'truncate') body = body.slice(0, at);
    else if (step.kind === 'insert') body = body.slice(0, at) + step.text + body.slice(at);
  }
  return body;
}
