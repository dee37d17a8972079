// Tests for attributeJsonPaths: the offset-based JSON paths equal the parse-and-walk's, or it declines.
import fc from 'fast-check';
import { base64url } from 'jose';
import { describe, expect, it } from 'vitest';
import { propertyParameters } from '../../tests/fast-check';
import { findTokens, findTokensInJson } from '../jose/find';
import { attributeJsonPaths } from './json-paths';

const b64 = (value: string) => base64url.encode(value);
const token = (n: number) =>
  `${b64('{"alg":"RS256","kid":"k"}')}.${b64(JSON.stringify({ jti: `j-${n}` }))}.${b64('sig')}`;

/** The reference: parse, then walk every string value (what extractSightings did before). */
function parseAndWalk(body: string): { path: string; token: string }[] | undefined {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return undefined;
  }
  return findTokensInJson(value).map(({ path, token: t }) => ({ path, token: t }));
}

function attributed(body: string) {
  return attributeJsonPaths(body, findTokens(body))?.tokens;
}

describe('attributeJsonPaths', () => {
  it('gives each token the path of the string value holding it', () => {
    const body = JSON.stringify({
      data: { jwsResult: token(1), list: [1, null, `see ${token(2)} and ${token(3)}.`] },
      'odd key': [{ t: token(4) }],
    });
    expect(attributed(body)).toEqual([
      { path: '$.data.jwsResult', token: token(1) },
      { path: '$.data.list[2]', token: token(2) },
      { path: '$.data.list[2]', token: token(3) },
      { path: '$["odd key"][0].t', token: token(4) },
    ]);
    expect(attributed(JSON.stringify(token(5)))).toEqual([{ path: '$', token: token(5) }]);
  });

  it('gives no path to a token in a key, as the walk reads values only, and says it left it', () => {
    const body = JSON.stringify({ [token(1)]: 1, v: token(2), w: `\n${token(3)}` });
    const reading = attributeJsonPaths(body, findTokens(body));
    expect(reading?.tokens).toEqual([
      { path: '$.v', token: token(2) },
      { path: '$.w', token: token(3) },
    ]);
    // The raw hits it did not place by offset: the key's, and the one in an escaped string.
    expect(reading?.unplaced.map((hit) => hit.token)).toEqual([token(1), token(3)]);
  });

  it('declines what it cannot vouch for: invalid JSON, reordered or duplicate keys, deep nesting', () => {
    const t = token(1);
    for (const body of [
      `{"a":"${t}"`,
      `{"a":"${t}",}`,
      `{"a":"${t}"} x`,
      `{"a":"${t}\n"}`,
      `{"a":"${t}\t"}`,
      `{"x":"\r","a":"${t}"}`,
      `{"a":"${t}\\x"}`,
      `{"a":"${t}\\u12"}`,
      `{"a":"${t}\\"}`,
      `{"a":"\\u0001${t}","b":"\u0001"}`,
      `{"a":01,"b":"${t}"}`,
      `{"a":tru,"b":"${t}"}`,
      `{"b":"${t}","1":"${token(2)}"}`,
      `{"b":"${t}","\\u0031":"x"}`,
      `{"a":"${t}","a":"x"}`,
      `{"a":"${t}","\\u0061":"x"}`,
      `["${t}"]]`,
      `["${t}"}`,
      `{"a" "${t}"}`,
      `["${t}" "x"]`,
      '',
      `${'['.repeat(1001)}"${t}"${']'.repeat(1001)}`,
    ]) {
      expect(attributed(body), body.slice(0, 40)).toBeUndefined();
    }
    // Line breaks and tabs between strings are whitespace.
    const pretty = JSON.stringify({ x: ['a', 'b'], t }, null, '\t').replaceAll('\n', '\r\n');
    expect(attributed(pretty)).toEqual([{ path: '$.t', token: t }]);
    // Duplicate keys in an object holding no token do not matter.
    expect(attributed(`{"x":{"a":1,"a":2},"t":"${t}"}`)).toEqual([{ path: '$.t', token: t }]);
  });

  it('reads escaped strings as JSON.parse does: decoded keys, tokens the raw text hides or splits', () => {
    const t = token(1);
    // `\u0061` is the key `a`; an escaped key that needs quoting keeps JSON quoting in the path.
    expect(attributed(`{"\\u0061":"${t}"}`)).toEqual([{ path: '$.a', token: t }]);
    expect(attributed(`{"\\"q\\"":["${t}"]}`)).toEqual([{ path: '$["\\"q\\""][0]', token: t }]);
    // Escaped dots: the raw text shows no token, the decoded string holds one.
    const hidden = t.replaceAll('.', '\\u002e');
    expect(findTokens(`{"a":"${hidden}"}`)).toEqual([]);
    expect(attributed(`{"a":"${hidden}"}`)).toEqual([{ path: '$.a', token: t }]);
    // `\/` splits what the raw text shows; the decoded string is what counts.
    expect(attributed(`{"u":"https:\\/\\/x\\/${t}"}`)).toEqual([{ path: '$.u', token: t }]);
    // An escape right before a token.
    expect(attributed(`{"a":"\\n${t}","b":[1,"${token(2)}"]}`)).toEqual([
      { path: '$.a', token: t },
      { path: '$.b[1]', token: token(2) },
    ]);
    // Odd and bidi characters in keys.
    const bidi = '\u202Eevil';
    expect(attributed(JSON.stringify({ [bidi]: { 'a b': t } }))).toEqual([
      { path: `$[${JSON.stringify(bidi)}]["a b"]`, token: t },
    ]);
    expect(attributed(`[[],[["x","${t}"]],{}]`)).toEqual([{ path: '$[1][0][1]', token: t }]);
  });

  it('equals the parse-and-walk whenever it answers, and answers for escape-free JSON (property)', () => {
    const leaf = fc.oneof(
      fc.jsonValue({ maxDepth: 2 }),
      fc.nat({ max: 30 }).map((n) => token(n)),
      fc.nat({ max: 30 }).map((n) => `see ${token(n)}.`),
    );
    const doc = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        leaf,
        fc.array(tie('node'), { maxLength: 5 }),
        fc.dictionary(fc.string({ maxLength: 6 }), tie('node'), { maxKeys: 5 }),
      ),
    })).node;
    const edit = fc.record({
      at: fc.nat(),
      text: fc.constantFrom('', ',', '}', ']', '"', ' ', '\\', '1', '{"a":', '\n', '\t', '\r', 'x'),
      indent: fc.boolean(),
    });
    fc.assert(
      fc.property(doc, edit, (value, { at, text, indent }) => {
        const clean = JSON.stringify(value, null, indent ? 2 : undefined);
        const expected = parseAndWalk(clean);
        const got = attributed(clean);
        if (!clean.includes('\\')) {
          // Answers unless an object holding a token has an index-like key.
          if (got === undefined) expect(clean).toMatch(/"(0|[1-9]\d*)":/);
          else expect(got).toEqual(expected);
        } else if (got !== undefined) expect(got).toEqual(expected);
        // A random edit: invalid JSON is always declined; whatever is answered is right.
        const position = at % (clean.length + 1);
        const edited = clean.slice(0, position) + text + clean.slice(position);
        const answer = attributed(edited);
        if (answer !== undefined) expect(answer).toEqual(parseAndWalk(edited));
      }),
      propertyParameters(),
    );
    // 10,000 CPU-bound runs: a machine shared with other work needs more than the default 20 s.
  }, 60_000);
});
