// Tests for the sender of the replay slice: replay captures, cancel, a throwing sender, client credentials.
import { describe, expect, it, vi } from 'vitest';
import { buildReplayResponse } from './testing/replays';
import {
  DEV,
  PROD,
  SESSION,
  mintAccessToken as accessToken,
  replayState as state,
  setupReplayStore as setup,
} from './testing/slice-harness';

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
