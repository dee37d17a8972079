// Tests that extractSightings' JSON paths equal the reference extraction on every JSON body: escapes, odd keys, malformed and truncated text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertyParameters } from '../../tests/fast-check';
import type { CapturedExchange, Sighting } from './exchange';
import { extractSightings } from './extract';
import { oracleResponseBody } from './testing/extract-oracle';
import { applyChanges, change, doc, token } from './testing/json-arbitraries';

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
    fc.assert(
      fc.property(
        doc,
        fc.array(change, { maxLength: 3 }),
        fc.boolean(),
        fc.constantFrom('application/json', ''),
        (text, changes, indent, mimeType) => {
          const body = applyChanges(indent ? text.replaceAll(',', ',\n ') : text, changes);
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
