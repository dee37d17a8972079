// Tests for findTokens, findTokensInJson and normalizeTokenInput: shapes, boundaries, escapes and linear time.
import { beforeAll, describe, expect, it } from 'vitest';
import { findTokens, findTokensInJson, MAX_JSON_DEPTH, normalizeTokenInput } from './find';
import {
  encryptToken,
  generateTestKeyPair,
  mintToken,
  mintUnsignedToken,
  type TestKeyPair,
} from './testing/tokens';

let signer: TestKeyPair;
let jws: string;
let jwe: string;
let unsigned: string;

beforeAll(async () => {
  signer = await generateTestKeyPair('ES256', 'finder');
  jws = await mintToken({ sub: 'x', n: 1 }, { key: signer });
  const recipient = await generateTestKeyPair('ECDH-ES', 'enc');
  jwe = await encryptToken('hello', { key: recipient, alg: 'ECDH-ES', enc: 'A256GCM' });
  unsigned = mintUnsignedToken({ sub: 'x' });
});

const b64 = (value: string) => Buffer.from(value).toString('base64url');

describe('findTokens', () => {
  it('finds a bare JWS and reports its offsets', () => {
    expect(findTokens(jws)).toEqual([{ token: jws, format: 'jws', start: 0, end: jws.length }]);
    const text = `token: ${jws} end`;
    const [hit] = findTokens(text);
    expect(hit?.start).toBe(7);
    expect(text.slice(hit?.start, hit?.end)).toBe(jws);
  });

  it('keeps base64 padding after the last segment, so the token is checked as sent', () => {
    // An ES256 signature is 86 characters: "==" completes its last quantum.
    expect(findTokens(`{"jws":"${jws}=="}`).map((t) => t.token)).toEqual([`${jws}==`]);
    expect(findTokens(`${jws}==`).map((t) => t.token)).toEqual([`${jws}==`]);
    // Not padding: one '=' cannot complete it, and "=x" is the start of something else.
    expect(findTokens(`${jws}= `).map((t) => t.token)).toEqual([jws]);
    expect(findTokens(`t=${jws}&u=1`).map((t) => t.token)).toEqual([jws]);
  });

  it('finds a JWE (5 segments, header with enc) and tells it from a JWS', () => {
    expect(findTokens(`a ${jwe} b ${jws}`).map((t) => [t.format, t.token])).toEqual([
      ['jwe', jwe],
      ['jws', jws],
    ]);
  });

  it('finds tokens in JSON text, Bearer headers, form and query strings', () => {
    expect(findTokens(JSON.stringify({ data: { jwsResult: jws } }))[0]?.token).toBe(jws);
    expect(findTokens(`Authorization: Bearer ${jws}`)[0]?.token).toBe(jws);
    expect(findTokens(`grant=1&id_token=${jws}&state=abc`)[0]?.token).toBe(jws);
    expect(findTokens(`https://example.test/cb?token=${jws}#x`)[0]?.token).toBe(jws);
  });

  it('skips JSON and percent escapes directly in front of a token', () => {
    expect(findTokens(`"line1\\n${jws}"`)[0]?.token).toBe(jws);
    expect(findTokens(`"\\u003d${jws}"`)[0]?.token).toBe(jws);
    expect(findTokens(`token%3D${jws}%26x`)[0]?.token).toBe(jws);
    // A backslash-u that is not a \uXXXX escape does not swallow the token.
    expect(findTokens(`\\u ${jws}`)[0]?.token).toBe(jws);
  });

  it('accepts a trailing full stop and an alg none token with its empty signature', () => {
    expect(findTokens(`Here it is: ${jws}.`)[0]?.token).toBe(jws);
    expect(findTokens(`x ${unsigned} y`)[0]?.token).toBe(unsigned);
  });

  it('rejects look-alikes: wrong segment counts, non-JSON headers, headers without alg', () => {
    const [h, p, s] = jws.split('.') as [string, string, string];
    expect(findTokens(`${h}.${p}`)).toEqual([]);
    expect(findTokens(`${h}.${p}.${s}.more`)).toEqual([]);
    expect(findTokens(`${b64('not json')}.${p}.${s}`)).toEqual([]);
    expect(findTokens(`${b64('{"typ":"JWT"}')}.${p}.${s}`)).toEqual([]);
    expect(findTokens(`${b64('[1,2]')}.${p}.${s}`)).toEqual([]);
    expect(findTokens('www.example.com')).toEqual([]);
    // A JWS header with an empty signature is not a token unless alg is none.
    expect(findTokens(`${h}.${p}.`)).toEqual([]);
    // A token glued to other letters is not split out of them.
    expect(findTokens(`abc${jws}`)).toEqual([]);
  });

  it('finds a token after unrelated dotted text in the same run', () => {
    expect(findTokens(`v1.2.${jws}`)[0]?.token).toBe(jws);
  });

  it('finds many tokens in order', () => {
    const hits = findTokens([jws, jwe, jws, unsigned].join('\n'));
    expect(hits.map((t) => t.token)).toEqual([jws, jwe, jws, unsigned]);
  });

  it('returns [] for non-string input instead of throwing', () => {
    expect(findTokens(undefined as unknown as string)).toEqual([]);
    expect(findTokens(42 as unknown as string)).toEqual([]);
  });

  it('finds the one real token in a 5 MB body with thousands of near-miss eyJ fragments', () => {
    const header = b64('{"alg":"RS256"}');
    const fragments = [
      'eyJ',
      'eyJhbGciOiJIUzI1NiJ9',
      `${header}.eyJ`,
      `${header}.${header}.`,
      'eyJ.eyJ.eyJ.eyJ.eyJ',
      `${header}.a.b.c.d.e.f`,
      '"eyJhbGciOi":"eyJ..eyJ"',
      'eyJ'.repeat(50),
      `${'e.'.repeat(40)}eyJ`,
    ];
    const parts: string[] = [];
    let size = 0;
    for (let i = 0; size < 5 * 1024 * 1024; i++) {
      const piece = `${fragments[i % fragments.length]} ${i % 7 === 0 ? 'x'.repeat(200) : ''}`;
      parts.push(piece);
      size += piece.length;
    }
    parts.push(` ${jws}`);
    const body = parts.join('');
    expect(body.length).toBeGreaterThan(5 * 1024 * 1024);
    expect(parts.length).toBeGreaterThan(10_000);

    // Speed on this input is measured against a baseline by `npm run bench`, not here.
    expect(findTokens(body).map((t) => t.token)).toEqual([jws]);
  });

  it('ignores a header-like segment over the size cap without decoding the rest', () => {
    const huge = `e${'A'.repeat(70 * 1024)}`;
    expect(findTokens(`${huge}.${huge}.${huge}`)).toEqual([]);
  });
});

describe('findTokensInJson', () => {
  it('reports JSON paths with dot, index and bracket notation', () => {
    const value = {
      data: { jwsResult: jws },
      items: [jwe, { 'odd key': `Bearer ${jws}` }],
      plain: 'nothing here',
      n: 5,
    };
    expect(findTokensInJson(value)).toEqual([
      { path: '$.data.jwsResult', token: jws, format: 'jws' },
      { path: '$.items[0]', token: jwe, format: 'jwe' },
      { path: '$.items[1]["odd key"]', token: jws, format: 'jws' },
    ]);
  });

  it('finds a token as the root string and inside stringified JSON', () => {
    expect(findTokensInJson(jws)).toEqual([{ path: '$', token: jws, format: 'jws' }]);
    expect(findTokensInJson({ body: JSON.stringify({ t: jws }) })[0]?.path).toBe('$.body');
  });

  it('walks 100 000 levels of nesting without overflowing, stopping at the depth cap', () => {
    const text = `${'{"a":['.repeat(100_000)}"${jws}"${']}'.repeat(100_000)}`;
    const deep = JSON.parse(text) as unknown;
    expect(findTokensInJson({ top: jws, deep })).toEqual([
      { path: '$.top', token: jws, format: 'jws' },
    ]);
    // Within the cap the token is found, with its full path.
    let nested: unknown = jws;
    for (let i = 0; i < 200; i++) nested = [nested];
    const [hit] = findTokensInJson(nested);
    expect(hit?.path).toBe(`$${'[0]'.repeat(200)}`);
    expect(MAX_JSON_DEPTH).toBeGreaterThan(200);
  });

  it('visits shared and cyclic references once', () => {
    const shared = { t: jws };
    const cyclic: Record<string, unknown> = { shared, again: shared };
    cyclic.self = cyclic;
    expect(findTokensInJson(cyclic)).toEqual([{ path: '$.shared.t', token: jws, format: 'jws' }]);
  });
});

describe('normalizeTokenInput', () => {
  it('trims whitespace, a leading Bearer and surrounding quotes', () => {
    expect(normalizeTokenInput(`  ${jws}\n`)).toBe(jws);
    expect(normalizeTokenInput(`Bearer ${jws}`)).toBe(jws);
    expect(normalizeTokenInput(`bearer\t${jws}`)).toBe(jws);
    expect(normalizeTokenInput(`"${jws}"`)).toBe(jws);
    expect(normalizeTokenInput('Bearerish')).toBe('Bearerish');
  });
});
