// Tests for extractSightings' raw-first path: a body whose raw text shows no token is parsed only when escapes or form/multipart encoding could hide one.
import fc from 'fast-check';
import { base64url } from 'jose';
import { describe, expect, it } from 'vitest';
import { findTokens } from '../jose/find';
import type { CapturedExchange } from './exchange';
import { extractSightings } from './extract';
import { oracleResponseBody } from './testing/extract-oracle';

const b64 = (value: string) => base64url.encode(value);
const token = (n: number) =>
  `${b64('{"alg":"RS256","kid":"k"}')}.${b64(JSON.stringify({ jti: `j-${n}` }))}.${b64('sig')}`;

function response(body: string, mimeType: string): CapturedExchange {
  return {
    id: 'x',
    time: 0,
    method: 'POST',
    url: 'https://app.example/api',
    status: 200,
    requestHeaders: [{ name: 'Content-Type', value: mimeType }],
    responseHeaders: [],
    requestBody: body,
    responseBody: body,
    responseMimeType: mimeType,
    source: 'paste',
  };
}

function responseBodySightings(body: string, mimeType = 'application/json') {
  return extractSightings(response(body, mimeType))
    .filter((s) => s.location === 'response.body')
    .map((s) => (s.path === undefined ? { token: s.token } : { path: s.path, token: s.token }));
}

describe('extractSightings, raw text first', () => {
  it('still finds a JSON token whose dots are \\u-escaped (the raw text shows none)', () => {
    const escaped = token(1).replaceAll('.', '\\u002e');
    const body = `{"data":{"jwsResult":"${escaped}"}}`;
    expect(findTokens(body)).toEqual([]);
    expect(responseBodySightings(body)).toEqual([{ path: '$.data.jwsResult', token: token(1) }]);
  });

  it('still finds a form field whose dots are percent-encoded', () => {
    const body = `result=${token(2).replaceAll('.', '%2E')}&x=1`;
    const sightings = extractSightings(response(body, 'application/x-www-form-urlencoded'));
    expect(sightings.filter((s) => s.location === 'request.body')).toEqual([
      { location: 'request.body', path: 'result', token: token(2) },
    ]);
  });

  it('still finds a multipart part that runs on into a boundary with dots', () => {
    const boundary = 'x.y';
    const body = `--${boundary}\r\nContent-Disposition: form-data; name="jws"\r\n\r\n${token(3)}--${boundary}--`;
    const sightings = extractSightings(response(body, `multipart/form-data; boundary=${boundary}`));
    expect(sightings.filter((s) => s.location === 'request.body')).toContainEqual({
      location: 'request.body',
      path: 'jws',
      token: token(3),
    });
  });

  it('gives a token-free JSON body with a stray eyJ no sightings', () => {
    const body = JSON.stringify({ items: [{ tag: 'eyJzdHJheSI6dHJ1ZX0', n: 1 }] });
    expect(responseBodySightings(body)).toEqual([]);
  });

  it('matches the reference extraction on random JSON with plain and escaped tokens', () => {
    const leaf = fc.oneof(
      fc.jsonValue({ maxDepth: 1 }),
      fc.nat({ max: 20 }).map((n) => ({ jws: token(n) })),
      fc.nat({ max: 20 }).map((n) => `see ${token(n)}.`),
    );
    const doc = fc.array(fc.dictionary(fc.string({ maxLength: 6 }), leaf, { maxKeys: 4 }), {
      maxLength: 6,
    });
    fc.assert(
      fc.property(doc, fc.boolean(), fc.boolean(), (value, escapeDots, breakJson) => {
        let body = JSON.stringify(value);
        if (escapeDots) body = body.replace(/\.(?=[A-Za-z0-9_-]{2})/, '\\u002e');
        if (breakJson) body = `${body}}`;
        expect(responseBodySightings(body)).toEqual(oracleResponseBody(body));
      }),
      { numRuns: 500 },
    );
  });
});
