// Tests for HAR parsing: fixtures, base64 bodies, malformed entries, caps, and arbitrary input.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RESULT_JTI, buildHar, buildHarEntry } from '../../tests/fixtures/har/build';
import { extractSightings } from './extract';
import { decodeHarContent, exchangeFromHarEntry, parseHar } from './har';

const fixture = (name: string) =>
  readFileSync(new URL(`../../tests/fixtures/har/${name}`, import.meta.url), 'utf8');

function base64(text: string | Uint8Array): string {
  return Buffer.from(typeof text === 'string' ? Buffer.from(text, 'utf8') : text).toString(
    'base64',
  );
}

describe('parseHar on the fixtures', () => {
  it('reads every entry of a Chrome HAR, with base64 bodies decoded and indexes kept', () => {
    const parsed = parseHar(fixture('uqudo-flow.har'));
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.exchanges).toHaveLength(11);
    expect(parsed.exchanges.map((e) => e.entryIndex)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const info = parsed.exchanges[3]!;
    expect(info).toMatchObject({
      id: 'har-3',
      source: 'har',
      method: 'GET',
      url: 'https://id.uqudo.io/api/v2/info',
      status: 200,
      time: Date.parse('2026-01-01T00:00:03.000Z'),
      responseMimeType: 'application/jwt',
    });
    // The base64 application/jwt body is the result JWS itself.
    const [header, payload] = (info.responseBody ?? '').split('.');
    expect(JSON.parse(Buffer.from(header!, 'base64url').toString())).toMatchObject({
      alg: 'RS256',
    });
    expect(JSON.parse(Buffer.from(payload!, 'base64url').toString())).toMatchObject({
      jti: RESULT_JTI,
    });
    expect(info.requestHeaders.find((h) => h.name === 'Authorization')?.value).toMatch(
      /^Bearer eyJ/,
    );

    expect(parsed.exchanges[2]).toMatchObject({
      method: 'POST',
      requestMimeType: 'application/x-www-form-urlencoded',
    });
    expect(parsed.exchanges[5]).toMatchObject({ bodyNote: 'binary body skipped' });
    expect(parsed.exchanges[5]!.responseBody).toBeUndefined();
    expect(parsed.exchanges[8]!.bodyNote).toMatch(/not included in the HAR/);
  });

  it('finds the flow’s tokens where they were', () => {
    const parsed = parseHar(fixture('uqudo-flow.har'));
    if (!parsed.ok) throw new Error(parsed.error);
    const found = parsed.exchanges.flatMap((exchange) =>
      extractSightings(exchange).map((s) => `${exchange.entryIndex} ${s.location} ${s.path ?? ''}`),
    );
    expect(found).toEqual([
      '2 response.body $.access_token',
      '3 request.header Authorization',
      '3 response.body ',
      '4 request.body $.jwsResult',
      '5 request.header Authorization',
      '6 request.query id_token',
      '6 request.query next',
      '9 request.body ',
      '10 response.header X-Refreshed-Token',
    ]);
  });

  it('skips unusable entries of a malformed HAR instead of failing', () => {
    const parsed = parseHar(fixture('malformed-entries.har'));
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.exchanges.map((e) => e.entryIndex)).toEqual([6, 7]);
    expect(parsed.skipped).toBe(6);
    const [query, bad] = parsed.exchanges;
    expect(query).toMatchObject({ method: '', time: 0, status: 0, requestHeaders: [] });
    expect(extractSightings(query!).map((s) => s.location)).toEqual(['request.query']);
    expect(bad).toMatchObject({ status: 0, time: 0, bodyNote: 'body is not valid base64' });
    expect(bad!.requestBody).toBeUndefined();
    expect(bad!.requestHeaders).toEqual([]);
    expect(extractSightings(bad!).map((s) => `${s.location} ${s.path}`)).toEqual([
      'response.header X-Token',
    ]);
  });

  it('refuses what is not a HAR, with a reason', () => {
    expect(parseHar(fixture('not-a-har.json'))).toEqual({
      ok: false,
      error: 'not a HAR file: no log.entries array',
    });
    const notJson = parseHar('{"log": ');
    expect(notJson.ok).toBe(false);
    if (!notJson.ok) expect(notJson.error).toMatch(/^not JSON/);
    expect(parseHar('[]').ok).toBe(false);
    expect(parseHar('{"log":{"entries":{}}}').ok).toBe(false);
    expect(parseHar(fixture('empty.har'))).toEqual({ ok: true, exchanges: [], skipped: 0 });
    expect(parseHar(`\ufeff${fixture('empty.har')}`)).toEqual({
      ok: true,
      exchanges: [],
      skipped: 0,
    });
  });

  it('never throws on arbitrary JSON inside log.entries (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.anything(), { maxLength: 5 }), (entries) => {
        const text = JSON.stringify({ log: { entries } }) ?? '';
        const parsed = parseHar(text);
        expect(parsed.ok).toBe(true);
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(typeof parseHar(text).ok).toBe('boolean');
      }),
    );
  });
});

describe('exchangeFromHarEntry', () => {
  it('appends the HAR queryString when the URL lacks one, and rebuilds form bodies from params', () => {
    const exchange = exchangeFromHarEntry(
      {
        startedDateTime: '2026-01-01T00:00:00Z',
        request: {
          method: 'POST',
          url: 'https://shop.example/cb#top',
          queryString: [{ name: 'code', value: 'a b' }, { name: 7 }],
          postData: {
            mimeType: 'application/x-www-form-urlencoded',
            params: [{ name: 'token', value: 'eyJ x' }, { name: 'empty' }],
          },
        },
      },
      { id: 'n1', source: 'network' },
    );
    expect(exchange).toMatchObject({
      url: 'https://shop.example/cb?code=a+b#top',
      requestBody: 'token=eyJ+x&empty=',
      source: 'network',
    });
    expect(exchange?.entryIndex).toBeUndefined();
  });

  it('prefers a body read elsewhere (getContent) over content.text', () => {
    const entry = buildHarEntry({
      url: 'https://shop.example/a',
      responseBody: { mimeType: 'text/plain', text: 'from HAR' },
    });
    expect(
      exchangeFromHarEntry(entry, {
        id: 'n2',
        source: 'network',
        responseBody: { text: 'from getContent', note: 'cut' },
      }),
    ).toMatchObject({ responseBody: 'from getContent', bodyNote: 'cut' });
    expect(
      exchangeFromHarEntry(entry, { id: 'n3', source: 'network', responseBody: {} }),
    ).not.toHaveProperty('responseBody');
  });

  it('returns undefined for entries without a request URL', () => {
    for (const entry of [undefined, null, [], {}, { request: {} }, { request: { url: '' } }]) {
      expect(exchangeFromHarEntry(entry, { id: 'x', source: 'har' })).toBeUndefined();
    }
  });

  it('builds 5,000 exchanges from a generated HAR quickly', () => {
    const entries = Array.from({ length: 5000 }, (_, index) =>
      buildHarEntry({
        url: `https://shop.example/api/item/${index}?page=${index}`,
        responseBody: {
          mimeType: 'application/json',
          text: `{"id":${index}}`,
          base64: index % 2 === 0,
        },
      }),
    );
    const parsed = parseHar(JSON.stringify(buildHar(entries)));
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.exchanges).toHaveLength(5000);
    expect(parsed.exchanges[4998]!.responseBody).toBe('{"id":4998}');
    expect(parsed.exchanges[4999]!.responseBody).toBe('{"id":4999}');
  });
});

describe('decodeHarContent', () => {
  it('decodes base64 as UTF-8 (multi-byte characters intact)', () => {
    const text = '{"name":"Zoë Ünal — 张伟 🚀"}';
    expect(decodeHarContent(base64(text), 'base64', 'application/json')).toEqual({ text });
    expect(
      decodeHarContent(`${base64(text).slice(0, 8)}\n${base64(text).slice(8)}`, 'base64', ''),
    ).toEqual({
      text,
    });
  });

  it('replaces invalid UTF-8 instead of failing', () => {
    const decoded = decodeHarContent(
      base64(Uint8Array.from([0x41, 0xc3, 0x28, 0x42])),
      'base64',
      '',
    );
    expect(decoded).toEqual({ text: 'A\ufffd(B' });
  });

  it('notes invalid base64, binary types and NUL bytes instead of returning garbage', () => {
    expect(decodeHarContent('%%%', 'base64', 'application/jwt')).toEqual({
      note: 'body is not valid base64',
    });
    expect(decodeHarContent(base64('GIF89a'), 'base64', 'image/gif')).toEqual({
      note: 'binary body skipped',
    });
    expect(
      decodeHarContent(base64(Uint8Array.from([1, 0, 2])), 'base64', 'application/octet-stream'),
    ).toEqual({
      note: 'binary body skipped',
    });
    expect(decodeHarContent('<svg/>', undefined, 'image/svg+xml')).toEqual({ text: '<svg/>' });
  });

  it('cuts bodies over the cap, with a note', () => {
    const big = 'a'.repeat(5000);
    const fromBase64 = decodeHarContent(base64(big), 'base64', 'text/plain', 1024);
    expect(fromBase64.text).toBe('a'.repeat(1024));
    expect(fromBase64.note).toBe('body larger than 1 KB: only the first 1 KB examined');
    const plain = decodeHarContent(big, '', 'text/plain', 2048);
    expect(plain.text).toHaveLength(2048);
    expect(plain.note).toMatch(/^body larger than 2 KB/);
    expect(decodeHarContent(big, '', 'text/plain', 5000)).toEqual({ text: big });
  });
});
