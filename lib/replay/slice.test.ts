// Unit tests for the replay slice: token binding and expiry, base changes, object URLs, fetch-all concurrency.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { CapturedExchange } from '../capture/exchange';
import { buildUqudoPayload } from '../jose/testing/tokens';
import { createInspectorStore } from '../store';
import { inspectToken } from '../jose/inspect';
import { generateTestKeyPair, mintToken, type TestKeyPair } from '../jose/testing/tokens';
import type { ReplayRequest } from '../uqudo/info-api';
import type { ImageRef } from '../uqudo/summary';
import { explainReplay } from './explain';
import type { ReplayResponse, ReplayResult, SendOptions } from './send';
import {
  MAX_IMAGES,
  createReplayStore,
  initialReplayState,
  readScopes,
  type ReplayDeps,
  type ReplayStore,
} from './slice';
import { buildReplayResponse } from './testing/replays';

const SESSION = '3f2a9c1e-7b4d-4e8f-9a01-23456789abcd';
const NOW_MS = Date.UTC(2026, 0, 15, 10, 0, 0);
const NOW_S = NOW_MS / 1000;
const PROD = 'https://id.uqudo.io';
const DEV = 'https://id.dev.uqudo.io';

let key: TestKeyPair;

beforeAll(async () => {
  key = await generateTestKeyPair('RS256', 'slice-test');
});

function accessToken(claims: Record<string, unknown> = {}): Promise<string> {
  return mintToken(
    {
      iss: 'https://auth.uqudo.io',
      client_id: 'c0ffee00-5a4d-4b1e-8000-000000000001',
      iat: NOW_S - 60,
      exp: NOW_S + 1740,
      scope: 'KYC_INFO_SDK KYC_SCAN_SDK',
      ...claims,
    },
    { key, header: { typ: 'at+jwt' } },
  );
}

function jpeg(size = 64): Uint8Array {
  const bytes = new Uint8Array(size);
  bytes.set([0xff, 0xd8, 0xff, 0xe0]);
  return bytes;
}

function imageResponse(status = 200): ReplayResponse {
  if (status !== 200) {
    return buildReplayResponse({
      status,
      ok: false,
      contentType: 'application/json',
      bodyText: '{"error":"not_found"}',
      explanation: explainReplay('image', status),
    });
  }
  const bytes = jpeg();
  return buildReplayResponse({
    contentType: 'image/jpeg',
    bodyText: undefined,
    bodyBytes: bytes,
    bodySize: bytes.byteLength,
  });
}

interface Harness {
  store: ReplayStore;
  send: ReturnType<
    typeof vi.fn<(request: ReplayRequest, options: SendOptions) => Promise<ReplayResult>>
  >;
  exchanges: CapturedExchange[];
  created: string[];
  revoked: string[];
  saved: unknown[];
  clock: { now: number };
}

function setup(
  respond: (request: ReplayRequest, options: SendOptions) => Promise<ReplayResult> = async () =>
    buildReplayResponse(),
  overrides: Partial<ReplayDeps> = {},
): Harness {
  const exchanges: CapturedExchange[] = [];
  const created: string[] = [];
  const revoked: string[] = [];
  const saved: unknown[] = [];
  const clock = { now: NOW_MS };
  const send = vi.fn(respond);
  let urls = 0;
  const store = createReplayStore({
    send,
    inspect: inspectToken,
    now: () => clock.now,
    addExchange: (exchange) => exchanges.push(exchange),
    createObjectUrl: () => {
      urls += 1;
      const url = `blob:test/${urls}`;
      created.push(url);
      return url;
    },
    revokeObjectUrl: (url) => revoked.push(url),
    saveToken: (entry) => saved.push(entry),
    ...overrides,
  });
  return { store, send, exchanges, created, revoked, saved, clock };
}

const state = (h: Harness) => h.store.getState().replay;

async function tokenReady(h: Harness): Promise<void> {
  await vi.waitFor(() => expect(state(h).tokenInfo?.state).toBe('ready'));
}

function refs(count: number): ImageRef[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `65a1f0c2e4b0a1b2c3d4e5${String(i).padStart(2, '0')}`,
    path: `$.data.documents[0].scan.image${i}`,
    key: `image${i}Id`,
    documentType: 'PASSPORT',
  }));
}

describe('access token', () => {
  it('strips Bearer, binds to the selected origin and decodes expiry and scopes', async () => {
    const h = setup();
    const token = await accessToken();
    h.store.replay.setToken(`  Bearer ${token}  `);
    expect(state(h).token).toBe(token);
    expect(state(h).tokenOrigin).toBe(PROD);
    await tokenReady(h);
    const info = state(h).tokenInfo!;
    expect(info.expiresAt).toBe((NOW_S + 1740) * 1000);
    expect(info.issuedAt).toBe((NOW_S - 60) * 1000);
    expect(info.scopes).toEqual(['KYC_INFO_SDK', 'KYC_SCAN_SDK']);
    expect(info.format).toBe('jws');

    const result = await h.store.replay.fetchInfo(SESSION);
    expect(result.ok).toBe(true);
    const [request, options] = h.send.mock.calls[0]!;
    expect(request.url).toBe(`${PROD}/api/v1/info/${SESSION}`);
    expect(options.token).toBe(token);
    expect(options.tokenOrigin).toBe(PROD);
    // The request kept in the list never carries the token.
    expect(JSON.stringify(state(h).replays)).not.toContain(token);
  });

  it('reads scopes from scope, scp and authorities', () => {
    expect(readScopes({ scope: 'A  B' })).toEqual(['A', 'B']);
    expect(readScopes({ scp: ['C', 'A'], authorities: ['D'], scope: 'A' })).toEqual([
      'A',
      'C',
      'D',
    ]);
    expect(readScopes({ scope: 42 })).toEqual([]);
    expect(readScopes('not an object')).toEqual([]);
  });

  it('flags an expired token and sends nothing', async () => {
    const h = setup();
    h.store.replay.setToken(await accessToken({ iat: NOW_S - 4000, exp: NOW_S - 600 }));
    await tokenReady(h);
    const result = await h.store.replay.fetchInfo(SESSION);
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/expired .*10 min ago/) });
    expect(state(h).problem).toMatch(/expired/);
    expect(h.send).not.toHaveBeenCalled();
    expect(state(h).replays).toHaveLength(0);
    const batch = await h.store.replay.fetchImages(refs(2));
    expect(batch.ok).toBe(false);
    expect(h.send).not.toHaveBeenCalled();
  });

  it('blocks a token that expires while the panel is open (checked at send time)', async () => {
    const h = setup();
    h.store.replay.setToken(await accessToken({ exp: NOW_S + 30 }));
    await tokenReady(h);
    expect((await h.store.replay.fetchInfo(SESSION)).ok).toBe(true);
    h.clock.now += 31_000;
    expect((await h.store.replay.fetchInfo(SESSION)).ok).toBe(false);
    expect(h.send).toHaveBeenCalledTimes(1);
  });

  it('waits for the token check before deciding, so a just-pasted expired token is not sent', async () => {
    const h = setup();
    h.store.replay.setToken(await accessToken({ exp: NOW_S - 1 }));
    // No waiting for the decode: the send path awaits it itself.
    const result = await h.store.replay.fetchInfo(SESSION);
    expect(result.ok).toBe(false);
    expect(h.send).not.toHaveBeenCalled();
  });

  it('sends an opaque (non-JWT) token, noting that its expiry is unknown', async () => {
    const h = setup();
    h.store.replay.setToken('opaque-token-value');
    await tokenReady(h);
    expect(state(h).tokenInfo?.note).toMatch(/Not a JWT/);
    expect((await h.store.replay.fetchInfo(SESSION)).ok).toBe(true);
    expect(h.send.mock.calls[0]![1].token).toBe('opaque-token-value');
  });

  it('notes when an SDK result was pasted instead of an access token', async () => {
    const h = setup();
    h.store.replay.setToken(
      await mintToken(
        {
          iss: 'https://id.uqudo.io',
          jti: SESSION,
          iat: NOW_S,
          exp: NOW_S + 600,
          data: { documents: [] },
        },
        { key },
      ),
    );
    await tokenReady(h);
    expect(state(h).tokenInfo?.note).toMatch(/SDK result, not an access token/);
  });

  it('sends without a token when none is set (the API then answers 401)', async () => {
    const h = setup();
    await h.store.replay.fetchInfo(SESSION);
    expect(h.send.mock.calls[0]![1].token).toBeUndefined();
  });

  it('refuses a very long token', () => {
    const h = setup();
    h.store.replay.setToken('a'.repeat(70_000));
    expect(state(h).token).toBe('');
    expect(state(h).problem).toMatch(/too long/);
  });
});

describe('API base and origin binding', () => {
  it('never sends the token to another base; confirming rebinds it', async () => {
    const h = setup();
    const token = await accessToken();
    h.store.replay.setToken(token);
    h.store.replay.selectApiBase({ preset: 'dev' });
    expect(state(h).apiOrigin).toBe(DEV);
    expect(state(h).tokenOrigin).toBe(PROD);

    const refused = await h.store.replay.fetchInfo(SESSION);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error).toContain(`entered for ${PROD}`);
    expect((await h.store.replay.deleteSession(SESSION)).ok).toBe(false);
    expect((await h.store.replay.fetchImages(refs(1))).ok).toBe(false);
    expect(h.send).not.toHaveBeenCalled();

    // Back on the base it was entered for, it works again.
    h.store.replay.selectApiBase({ preset: 'prod' });
    expect((await h.store.replay.fetchInfo(SESSION)).ok).toBe(true);
    expect(h.send.mock.calls[0]![1].tokenOrigin).toBe(PROD);

    h.store.replay.selectApiBase({ preset: 'dev' });
    h.store.replay.bindTokenToSelectedBase();
    expect(state(h).tokenOrigin).toBe(DEV);
    await h.store.replay.fetchInfo(SESSION);
    const [request, options] = h.send.mock.calls[1]!;
    expect(new URL(request.url).origin).toBe(DEV);
    expect(options.tokenOrigin).toBe(DEV);
  });

  it('validates custom bases: https anywhere, http only for loopback', async () => {
    const h = setup();
    h.store.replay.selectApiBase({ preset: 'custom', custom: 'http://example.com' });
    expect(state(h).apiOrigin).toBeUndefined();
    expect(state(h).apiBaseError).toMatch(/only allowed for this machine/);
    const result = await h.store.replay.fetchInfo(SESSION);
    expect(result.ok).toBe(false);
    expect(h.send).not.toHaveBeenCalled();

    h.store.replay.selectApiBase({ custom: 'http://127.0.0.1:9000/some/path' });
    expect(state(h).apiOrigin).toBe('http://127.0.0.1:9000');
    h.store.replay.selectApiBase({ custom: 'https://tenant.example.com' });
    expect(state(h).apiOrigin).toBe('https://tenant.example.com');
    expect(state(h).apiBaseError).toBeUndefined();
  });

  it('a token pasted while the base is invalid is bound nowhere until confirmed', async () => {
    const h = setup();
    h.store.replay.selectApiBase({ preset: 'custom', custom: 'nonsense' });
    h.store.replay.setToken(await accessToken());
    expect(state(h).tokenOrigin).toBeUndefined();
    h.store.replay.selectApiBase({ custom: 'https://tenant.example.com' });
    expect((await h.store.replay.fetchInfo(SESSION)).ok).toBe(false);
    expect(state(h).problem).toMatch(/not bound/);
    h.store.replay.bindTokenToSelectedBase();
    expect((await h.store.replay.fetchInfo(SESSION)).ok).toBe(true);
  });

  it('validates the session id before sending', async () => {
    const h = setup();
    const result = await h.store.replay.fetchInfo('not-a-uuid');
    expect(result.ok).toBe(false);
    expect(state(h).problem).toMatch(/UUID/);
    expect(h.send).not.toHaveBeenCalled();
  });

  it('starts from a stored selection and falls back to production for junk', () => {
    expect(initialReplayState({ preset: 'sandbox', custom: '' }).apiOrigin).toBe(
      'http://127.0.0.1:8321',
    );
    const junk = initialReplayState({ preset: 'evil' as 'prod', custom: 5 as unknown as string });
    expect(junk.apiBase).toEqual({ preset: 'prod', custom: '' });
    expect(junk.apiOrigin).toBe(PROD);
  });

  it('persists the base choice through saveApiBase', () => {
    const saveApiBase = vi.fn();
    const h = setup(undefined, { saveApiBase });
    h.store.replay.selectApiBase({ preset: 'custom', custom: 'https://a.example' });
    expect(saveApiBase).toHaveBeenLastCalledWith({ preset: 'custom', custom: 'https://a.example' });
  });
});

describe('remembering the token (session storage opt-in)', () => {
  it('saves only after opting in, and forgets on opt-out and clear', async () => {
    const h = setup();
    const token = await accessToken();
    h.store.replay.setToken(token);
    expect(h.saved).toEqual([]);
    h.store.replay.setRememberToken(true);
    expect(h.saved).toEqual([{ token, origin: PROD }]);
    h.store.replay.setRememberToken(false);
    expect(h.saved.at(-1)).toBeUndefined();
    h.store.replay.setRememberToken(true);
    h.store.replay.clearToken();
    expect(h.saved.at(-1)).toBeUndefined();
    expect(state(h).token).toBe('');
  });

  it('restores a remembered token with its base', async () => {
    const h = setup();
    const token = await accessToken();
    h.store.replay.restoreToken({ token, origin: 'http://127.0.0.1:8321' });
    expect(state(h).apiBase.preset).toBe('sandbox');
    expect(state(h).tokenOrigin).toBe('http://127.0.0.1:8321');
    expect(state(h).rememberToken).toBe(true);
    h.store.replay.restoreToken({ token, origin: 'http://evil.example' });
    expect(state(h).tokenOrigin).toBe('http://127.0.0.1:8321');
  });
});

describe('replays', () => {
  it('adds an info response as a replay capture without the Authorization header', async () => {
    const h = setup();
    const token = await accessToken();
    h.store.replay.setToken(token);
    await h.store.replay.fetchInfo(SESSION, 'header');
    expect(h.exchanges).toHaveLength(1);
    const exchange = h.exchanges[0]!;
    expect(exchange.source).toBe('replay');
    expect(exchange.url).toBe(`${PROD}/api/v1/info`);
    expect(exchange.requestHeaders).toEqual([{ name: 'UQ-Session-ID', value: SESSION }]);
    expect(exchange.responseBody).toBe(buildReplayResponse().bodyText);
    expect(JSON.stringify(exchange)).not.toContain(token);
    const entry = state(h).replays[0]!;
    expect(entry.status).toBe('done');
    expect(entry.captured).toBe(true);
    expect(entry.controller).toBeUndefined();
  });

  it('does not capture error answers or deletes', async () => {
    const h = setup(async (request) =>
      request.method === 'DELETE'
        ? buildReplayResponse({ status: 204, bodyText: '', bodySize: 0 })
        : buildReplayResponse({ status: 401, ok: false, bodyText: '{"error":"unauthorized"}' }),
    );
    await h.store.replay.fetchInfo(SESSION);
    await h.store.replay.deleteSession(SESSION);
    expect(h.exchanges).toHaveLength(0);
    expect(state(h).replays.map((entry) => entry.request.method)).toEqual(['DELETE', 'GET']);
  });

  it('cancels a pending replay through its abort controller', async () => {
    const h = setup(
      (_request, options) =>
        new Promise((resolve) => {
          options.signal?.addEventListener('abort', () =>
            resolve({ kind: 'aborted', durationMs: 5 }),
          );
        }),
    );
    const pending = h.store.replay.fetchInfo(SESSION);
    await vi.waitFor(() => expect(state(h).replays[0]?.status).toBe('pending'));
    expect(state(h).replays[0]!.timeoutMs).toBe(30_000);
    h.store.replay.cancel(state(h).replays[0]!.id);
    const result = await pending;
    expect(result.ok && result.result.kind).toBe('aborted');
    expect(state(h).replays[0]!.status).toBe('done');
  });

  it('keeps a throwing sender from leaving a pending row', async () => {
    const h = setup(async () => {
      throw new Error('boom');
    });
    const result = await h.store.replay.fetchInfo(SESSION);
    expect(result.ok && result.result.kind).toBe('refused');
    expect(state(h).replays[0]!.status).toBe('done');
  });

  it('gets a token from client credentials without keeping the secret', async () => {
    const token = await accessToken();
    const h = setup(async (request) =>
      request.purpose === 'token'
        ? buildReplayResponse({
            contentType: 'application/json',
            bodyText: JSON.stringify({
              access_token: token,
              token_type: 'bearer',
              expires_in: 1800,
              scope: 'KYC_INFO_SDK',
            }),
            authorized: false,
          })
        : buildReplayResponse(),
    );
    h.store.replay.selectApiBase({ preset: 'dev' });
    const result = await h.store.replay.requestToken('my-client', 'top-secret-value');
    expect(result.ok).toBe(true);
    const [request, options] = h.send.mock.calls[0]!;
    expect(request.url).toBe('https://auth.dev.uqudo.io/api/oauth/token');
    expect(request.body).toContain('client_secret=top-secret-value');
    expect(options.token).toBeUndefined();
    expect(state(h).token).toBe(token);
    expect(state(h).tokenOrigin).toBe(DEV);
    const kept = JSON.stringify(state(h).replays);
    expect(kept).not.toContain('top-secret-value');
    expect(kept).not.toContain(token);
  });
});

describe('images', () => {
  it('creates an object URL per loaded image and revokes it on remove, refetch and clear', async () => {
    const h = setup(async () => imageResponse());
    const [first, second] = refs(2) as [ImageRef, ImageRef];
    await h.store.replay.fetchImage(first, SESSION);
    const image = state(h).images[0]!;
    expect(image).toMatchObject({
      status: 'loaded',
      objectUrl: 'blob:test/1',
      mimeType: 'image/jpeg',
      byteSize: 64,
      fileName: `${SESSION}-image0Id-${first.id}.jpg`,
      sessionId: SESSION,
    });
    // The replay list does not keep a second copy of the bytes.
    const entry = state(h).replays[0]!;
    expect(entry.result?.kind === 'response' && entry.result.bodyBytes).toBeFalsy();

    await h.store.replay.fetchImage(first, SESSION);
    expect(h.revoked).toEqual(['blob:test/1']);
    expect(state(h).images).toHaveLength(1);

    await h.store.replay.fetchImage(second, SESSION);
    h.store.replay.removeImage(first.id);
    expect(h.revoked).toEqual(['blob:test/1', 'blob:test/2']);

    h.store.replay.clearReplays();
    expect(h.revoked).toEqual(['blob:test/1', 'blob:test/2', 'blob:test/3']);
    expect(state(h).images).toEqual([]);
    expect(state(h).replays).toEqual([]);
  });

  it('releaseImages revokes everything still shown', async () => {
    const h = setup(async () => imageResponse());
    await h.store.replay.fetchImages(refs(3));
    expect(h.created).toHaveLength(3);
    h.store.replay.releaseImages();
    expect([...h.revoked].sort()).toEqual([...h.created].sort());
    expect(state(h).images).toEqual([]);
  });

  it('revokes the URL of an image that was cleared while it loaded', async () => {
    let release: () => void = () => undefined;
    const h = setup(
      () =>
        new Promise<ReplayResult>((resolve) => {
          release = () => resolve(imageResponse());
        }),
    );
    const pending = h.store.replay.fetchImage(refs(1)[0]!);
    await vi.waitFor(() => expect(state(h).images[0]?.status).toBe('pending'));
    h.store.replay.releaseImages();
    release();
    await pending;
    expect(h.created).toEqual(['blob:test/1']);
    expect(h.revoked).toEqual(['blob:test/1']);
    expect(state(h).images).toEqual([]);
  });

  it('keeps at most MAX_IMAGES, revoking the oldest', async () => {
    const h = setup(async () => imageResponse());
    const many = Array.from({ length: MAX_IMAGES + 2 }, (_, i) => ({
      id: `65a1f0c2e4b0a1b2c3d4${String(i).padStart(4, '0')}`,
      path: `$.x${i}`,
      key: 'frontImageId',
    }));
    for (const ref of many) await h.store.replay.fetchImage(ref);
    expect(state(h).images).toHaveLength(MAX_IMAGES);
    expect(h.revoked).toEqual(['blob:test/1', 'blob:test/2']);
  });

  it('explains a failed image with the 404 explanation', async () => {
    const h = setup(async () => imageResponse(404));
    await h.store.replay.fetchImage(refs(1)[0]!);
    const image = state(h).images[0]!;
    expect(image.status).toBe('failed');
    expect(image.httpStatus).toBe(404);
    expect(image.failure?.title).toBe('Image not found or expired (404)');
    expect(h.created).toEqual([]);
  });

  it('fetches all images three at a time, each id once, with progress', async () => {
    const waiting: (() => void)[] = [];
    let inFlight = 0;
    let maxInFlight = 0;
    const h = setup(
      () =>
        new Promise<ReplayResult>((resolve) => {
          inFlight += 1;
          maxInFlight = Math.max(maxInFlight, inFlight);
          waiting.push(() => {
            inFlight -= 1;
            resolve(imageResponse());
          });
        }),
    );
    const list = refs(7);
    // The same id at two paths is fetched once.
    const withDuplicate = [...list, { ...list[0]!, path: '$.elsewhere' }];
    const batch = h.store.replay.fetchImages(withDuplicate, SESSION);
    await vi.waitFor(() => expect(waiting).toHaveLength(3));
    expect(state(h).imageBatch).toMatchObject({ total: 7, done: 0, running: true });
    waiting.shift()!();
    await vi.waitFor(() => expect(state(h).imageBatch?.done).toBe(1));
    await vi.waitFor(() => expect(waiting).toHaveLength(3));
    while (waiting.length > 0) {
      waiting.shift()!();
      await vi.waitFor(() => expect(inFlight).toBe(waiting.length));
      await new Promise((resolve) => setImmediate(resolve));
    }
    const result = await batch;
    expect(result).toEqual({ ok: true, total: 7, loaded: 7, failed: 0, cancelled: false });
    expect(maxInFlight).toBe(3);
    expect(h.send).toHaveBeenCalledTimes(7);
    expect(state(h).imageBatch).toMatchObject({ total: 7, done: 7, running: false });
    expect(state(h).images).toHaveLength(7);
  });

  it('stops a batch on cancel after the requests already running', async () => {
    const waiting: (() => void)[] = [];
    const h = setup(
      () =>
        new Promise<ReplayResult>((resolve) => {
          waiting.push(() => resolve(imageResponse(404)));
        }),
    );
    const batch = h.store.replay.fetchImages(refs(6));
    await vi.waitFor(() => expect(waiting).toHaveLength(3));
    h.store.replay.cancelImages();
    for (const release of waiting.splice(0)) release();
    const result = await batch;
    expect(result).toEqual({ ok: true, total: 6, loaded: 0, failed: 3, cancelled: true });
    expect(h.send).toHaveBeenCalledTimes(3);
  });

  it('skips unusable image ids from the payload and fetches the rest', async () => {
    const h = setup(async () => imageResponse());
    const result = await h.store.replay.fetchImages([
      { id: '../../oauth/token', path: '$.a', key: 'frontImageId' },
      ...refs(1),
    ]);
    expect(result).toMatchObject({ ok: true, total: 1, loaded: 1 });
    expect(state(h).problem).toMatch(/Skipped unusable image ids: frontImageId/);
  });

  it('keeps problem messages short even for absurd payload keys', async () => {
    const h = setup(async () => imageResponse());
    const result = await h.store.replay.fetchImages([
      { id: 'a/b', path: '$.a', key: 'k'.repeat(10_000) },
    ]);
    expect(result.ok).toBe(false);
    expect(state(h).problem!.length).toBeLessThanOrEqual(2_001);
    expect(h.send).not.toHaveBeenCalled();
  });
});

describe('host access', () => {
  it('asks for the selected origin synchronously and records a refusal', async () => {
    const request = vi.fn(async () => false);
    const contains = vi.fn(async () => false);
    const h = setup(undefined, { originAccess: { request, contains } });
    const answer = h.store.replay.requestAccess();
    // Called before any await: the browser only shows the prompt inside the user's click.
    // Production's token endpoint is on auth.uqudo.io: one prompt asks for both origins.
    expect(request).toHaveBeenCalledWith(PROD, 'https://auth.uqudo.io');
    expect(state(h).access).toEqual({ origin: PROD, state: 'asking' });
    expect(await answer).toBe('refused');
    expect(state(h).access).toEqual({ origin: PROD, state: 'refused' });
    expect(await h.store.replay.checkAccess()).toBe('not-granted');
    // A new base is checked at once (no click needed to read a permission).
    h.store.replay.selectApiBase({ preset: 'dev' });
    expect(state(h).access).toEqual({ origin: DEV, state: 'checking' });
    await vi.waitFor(() => expect(state(h).access).toEqual({ origin: DEV, state: 'not-granted' }));
    expect(contains).toHaveBeenLastCalledWith(DEV);
  });

  it('reports granted access and unavailable access', async () => {
    const h = setup(undefined, {
      originAccess: { request: async () => true, contains: async () => true },
    });
    expect(await h.store.replay.requestAccess()).toBe('granted');
    expect(await h.store.replay.checkAccess()).toBe('granted');
    const bare = setup();
    expect(await bare.store.replay.requestAccess()).toBe('unavailable');
  });
});

describe('in the inspector store', () => {
  it('adds a replayed result as a capture marked replay, with its own verdict', async () => {
    const jws = await mintToken(buildUqudoPayload({ jti: SESSION, iat: NOW_S - 60 }), { key });
    const store = createInspectorStore({
      inspect: inspectToken,
      now: () => NOW_MS,
      prepareKeys: async () => ({ state: 'none', description: 'no keys in this test' }),
      replay: { send: async () => buildReplayResponse({ bodyText: jws, bodySize: jws.length }) },
    });
    const token = await accessToken();
    store.replay.setToken(token);
    expect(store.getState().replay.tokenOrigin).toBe(PROD);
    const result = await store.replay.fetchInfo(SESSION);
    expect(result.ok).toBe(true);
    await vi.waitFor(() => expect(store.getState().captures.at(0)?.verdict).toBeDefined());
    const captures = store.getState().captures;
    expect(captures).toHaveLength(1);
    expect(captures.at(0)).toMatchObject({
      replay: true,
      jti: SESSION,
      kind: 'uqudo-result',
      verdict: 'unverified',
    });
    expect(captures.at(0)!.exchange.source).toBe('replay');
    expect(captures.at(0)!.sighting.token).toBe(jws);
    // Clearing the list keeps the token and the replays.
    store.clear();
    expect(store.getState().replay.token).toBe(token);
    expect(store.getState().replay.replays).toHaveLength(1);
  });
});
