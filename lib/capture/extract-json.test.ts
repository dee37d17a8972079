// Tests that extractSightings' JSON paths equal the reference extraction on every JSON body: escapes, odd keys, malformed and truncated text.
import fc from 'fast-check';
import { base64url } from 'jose';
import { describe, expect, it } from 'vitest';
import { propertyParameters } from '../../tests/fast-check';
import type { CapturedExchange, Sighting } from './exchange';
import { extractSightings } from './extract';
import { oracleResponseBody } from './testing/extract-oracle';

const b64 = (value: string) => base64url.encode(value);
const token = (n: number) =>
  `${b64('{"alg":"RS256","kid":"k"}')}.${b64(JSON.stringify({ jti: `j-${n}` }))}.${b64('sig')}`;

function responseSightings(body: string, mimeType: string): Sighting[] {
  const exchange: CapturedExchange = {
    id: 'x',
    time: 0,
    method: 'GET',
    url: 'https://app.example/api',
    status: 200,
    requestHeaders: [],
    responseHeaders: [],
    responseBody: body,
    responseMimeType: mimeType,
    source: 'paste',
  };
  return extractSightings(exchange);
}

/** The sightings the reference extraction gives a JSON response body, token-endpoint marks included. */
function expectedSightings(body: string): Sighting[] {
  return oracleResponseBody(body).map(({ path, token: t }) => {
    const sighting: Sighting = { location: 'response.body', token: t };
    if (path !== undefined) sighting.path = path;
    if (path === '$.access_token' || path === '$.id_token') sighting.seenAs = 'token-endpoint';
    return sighting;
  });
}

/** Escapes the character at `at` as `\uXXXX` when it is a letter, digit or dot (a no-op inside a string). */
function escapeAt(text: string, at: number): string {
  const char = text.charAt(at);
  if (!/[A-Za-z0-9.]/.test(char)) return text;
  const escape = `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
  return text.slice(0, at) + escape + text.slice(at + 1);
}

describe('extractSightings on JSON bodies', () => {
  const t = token(1);
  const cases: Array<[string, string]> = [
    ['plain value', `{"data":{"jwsResult":"${t}"}}`],
    ['token endpoint', `{"access_token":"${t}","id_token":"${token(2)}","x":"${t}"}`],
    ['same token twice at one path', `{"a":"${t} ${t}","b":["${t}"]}`],
    ['token in a key', `{"${t}":1,"v":"${token(2)}"}`],
    ['escaped key', `{"\\u0061":"${t}","\\"":"${token(2)}"}`],
    ['escaped dots', `{"a":"${t.replaceAll('.', '\\u002e')}"}`],
    ['alg marker \\u-escaped', `{"a":"${t.slice(0, 2)}\\u004a${t.slice(3)}","b":"\\n"}`],
    ['many short escaped strings', `[${'"\\/x",'.repeat(50)}"${t}","\\t${token(2)}"]`],
    ['token split by \\/', `{"a":"${t.slice(0, 20)}\\/${t.slice(20)}"}`],
    ['escaped slash before', `{"u":"https:\\/\\/x\\/${t}"}`],
    ['duplicate keys', `{"a":"${t}","a":"${token(2)}"}`],
    ['index-like keys', `{"b":"${t}","1":"${token(2)}","0":"x"}`],
    ['truncated', `{"a":"${t}","b":[1,2`],
    ['trailing garbage', `{"a":"${t}"}}`],
    ['invalid escape', `{"a":"${t}","b":"\\x"}`],
    ['raw control character with an escape', `{"a":"${t}\\n","b":"\u0001"}`],
    ['top-level string', JSON.stringify(t)],
    ['deep nesting', `${'['.repeat(1500)}"${t}"${']'.repeat(1500)}`],
    ['bidi key', JSON.stringify({ '\u202Eevil': [{ 'a b': t }] })],
    ['nested arrays', `[[],[["x","${t}"]],{},[[[{"k":["${token(2)}"]}]]]]`],
  ];
  it.each(cases)('matches the reference extraction: %s', (_, body) => {
    expect(responseSightings(body, 'application/json')).toEqual(expectedSightings(body));
  });

  it('gives the paths expected of it', () => {
    const paths = (body: string) =>
      responseSightings(body, 'application/json').map((s) => [s.path, s.token]);
    expect(paths(`{"\\u0061":"${t}"}`)).toEqual([['$.a', t]]);
    expect(paths(`{"a":"${t.replaceAll('.', '\\u002e')}"}`)).toEqual([['$.a', t]]);
    expect(paths(`{"a":"${t}"`)).toEqual([['$.a', t]]);
    expect(paths(`{"a" 1,"b":"${t}"}`)).toEqual([[undefined, t]]);
    expect(paths(`{"${t}":1}`)).toEqual([[undefined, t]]);
  });

  it('matches the reference extraction on generated, escaped and broken JSON (property)', () => {
    const tokenText = fc.nat({ max: 6 }).map((n) => token(n));
    const leaf = fc.oneof(
      fc.jsonValue({ maxDepth: 1 }),
      tokenText,
      tokenText,
      tokenText.map((x) => `see ${x}.`),
      fc.tuple(tokenText, tokenText).map(([x, y]) => `${x} ${y}`),
    );
    const key = fc.oneof(
      fc.string({ maxLength: 5 }),
      fc.constantFrom('access_token', 'id_token', '0', '12', 'a b', '\u202E', '__proto__', '"'),
      tokenText,
    );
    // JSON text written member by member, so keys come in any order and may repeat.
    const doc: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        leaf.map((v) => JSON.stringify(v)),
        fc.array(tie('node'), { maxLength: 4 }).map((items) => `[${items.join(',')}]`),
        fc
          .array(fc.tuple(key, tie('node')), { maxLength: 5 })
          .map((members) => `{${members.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`),
      ),
    })).node;
    const change = fc.oneof(
      fc.record({ kind: fc.constant('escape' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
      fc.record({
        kind: fc.constant('insert' as const),
        at: fc.nat(),
        text: fc.constantFrom(
          '\\/',
          '\\u002e',
          '\\',
          '"',
          ',',
          '}',
          ']',
          '"a":1,',
          '\n',
          '\t',
          '\r',
          'x',
          ' ',
        ),
      }),
    );
    fc.assert(
      fc.property(
        doc,
        fc.array(change, { maxLength: 3 }),
        fc.boolean(),
        fc.constantFrom('application/json', ''),
        (text, changes, indent, mimeType) => {
          let body = indent ? text.replaceAll(',', ',\n ') : text;
          for (const step of changes) {
            const at = step.at % (body.length + 1);
            if (step.kind === 'escape') body = escapeAt(body, at);
            else if (step.kind === 'truncate') body = body.slice(0, at);
            else body = body.slice(0, at) + step.text + body.slice(at);
          }
          const got = responseSightings(body, mimeType);
          // Without a JSON Content-Type only a body that starts like JSON is read as JSON.
          if (mimeType === '' && !/^\s*[[{]/.test(body)) return;
          expect(got).toEqual(expectedSightings(body));
        },
      ),
      propertyParameters(),
    );
    // 10,000 CPU-bound runs: a machine shared with other work needs more than the default 20 s.
  }, 60_000);
});
