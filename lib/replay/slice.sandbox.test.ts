// Real HTTP: the replay slice with the real sendReplay, inspectToken and Node's fetch against the local sandbox.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CapturedExchange } from '../capture/exchange';
import { findTokens } from '../jose/find';
import { findSessionId } from '../uqudo/session-id';
import { inspectUqudoToken } from '../uqudo/inspect';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { summarizeUqudoResult } from '../uqudo/summary';
import { sendReplay, type ReplayResponse, type ReplayResult } from './send';
import { createReplayStore, type ReplayStore, type StartResult } from './slice';

let sandbox: Sandbox;
/** The sandbox's clock runs this far ahead of the panel's (to expire tokens server-side). */
let sandboxSkewMs = 0;
/** Requests that reached the network, by URL. */
const sent: string[] = [];

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, now: () => Date.now() + sandboxSkewMs });
});

afterAll(async () => {
  await sandbox.close();
});

interface Panel {
  store: ReplayStore;
  exchanges: CapturedExchange[];
  images: Map<string, Uint8Array>;
  clock: { offsetMs: number };
}

function openPanel(): Panel {
  const exchanges: CapturedExchange[] = [];
  const images = new Map<string, Uint8Array>();
  const clock = { offsetMs: 0 };
  let urls = 0;
  const store = createReplayStore({
    send: (request, options) =>
      sendReplay(request, {
        ...options,
        fetch: (input, init) => {
          sent.push(String(input));
          return fetch(input, init);
        },
      }),
    inspect: inspectUqudoToken,
    now: () => Date.now() + clock.offsetMs,
    addExchange: (exchange) => exchanges.push(exchange),
    createObjectUrl: (bytes) => {
      urls += 1;
      const url = `blob:sandbox/${urls}`;
      images.set(url, bytes);
      return url;
    },
    revokeObjectUrl: (url) => images.delete(url),
    apiBase: { preset: 'custom', custom: sandbox.url },
  });
  return { store, exchanges, images, clock };
}

function answer(started: StartResult): ReplayResponse {
  if (!started.ok) throw new Error(`not sent: ${started.error}`);
  return response(started.result);
}

function response(result: ReplayResult): ReplayResponse {
  if (result.kind !== 'response') throw new Error(`expected a response, got ${result.kind}`);
  return result;
}

async function withToken(credentials = sandbox.credentials): Promise<Panel> {
  const panel = openPanel();
  const got = answer(
    await panel.store.replay.requestToken(credentials.clientId, credentials.clientSecret),
  );
  expect(got.status).toBe(200);
  expect(panel.store.getState().replay.tokenOrigin).toBe(sandbox.url);
  return panel;
}

describe('replay slice against the sandbox', () => {
  it('gets a token (200) whose expiry and scopes are decoded', async () => {
    const panel = await withToken();
    const state = panel.store.getState().replay;
    expect(state.token.split('.')).toHaveLength(3);
    await expect
      .poll(() => panel.store.getState().replay.tokenInfo?.scopes)
      .toEqual(['KYC_INFO_SDK', 'KYC_SCAN_SDK']);
    const expiresAt = panel.store.getState().replay.tokenInfo?.expiresAt ?? 0;
    expect(expiresAt - Date.now()).toBeGreaterThan(1700_000);
    expect(expiresAt - Date.now()).toBeLessThanOrEqual(1800_000);
  });

  it('explains wrong client credentials (401)', async () => {
    const panel = openPanel();
    const got = answer(
      await panel.store.replay.requestToken(sandbox.credentials.clientId, 'wrong-secret'),
    );
    expect(got.status).toBe(401);
    expect(got.explanation?.title).toBe('Wrong client credentials (401)');
    expect(panel.store.getState().replay.token).toBe('');
  });

  it('fetches info by path and by header (200); each JWS becomes a replay capture', async () => {
    const panel = await withToken();
    const session = await sandbox.createSession({ scenario: 'passport' });
    const byPath = answer(await panel.store.replay.fetchInfo(session.sessionId));
    expect(byPath.status).toBe(200);
    expect(byPath.bodyText).toBe(session.jws);
    const byHeader = answer(await panel.store.replay.fetchInfo(session.sessionId, 'header'));
    expect(byHeader.status).toBe(200);
    expect(panel.exchanges.map((exchange) => exchange.url)).toEqual([
      `${sandbox.url}/api/v1/info/${session.sessionId}`,
      `${sandbox.url}/api/v1/info`,
    ]);
    for (const exchange of panel.exchanges) {
      expect(exchange.source).toBe('replay');
      expect(findTokens(exchange.responseBody ?? '').map((found) => found.token)).toEqual([
        session.jws,
      ]);
      expect(JSON.stringify(exchange)).not.toContain(panel.store.getState().replay.token);
    }
  });

  it('fetches every image of a passport result, deletes it (204), then images answer 404', async () => {
    const panel = await withToken();
    const session = await sandbox.createSession({ scenario: 'passport' });
    const inspection = await inspectUqudoToken(session.jws);
    const sessionId = findSessionId(inspection)!;
    const summary = summarizeUqudoResult(inspection.payload);
    expect(summary.images.length).toBeGreaterThan(1);
    const uniqueIds = new Set(summary.images.map((ref) => ref.id));

    const batch = await panel.store.replay.fetchImages(summary.images, sessionId);
    expect(batch).toEqual({
      ok: true,
      total: uniqueIds.size,
      loaded: uniqueIds.size,
      failed: 0,
      cancelled: false,
    });
    const images = panel.store.getState().replay.images;
    expect(images).toHaveLength(uniqueIds.size);
    for (const image of images) {
      expect(image.status).toBe('loaded');
      expect(image.mimeType).toBe('image/jpeg');
      expect(image.fileName).toMatch(new RegExp(`^${sessionId}-\\w+-${image.imageId}\\.jpg$`));
      const bytes = panel.images.get(image.objectUrl!)!;
      expect(bytes.byteLength).toBe(image.byteSize);
      expect([...bytes.subarray(0, 2)]).toEqual([0xff, 0xd8]);
    }
    expect(panel.store.getState().replay.imageBatches[0]).toMatchObject({
      done: uniqueIds.size,
      running: false,
    });

    const deleted = answer(await panel.store.replay.deleteSession(sessionId));
    expect(deleted.status).toBe(204);
    expect(deleted.explanation).toBeUndefined();

    const again = await panel.store.replay.fetchImages(summary.images, sessionId);
    expect(again).toMatchObject({ ok: true, loaded: 0, failed: uniqueIds.size });
    // Refetching replaced every image: all the earlier object URLs were revoked.
    expect(panel.images.size).toBe(0);
    for (const image of panel.store.getState().replay.images) {
      expect(image.status).toBe('failed');
      expect(image.httpStatus).toBe(404);
      expect(image.failure?.title).toBe('Image not found or expired (404)');
    }
    const info = answer(await panel.store.replay.fetchInfo(sessionId));
    expect(info.status).toBe(404);
    expect(info.explanation?.title).toBe('Session not found (404)');
  });

  it('explains a malformed image id (400)', async () => {
    const panel = await withToken();
    const started = await panel.store.replay.fetchImage({
      id: 'not-24-hex',
      path: '$.x',
      key: 'frontImageId',
    });
    const got = answer(started);
    expect(got.status).toBe(400);
    expect(got.explanation?.title).toBe('Bad image id (400)');
  });

  it('explains a missing token (401)', async () => {
    const panel = openPanel();
    const session = await sandbox.createSession({ scenario: 'passport' });
    const got = answer(await panel.store.replay.fetchInfo(session.sessionId));
    expect(got.status).toBe(401);
    expect(got.authorized).toBe(false);
    expect(got.explanation?.title).toMatch(/^Token missing, expired/);
  });

  it('explains a token the server considers expired (401) and blocks one the panel knows expired', async () => {
    const panel = await withToken();
    const session = await sandbox.createSession({ scenario: 'passport' });
    // The server's clock is ahead (e.g. a token from a skewed machine): it refuses the token.
    sandboxSkewMs = 2 * 3600_000;
    try {
      const got = answer(await panel.store.replay.fetchInfo(session.sessionId));
      expect(got.status).toBe(401);
      expect(got.authorized).toBe(true);
    } finally {
      sandboxSkewMs = 0;
    }
    // Once the panel's clock passes exp, nothing reaches the network.
    panel.clock.offsetMs = 2 * 3600_000;
    const before = sent.length;
    const blocked = await panel.store.replay.fetchInfo(session.sessionId);
    expect(blocked.ok).toBe(false);
    if (!blocked.ok) expect(blocked.error).toMatch(/expired/);
    expect(sent.length).toBe(before);
  });

  it('explains a scan-only token (403)', async () => {
    const panel = await withToken(sandbox.scanOnlyCredentials);
    const session = await sandbox.createSession({ scenario: 'passport' });
    const got = answer(await panel.store.replay.fetchInfo(session.sessionId));
    expect(got.status).toBe(403);
    expect(got.explanation?.title).toBe('Token lacks the feature (403)');
    await expect
      .poll(() => panel.store.getState().replay.tokenInfo?.scopes)
      .toEqual(['KYC_SCAN_SDK']);
  });

  it('uses data.sessionId for a face session', async () => {
    const panel = await withToken();
    const session = await sandbox.createSession({ scenario: 'face-session' });
    const sessionId = findSessionId(await inspectUqudoToken(session.jws))!;
    expect(sessionId).toBe(session.sessionId);
    expect(answer(await panel.store.replay.fetchInfo(sessionId)).status).toBe(200);
  });

  it('never sends the token to another origin, even the same server under another name', async () => {
    const panel = await withToken();
    const session = await sandbox.createSession({ scenario: 'passport' });
    const otherName = sandbox.url.replace('127.0.0.1', 'localhost');
    panel.store.replay.selectApiBase({ preset: 'custom', custom: otherName });
    const before = sent.length;
    const refused = await panel.store.replay.fetchInfo(session.sessionId);
    expect(refused.ok).toBe(false);
    expect(sent.length).toBe(before);
    panel.store.replay.bindTokenToSelectedBase();
    const got = answer(await panel.store.replay.fetchInfo(session.sessionId));
    expect(sent.at(-1)).toBe(`${otherName}/api/v1/info/${session.sessionId}`);
    // The token was issued for 127.0.0.1 (its iss), but the sandbox accepts its own tokens on any name.
    expect(got.status).toBe(200);
  });
});
