// Tests for attributeJsonPaths: paths read from the body's start to the last token, against a recursive-descent reference and JSON.parse.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertyParameters } from '../../tests/fast-check';
import { findTokens, findTokensInJson } from '../jose/find';
import { attributeJsonPaths, type JsonPathAnswer } from './json-paths';
import { applyChanges, change, doc, leaf, token } from './testing/json-arbitraries';
import { oracleJsonPaths } from './testing/prefix-oracle';

function attributed(body: string): JsonPathAnswer {
  return attributeJsonPaths(body, findTokens(body));
}

function paths(body: string): Array<[string, string]> | string {
  const answer = attributed(body);
  return typeof answer === 'string' ? answer : answer.tokens.map((t) => [t.path, t.token]);
}

describe('attributeJsonPaths', () => {
  it('gives each token the path of the string value holding it', () => {
    const body = JSON.stringify({
      data: { jwsResult: token(1), list: [1, null, `see ${token(2)} and ${token(3)}.`] },
      'odd key': [{ t: token(4) }],
    });
    expect(paths(body)).toEqual([
      ['$.data.jwsResult', token(1)],
      ['$.data.list[2]', token(2)],
      ['$.data.list[2]', token(3)],
      ['$["odd key"][0].t', token(4)],
    ]);
    expect(paths(JSON.stringify(token(5)))).toEqual([['$', token(5)]]);
    expect(paths(`[[],[["x","${token(1)}"]],{}]`)).toEqual([['$[1][0][1]', token(1)]]);
  });

  it('gives no path to a token in a key, and says which raw hits it left', () => {
    const body = JSON.stringify({ [token(1)]: 1, v: token(2), w: `\n${token(3)}` });
    const reading = attributed(body);
    if (typeof reading === 'string') throw new Error(reading);
    expect(reading.tokens).toEqual([
      { path: '$.v', token: token(2) },
      { path: '$.w', token: token(3) },
    ]);
    // The key's, and the one in an escaped string (found again in its decoded text).
    expect(reading.unplaced.map((hit) => hit.token)).toEqual([token(1), token(3)]);
  });

  it('reads up to the end of the last token’s string: a truncated or trailing body keeps its paths', () => {
    const t = token(1);
    expect(paths(`{"a":"${t}","b":[1,2`)).toEqual([['$.a', t]]);
    expect(paths(`{"a":"${t}"}} garbage`)).toEqual([['$.a', t]]);
    expect(paths(`{"a":"${t}","b":"\\x"}`)).toEqual([['$.a', t]]);
    expect(paths(`{"a":"${t}`)).toEqual([['$.a', t]]);
    // Not inside an escape, though: what follows a backslash is not there to check.
    expect(paths(`{"a":"x ${t}\\`)).toBe('not-json');
    // Each occurrence of a repeated key is a path of its own, in document order.
    expect(paths(`{"a":"${t}","a":"${token(2)}"}`)).toEqual([
      ['$.a', t],
      ['$.a', token(2)],
    ]);
    expect(paths(`{"b":"${t}","1":"${token(2)}"}`)).toEqual([
      ['$.b', t],
      ['$["1"]', token(2)],
    ]);
  });

  it('refuses text that is not JSON before the last token, and parses nothing deeper than 1,000', () => {
    const t = token(1);
    for (const body of [
      `{"a":"${t}\n"}`,
      `{"a":"${t}\t"}`,
      `{"a":"\u0001","b":"${t}"}`,
      `{"a":"${t}\\x"}`,
      `{"a":"${t}\\u12"}`,
      `{"a":1 2,"b":"${t}"}`,
      `{"a" "${t}"}`,
      `["x" "${t}"]`,
      `["x"]["${t}"]`,
      `[,"${t}"]`,
      `{"a":1,}"${t}"`,
      `{a:"${t}"}`,
      `["x"}"${t}"`,
      `[\\"${t}"]`,
    ]) {
      expect(attributed(body), body.slice(0, 40)).toBe('not-json');
    }
    expect(attributed(`${'['.repeat(1000)}"${t}"`)).not.toBe('unsupported');
    expect(attributed(`${'['.repeat(1001)}"${t}"`)).toBe('unsupported');
    // Line breaks and tabs between strings are whitespace; numbers and literals are not checked.
    const pretty = JSON.stringify({ x: ['a', 'b'], t }, null, '\t').replaceAll('\n', '\r\n');
    expect(paths(pretty)).toEqual([['$.t', t]]);
    expect(paths(`{"n":01,"m":tru,"t":"${t}"}`)).toEqual([['$.t', t]]);
  });

  it('reads escaped strings as JSON does: decoded keys, tokens the raw text hides or splits', () => {
    const t = token(1);
    expect(paths(`{"\\u0061":"${t}"}`)).toEqual([['$.a', t]]);
    expect(paths(`{"\\"q\\"":["${t}"]}`)).toEqual([['$["\\"q\\""][0]', t]]);
    const hidden = t.replaceAll('.', '\\u002e');
    expect(findTokens(`{"a":"${hidden}"}`)).toEqual([]);
    expect(paths(`{"a":"${hidden}"}`)).toEqual([['$.a', t]]);
    expect(paths(`{"u":"https:\\/\\/x\\/${t}"}`)).toEqual([['$.u', t]]);
    expect(paths(`{"a":"\\n${t}","b":[1,"${token(2)}"]}`)).toEqual([
      ['$.a', t],
      ['$.b[1]', token(2)],
    ]);
    // A `\u` that may decode to token characters is read to; one that cannot (Arabic) is not.
    expect(paths(`{"t":"${t}","name":"\\u0645\\u062d","bad":"\\x"}`)).toEqual([['$.t', t]]);
    expect(attributed(`{"t":"${t}","x":"\\u0041\\x"}`)).toBe('not-json');
    const bidi = '\u202Eevil';
    expect(paths(JSON.stringify({ [bidi]: { 'a b': t } }))).toEqual([
      [`$[${JSON.stringify(bidi)}]["a b"]`, t],
    ]);
  });

  it('answers as the recursive-descent reference on generated, escaped and broken JSON (property)', () => {
    fc.assert(
      fc.property(
        doc,
        fc.array(change, { maxLength: 3 }),
        fc.boolean(),
        (text, changes, indent) => {
          const body = applyChanges(indent ? text.replaceAll(',', ',\n ') : text, changes);
          const tokens = findTokens(body);
          expect(attributeJsonPaths(body, tokens)).toEqual(oracleJsonPaths(body, tokens));
        },
      ),
      propertyParameters(),
    );
    // 10,000 CPU-bound runs: a machine shared with other work needs more than the default 20 s.
  }, 60_000);

  it('equals JSON.parse and a walk on JSON without repeated or index-like keys (property)', () => {
    const plainKey = fc.string({ maxLength: 5 }).filter((k) => !/^(0|[1-9]\d*)$/.test(k));
    const value = fc.letrec<{ node: unknown }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        leaf,
        fc.array(tie('node'), { maxLength: 4 }),
        fc.dictionary(plainKey, tie('node'), { maxKeys: 5 }),
      ),
    })).node;
    fc.assert(
      fc.property(value, fc.boolean(), (v, indent) => {
        const body = JSON.stringify(v, null, indent ? 2 : undefined);
        const answer = attributed(body);
        if (typeof answer === 'string') throw new Error(answer);
        expect(answer.tokens).toEqual(
          findTokensInJson(JSON.parse(body)).map(({ path, token: t }) => ({ path, token: t })),
        );
      }),
      propertyParameters(),
    );
  }, 60_000);
});
