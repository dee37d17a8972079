// Tests for extractSightings / hasTokenCandidate: every location, paths, dedupe, caps, hostile input.
import fc from 'fast-check';
import { CompactEncrypt, SignJWT, generateKeyPair } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CapturedExchange } from './exchange';
import { MAX_SCAN_CHARS, extractSightings, hasTokenCandidate } from './extract';

let jws: string;
let other: string;
let jwe: string;

beforeAll(async () => {
  const { privateKey } = await generateKeyPair('ES256');
  jws = await new SignJWT({ data: { nonce: 'n1' } })
    .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
    .setJti('5b0e1f2a-3c4d-4e5f-8a9b-0c1d2e3f4a5b')
    .sign(privateKey);
  other = await new SignJWT({ scope: 'x' }).setProtectedHeader({ alg: 'ES256' }).sign(privateKey);
  const encryptionKeys = await generateKeyPair('ECDH-ES');
  jwe = await new CompactEncrypt(new TextEncoder().encode(jws))
    .setProtectedHeader({ alg: 'ECDH-ES', enc: 'A128GCM', cty: 'JWT' })
    .encrypt(encryptionKeys.publicKey);
});

function exchange(fields: Partial<CapturedExchange>): CapturedExchange {
  return {
    id: 'x1',
    time: 0,
    method: 'GET',
    url: 'https://shop.example/api',
    status: 200,
    requestHeaders: [],
    responseHeaders: [],
    source: 'paste',
    ...fields,
  };
}

describe('hasTokenCandidate', () => {
  it('is true only when a protected header could start in the text', () => {
    expect(hasTokenCandidate(`x ${'eyJhbGciOiJub25lIn0'}`)).toBe(true);
    expect(hasTokenCandidate('{"ok":true}')).toBe(false);
    expect(hasTokenCandidate('')).toBe(false);
  });
});

describe('extractSightings: headers and query', () => {
  it('reports a Bearer Authorization header by header name, as a bearer credential', () => {
    const sightings = extractSightings(
      exchange({
        requestHeaders: [
          { name: 'Authorization', value: `Bearer ${jws}` },
          { name: 'X-Other', value: other },
          { name: 'Accept', value: 'application/json' },
        ],
      }),
    );
    expect(sightings).toEqual([
      { location: 'request.header', path: 'Authorization', token: jws, seenAs: 'bearer' },
      { location: 'request.header', path: 'X-Other', token: other },
    ]);
  });

  it('reports response headers', () => {
    const sightings = extractSightings(
      exchange({ responseHeaders: [{ name: 'X-Refreshed-Token', value: other }] }),
    );
    expect(sightings).toEqual([
      { location: 'response.header', path: 'X-Refreshed-Token', token: other },
    ]);
  });

  it('reads query values percent-decoded, by parameter name, ignoring the fragment', () => {
    const hidden = `%65${jws.slice(1)}`; // "%65" is "e": the raw URL has no "eyJ" at all
    const url =
      `https://shop.example/cb?id_token=${jws}&state=abc&next=${encodeURIComponent(`https://x.example/?t=${other}`)}` +
      `&h=${hidden}#frag=${other}`;
    const sightings = extractSightings(exchange({ url }));
    expect(sightings).toEqual([
      { location: 'request.query', path: 'id_token', token: jws },
      { location: 'request.query', path: 'next', token: other },
      { location: 'request.query', path: 'h', token: jws },
    ]);
  });
});

describe('extractSightings: request bodies', () => {
  it('gives JSON paths for JSON bodies (by Content-Type or by shape)', () => {
    const body = JSON.stringify({ jwsResult: jws, items: [{ t: other }], 'odd key': jws });
    const byHeader = extractSightings(
      exchange({
        method: 'POST',
        requestHeaders: [{ name: 'content-type', value: 'application/json; charset=utf-8' }],
        requestBody: body,
      }),
    );
    expect(byHeader).toEqual([
      { location: 'request.body', path: '$.jwsResult', token: jws },
      { location: 'request.body', path: '$.items[0].t', token: other },
      { location: 'request.body', path: '$["odd key"]', token: jws },
    ]);
    expect(extractSightings(exchange({ method: 'POST', requestBody: `  ${body}` }))).toEqual(
      byHeader,
    );
  });

  it('still reports a token in a body that is not JSON before it, without a path', () => {
    const broken = `{oops, "jwsResult": "${jws}"}`;
    expect(
      extractSightings(exchange({ requestBody: broken, requestMimeType: 'application/json' })),
    ).toEqual([{ location: 'request.body', token: jws }]);
    // What follows the token's string is not read: a body broken only after it keeps the path.
    const tail = `{"jwsResult": "${jws}", oops}`;
    expect(
      extractSightings(exchange({ requestBody: tail, requestMimeType: 'application/json' })),
    ).toEqual([{ location: 'request.body', path: '$.jwsResult', token: jws }]);
  });

  it('names form fields (by Content-Type, HAR mime type or shape)', () => {
    const form = `grant_type=x&assertion=${jws}&other=${encodeURIComponent(`Bearer ${other}`)}`;
    const expected = [
      { location: 'request.body', path: 'assertion', token: jws },
      { location: 'request.body', path: 'other', token: other },
    ];
    expect(
      extractSightings(
        exchange({
          requestBody: form,
          requestHeaders: [{ name: 'Content-Type', value: 'application/x-www-form-urlencoded' }],
        }),
      ),
    ).toEqual(expected);
    expect(
      extractSightings(
        exchange({ requestBody: form, requestMimeType: 'application/x-www-form-urlencoded' }),
      ),
    ).toEqual(expected);
    expect(extractSightings(exchange({ requestBody: form }))).toEqual(expected);
  });

  it('names multipart/form-data parts', () => {
    const boundary = '----WebKitFormBoundary7MA4YWxkTrZu0gW';
    const body = [
      `--${boundary}`,
      'Content-Disposition: form-data; name="note"',
      '',
      'hello',
      `--${boundary}`,
      'Content-Disposition: form-data; name="result"',
      '',
      jws,
      `--${boundary}--`,
      '',
    ].join('\r\n');
    expect(
      extractSightings(
        exchange({
          requestBody: body,
          requestHeaders: [
            { name: 'Content-Type', value: `multipart/form-data; boundary=${boundary}` },
          ],
        }),
      ),
    ).toEqual([{ location: 'request.body', path: 'result', token: jws }]);
  });

  it('finds raw tokens in text bodies without a path, once per token', () => {
    expect(
      extractSightings(
        exchange({
          requestBody: `result: ${jwe}\nagain: ${jwe}\n`,
          requestHeaders: [{ name: 'Content-Type', value: 'text/plain' }],
        }),
      ),
    ).toEqual([{ location: 'request.body', token: jwe }]);
  });
});

describe('extractSightings: response bodies', () => {
  it('reads application/jwt bodies raw', () => {
    expect(
      extractSightings(exchange({ responseBody: `${jws}\n`, responseMimeType: 'application/jwt' })),
    ).toEqual([{ location: 'response.body', token: jws }]);
  });

  it('gives JSON paths and marks token-endpoint replies', () => {
    const body = JSON.stringify({ access_token: other, token_type: 'bearer', nested: { r: jws } });
    expect(
      extractSightings(
        exchange({
          responseBody: body,
          responseHeaders: [{ name: 'Content-Type', value: 'application/json' }],
        }),
      ),
    ).toEqual([
      { location: 'response.body', path: '$.access_token', token: other, seenAs: 'token-endpoint' },
      { location: 'response.body', path: '$.nested.r', token: jws },
    ]);
  });

  it('orders sightings request first, and keeps the same token at different places apart', () => {
    const sightings = extractSightings(
      exchange({
        url: `https://shop.example/?t=${jws}`,
        requestHeaders: [{ name: 'Authorization', value: `Bearer ${jws}` }],
        requestBody: JSON.stringify({ jwsResult: jws }),
        responseHeaders: [{ name: 'X-T', value: jws }],
        responseBody: jws,
      }),
    );
    expect(sightings.map((s) => `${s.location}:${s.path ?? ''}`)).toEqual([
      'request.header:Authorization',
      'request.query:t',
      'request.body:$.jwsResult',
      'response.header:X-T',
      'response.body:',
    ]);
  });

  it('does not JSON-parse bodies over the cap but still scans their first part raw', () => {
    const padding = ' '.repeat(MAX_SCAN_CHARS);
    const huge = `{"jwsResult":"${jws}","pad":"${padding}"}`;
    const beyond = `${' '.repeat(MAX_SCAN_CHARS)}${other}`;
    expect(
      extractSightings(exchange({ responseBody: huge, responseMimeType: 'application/json' })),
    ).toEqual([{ location: 'response.body', token: jws }]);
    expect(extractSightings(exchange({ responseBody: beyond }))).toEqual([]);
  });

  it('ignores bodies without a candidate and near-miss fragments', () => {
    const nearMiss = 'eyJ.eyJ.x '.repeat(50_000);
    expect(extractSightings(exchange({ responseBody: nearMiss, requestBody: '{"a":1}' }))).toEqual(
      [],
    );
  });
});

describe('extractSightings: hostile input', () => {
  it('never throws on mistyped exchanges and still reports what it can', () => {
    const bad = {
      ...exchange({}),
      url: 42,
      requestHeaders: [null, { name: 1, value: 2 }, { name: 'X-T', value: jws }],
      responseHeaders: 'nope',
      requestBody: { not: 'text' },
      responseBody: jws,
    } as unknown as CapturedExchange;
    expect(extractSightings(bad)).toEqual([
      { location: 'request.header', path: 'X-T', token: jws },
      { location: 'response.body', token: jws },
    ]);
  });

  it('handles deeply nested JSON bodies', () => {
    const deep = `${'['.repeat(20_000)}"${jws}"${']'.repeat(20_000)}`;
    const sightings = extractSightings(exchange({ responseBody: deep }));
    expect(sightings.map((s) => s.token)).toEqual([jws]);
  });

  it('never throws on arbitrary bodies, headers and URLs (property)', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.string(),
        fc.string(),
        fc.array(fc.tuple(fc.string(), fc.string()), { maxLength: 4 }),
        (url, requestBody, responseBody, headers) => {
          const sightings = extractSightings(
            exchange({
              url,
              requestBody,
              responseBody,
              requestHeaders: headers.map(([name, value]) => ({ name, value })),
            }),
          );
          expect(Array.isArray(sightings)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('finds a token embedded anywhere in a random JSON request body (property)', () => {
    fc.assert(
      fc.property(fc.json(), fc.string({ maxLength: 8 }), (json, key) => {
        const body = JSON.stringify({ wrapper: JSON.parse(json) as unknown, [key]: jws });
        const sightings = extractSightings(exchange({ requestBody: body }));
        expect(sightings.some((s) => s.token === jws && s.location === 'request.body')).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
