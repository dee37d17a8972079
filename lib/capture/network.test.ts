// Tests for readContent / watchNetwork against the fake DevTools network (every calling convention).
import { readFileSync } from 'node:fs';
import { SignJWT, generateKeyPair } from 'jose';
import { beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import type { Browser } from 'wxt/browser';
import {
  createFakeDevtoolsNetwork,
  type ContentStyle,
  type FakeDevtoolsNetwork,
  type HarStyle,
} from '../../tests/fake-devtools-network';
import { buildHarEntry, isoAfterEpoch2026, type HarEntry } from '../../tests/fixtures/har/build';
import type { CapturedExchange } from './exchange';
import { extractSightings } from './extract';
import {
  BODY_UNAVAILABLE_NOTE,
  readContent,
  watchNetwork,
  type DevtoolsNetworkLike,
  type DevtoolsRequestLike,
} from './network';

let jws: string;

beforeAll(async () => {
  const { privateKey } = await generateKeyPair('ES256');
  jws = await new SignJWT({ data: {} }).setProtectedHeader({ alg: 'ES256' }).sign(privateKey);
});

const flowEntries = (): HarEntry[] =>
  (
    JSON.parse(
      readFileSync(new URL('../../tests/fixtures/har/uqudo-flow.har', import.meta.url), 'utf8'),
    ) as { log: { entries: HarEntry[] } }
  ).log.entries;

/** Collects exchanges and navigations; `next(n)` waits until n exchanges have arrived. */
function collector() {
  const exchanges: CapturedExchange[] = [];
  const navigations: string[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  return {
    exchanges,
    navigations,
    callbacks: {
      onExchange(exchange: CapturedExchange) {
        exchanges.push(exchange);
        for (const waiter of waiters.filter((w) => exchanges.length >= w.count)) waiter.resolve();
      },
      onNavigated(url: string) {
        navigations.push(url);
      },
    },
    until(count: number): Promise<void> {
      if (exchanges.length >= count) return Promise.resolve();
      return new Promise((resolve) => waiters.push({ count, resolve }));
    },
  };
}

/** The exchange's request as one request object of the fake network (to call readContent on it). */
function firstRequest(network: FakeDevtoolsNetwork): Promise<DevtoolsRequestLike> {
  return new Promise((resolve) => {
    const grab = (request: DevtoolsRequestLike) => {
      network.onRequestFinished.removeListener(grab);
      resolve(request);
    };
    network.onRequestFinished.addListener(grab);
  });
}

describe('DevtoolsNetworkLike', () => {
  it('accepts the real browser.devtools.network type', () => {
    expectTypeOf<typeof Browser.devtools.network>().toExtend<DevtoolsNetworkLike>();
  });
});

describe('readContent', () => {
  const jwtEntry = () =>
    buildHarEntry({
      url: 'https://id.uqudo.io/api/v2/info',
      responseBody: { mimeType: 'application/jwt', text: jws, base64: true },
    });

  it.each<ContentStyle>(['callback', 'object', 'array', 'polyfill'])(
    'decodes a base64 application/jwt body answered in %s style',
    async (contentStyle) => {
      const network = createFakeDevtoolsNetwork([], { contentStyle });
      const request = firstRequest(network);
      network.finish(jwtEntry());
      expect(await readContent(await request)).toEqual({ text: jws });
      expect(network.contentCalls).toEqual(['https://id.uqudo.io/api/v2/info']);
    },
  );

  it('says the body was not available when DevTools returns nothing for a non-empty response', async () => {
    const network = createFakeDevtoolsNetwork();
    const request = firstRequest(network);
    network.finish(
      buildHarEntry({
        url: 'https://shop.example/blob',
        responseBody: { mimeType: 'application/jwt', text: jws, omitText: true },
      }),
    );
    expect(await readContent(await request)).toEqual({ note: BODY_UNAVAILABLE_NOTE });
  });

  it('returns nothing for a genuinely empty response', async () => {
    const network = createFakeDevtoolsNetwork();
    const request = firstRequest(network);
    network.finish(buildHarEntry({ url: 'https://shop.example/empty', status: 200 }));
    expect(await readContent(await request)).toEqual({});
  });

  it('skips binary bodies and cuts large ones, with notes', async () => {
    const network = createFakeDevtoolsNetwork();
    const binary = firstRequest(network);
    network.finish(
      buildHarEntry({
        url: 'https://shop.example/download',
        responseBody: {
          mimeType: 'application/octet-stream',
          bytes: Uint8Array.from([0x50, 0, 1]),
        },
      }),
    );
    expect(await readContent(await binary)).toEqual({ note: 'binary body skipped' });
    const large = firstRequest(network);
    network.finish(
      buildHarEntry({
        url: 'https://shop.example/large',
        responseBody: { mimeType: 'text/plain', text: `${jws} ${'x'.repeat(4096)}`, base64: true },
      }),
    );
    const read = await readContent(await large, { maxBytes: 1024 });
    expect(read.text).toHaveLength(1024);
    expect(read.text?.startsWith(jws)).toBe(true);
    expect(read.note).toMatch(/^body larger than 1 KB/);
  });

  it('gives up with a note when DevTools never answers', async () => {
    const network = createFakeDevtoolsNetwork([], { contentStyle: 'never' });
    const request = firstRequest(network);
    network.finish(jwtEntry());
    expect(await readContent(await request, { timeoutMs: 20 })).toEqual({
      note: 'body could not be read from DevTools (no answer from DevTools)',
    });
  });

  it('reports a getContent that throws or rejects', async () => {
    const throwing = {
      getContent: () => {
        throw new Error('gone');
      },
    } as DevtoolsRequestLike;
    expect(await readContent(throwing)).toEqual({
      note: 'body could not be read from DevTools (gone)',
    });
    const rejecting = {
      getContent: () => Promise.reject(new Error('nope')),
    } as DevtoolsRequestLike;
    expect(await readContent(rejecting)).toEqual({
      note: 'body could not be read from DevTools (nope)',
    });
  });
});

describe('watchNetwork', () => {
  it.each<HarStyle>(['callback', 'promise', 'polyfill'])(
    'backfills requests made before it started (getHAR in %s style), tokens only, in order',
    async (harStyle) => {
      const network = createFakeDevtoolsNetwork(flowEntries(), { harStyle });
      const seen = collector();
      const watch = watchNetwork(network, seen.callbacks);
      expect(await watch.backfilled).toBe(11);
      expect(seen.exchanges.map((e) => new URL(e.url).pathname)).toEqual([
        '/api/oauth/token',
        '/api/v2/info',
        '/api/kyc/result',
        '/api/v1/info/img/65a1b2c3d4e5f60718293a4b',
        '/callback',
        '/api/blob-result',
        '/webhook',
        '/api/session',
      ]);
      const info = seen.exchanges[1]!;
      expect(info).toMatchObject({
        source: 'network',
        status: 200,
        responseMimeType: 'application/jwt',
      });
      expect(extractSightings(info).map((s) => s.location)).toEqual([
        'request.header',
        'response.body',
      ]);
      expect(seen.exchanges[5]!.bodyNote).toBe(BODY_UNAVAILABLE_NOTE);
      expect(new Set(seen.exchanges.map((e) => e.id)).size).toBe(8);
      // Static assets (the script, the images) and no-body responses were never read.
      expect(network.contentCalls.map((url) => new URL(url).pathname)).toEqual([
        '/checkout',
        '/api/oauth/token',
        '/api/v2/info',
        '/api/kyc/result',
        '/callback',
        '/api/blob-result',
        '/api/session',
      ]);
      watch.stop();
    },
  );

  it('attaches its listeners at once and reports live requests', async () => {
    const network = createFakeDevtoolsNetwork([], { holdHar: true });
    const seen = collector();
    const watch = watchNetwork(network, seen.callbacks);
    expect(network.listenerCounts()).toEqual({ requestFinished: 1, navigated: 1 });
    network.finish(
      buildHarEntry({
        url: 'https://shop.example/api/kyc/result',
        method: 'POST',
        requestBody: { mimeType: 'application/json', text: JSON.stringify({ jwsResult: jws }) },
        responseBody: { mimeType: 'application/json', text: '{"ok":true}' },
      }),
    );
    await seen.until(1);
    expect(extractSightings(seen.exchanges[0]!)).toEqual([
      { location: 'request.body', path: '$.jwsResult', token: jws },
    ]);
    network.releaseHar();
    expect(await watch.backfilled).toBe(0);
    expect(seen.exchanges).toHaveLength(1);
    watch.stop();
  });

  it('reports a request seen both live and in getHAR once, whichever comes first', async () => {
    const early = buildHarEntry({
      url: `https://shop.example/a?t=${jws}`,
      startedDateTime: isoAfterEpoch2026(1),
    });
    const late = buildHarEntry({
      url: `https://shop.example/b?t=${jws}`,
      startedDateTime: isoAfterEpoch2026(2),
    });
    const network = createFakeDevtoolsNetwork([], { holdHar: true });
    const seen = collector();
    const watch = watchNetwork(network, seen.callbacks);
    // Finishes live while getHAR is pending: getHAR's answer contains it too.
    network.finish(early);
    network.releaseHar();
    expect(await watch.backfilled).toBe(0);
    expect(seen.exchanges.map((e) => new URL(e.url).pathname)).toEqual(['/a']);
    watch.stop();

    // The other order: getHAR reports the request, then its live event arrives late.
    const second = createFakeDevtoolsNetwork([late]);
    const seenSecond = collector();
    const watchSecond = watchNetwork(second, seenSecond.callbacks);
    expect(await watchSecond.backfilled).toBe(1);
    second.finish(late);
    second.finish(early);
    await seenSecond.until(2);
    expect(seenSecond.exchanges.map((e) => new URL(e.url).pathname)).toEqual(['/b', '/a']);
    watchSecond.stop();
  });

  it('checks static assets by URL and headers only, and reports only token carriers', async () => {
    const network = createFakeDevtoolsNetwork();
    const seen = collector();
    const watch = watchNetwork(network, seen.callbacks);
    await watch.backfilled;
    network.finish(
      buildHarEntry({
        url: `https://cdn.example/pixel.gif?session=${jws}`,
        resourceType: 'image',
        responseBody: { mimeType: 'image/gif', bytes: Uint8Array.from([0x47, 0x49, 0x46]) },
      }),
    );
    network.finish(
      buildHarEntry({
        url: 'https://cdn.example/app.css',
        responseBody: { mimeType: 'text/css', text: `/* ${jws} */` },
      }),
    );
    network.finish(
      buildHarEntry({
        url: 'https://shop.example/download',
        responseBody: { mimeType: 'application/octet-stream', bytes: Uint8Array.from([1, 0, 2]) },
      }),
    );
    network.finish(
      buildHarEntry({
        url: 'https://shop.example/api/ping',
        responseBody: { mimeType: 'application/json', text: `{"t":"${jws}"}` },
      }),
    );
    await seen.until(2);
    expect(seen.exchanges.map((e) => new URL(e.url).pathname)).toEqual(['/pixel.gif', '/api/ping']);
    expect(seen.exchanges[0]!.responseBody).toBeUndefined();
    // The download was read (its type could have held text) but, binary and token-free, not reported.
    expect(network.contentCalls).toEqual([
      'https://shop.example/download',
      'https://shop.example/api/ping',
    ]);
    watch.stop();
  });

  it('reports every exchange with emitAll, and honours skip', async () => {
    const network = createFakeDevtoolsNetwork(flowEntries());
    const seen = collector();
    const watch = watchNetwork(network, seen.callbacks, {
      emitAll: true,
      skip: (request) => request.url.includes('/static/'),
    });
    expect(await watch.backfilled).toBe(11);
    expect(seen.exchanges).toHaveLength(10);
    expect(seen.exchanges.some((e) => e.url.includes('/static/'))).toBe(false);
    watch.stop();
  });

  it('passes navigations on, and stops cleanly', async () => {
    const network = createFakeDevtoolsNetwork();
    const seen = collector();
    const watch = watchNetwork(network, seen.callbacks);
    await watch.backfilled;
    network.navigate('https://shop.example/next');
    expect(seen.navigations).toEqual(['https://shop.example/next']);
    network.finish(buildHarEntry({ url: `https://shop.example/?t=${jws}` }));
    watch.stop();
    expect(network.listenerCounts()).toEqual({ requestFinished: 0, navigated: 0 });
    network.navigate('https://shop.example/after');
    network.finish(buildHarEntry({ url: `https://shop.example/later?t=${jws}` }));
    // The request that finished before stop() was still being read. The fake answers getContent from
    // a zero-delay timer queued before this one, so once this timer fires that read has completed.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(network.contentCalls).toEqual(['https://shop.example/?t=' + jws]);
    expect(seen.exchanges).toEqual([]);
    expect(seen.navigations).toEqual(['https://shop.example/next']);
  });

  it('backfills 5,000 requests, reading each body once and reporting only the token carriers', async () => {
    const entries = Array.from({ length: 5000 }, (_, index) =>
      buildHarEntry({
        url: `https://shop.example/api/item/${index}`,
        startedDateTime: isoAfterEpoch2026(index),
        resourceType: index % 5 === 0 ? 'image' : 'fetch',
        responseBody:
          index % 5 === 0
            ? { mimeType: 'image/png', bytes: Uint8Array.from([0x89, 0x50]) }
            : {
                mimeType: 'application/json',
                text: index % 100 === 1 ? `{"jwsResult":"${jws}"}` : `{"id":${index}}`,
                base64: index % 2 === 0,
              },
      }),
    );
    const network = createFakeDevtoolsNetwork(entries, { contentStyle: 'array' });
    const seen = collector();
    const watch = watchNetwork(network, seen.callbacks);
    expect(await watch.backfilled).toBe(5000);
    expect(network.contentCalls).toHaveLength(4000);
    expect(new Set(network.contentCalls).size).toBe(4000);
    expect(seen.exchanges).toHaveLength(50);
    expect(seen.exchanges.every((e) => extractSightings(e).length === 1)).toBe(true);
    watch.stop();
  });

  it('reads bodies from the HAR itself when getHAR entries have no getContent', async () => {
    const seen = collector();
    const plain: DevtoolsNetworkLike = {
      onRequestFinished: { addListener: () => undefined, removeListener: () => undefined },
      onNavigated: { addListener: () => undefined, removeListener: () => undefined },
      getHAR: () => Promise.resolve({ log: { entries: [null, ...flowEntries()] } }),
    };
    expect(await watchNetwork(plain, seen.callbacks).backfilled).toBe(11);
    const info = seen.exchanges.find((e) => e.url === 'https://id.uqudo.io/api/v2/info');
    expect(info?.responseBody).toMatch(/^eyJ/);
    expect(extractSightings(info!).map((s) => s.location)).toEqual([
      'request.header',
      'response.body',
    ]);
  });

  it('resolves backfilled with 0 when getHAR fails', async () => {
    const seen = collector();
    const broken: DevtoolsNetworkLike = {
      onRequestFinished: { addListener: () => undefined, removeListener: () => undefined },
      onNavigated: { addListener: () => undefined, removeListener: () => undefined },
      getHAR: () => Promise.reject(new Error('DevTools closed')),
    };
    expect(await watchNetwork(broken, seen.callbacks).backfilled).toBe(0);
  });
});
