// Tests of per-session replay state: answers, images, batches and problems belong to the scope they started in.
import { describe, expect, it } from 'vitest';
import {
  PROD,
  SESSION,
  buildImageRefs as refs,
  mintAccessToken as accessToken,
  replayState as state,
  setupReplayStore as setup,
  waitForTokenInfo as tokenReady,
} from './testing/slice-harness';
import {
  selectImageBatch,
  selectScopedImages,
  selectScopedProblem,
  selectScopedReplays,
} from './selectors';

describe('replay scopes (one per session)', () => {
  it('tags replays and images with the scope they were sent from, even if it changes meanwhile', async () => {
    const h = setup();
    h.store.replay.setToken(await accessToken());
    await tokenReady(h);
    h.store.replay.setScope('session:a');
    const info = h.store.replay.fetchInfo(SESSION);
    // The user selects another session's row while the request runs.
    h.store.replay.setScope('session:b');
    await info;
    await h.store.replay.fetchImages(refs(2), SESSION);
    const replay = state(h);
    expect(selectScopedReplays(replay, 'session:a', ['info']).map((e) => e.request.url)).toEqual([
      `${PROD}/api/v1/info/${SESSION}`,
    ]);
    expect(selectScopedReplays(replay, 'session:b', ['info'])).toEqual([]);
    expect(selectScopedImages(replay, 'session:b')).toHaveLength(2);
    expect(selectScopedImages(replay, 'session:a')).toHaveLength(0);
    expect(selectImageBatch(replay, 'session:b')).toMatchObject({ total: 2, done: 2 });
    expect(selectImageBatch(replay, 'session:a')).toBeUndefined();
  });

  it('clears only the current scope and keeps a problem with the scope that caused it', async () => {
    const h = setup();
    h.store.replay.setToken(await accessToken());
    await tokenReady(h);
    h.store.replay.setScope('session:a');
    await h.store.replay.fetchImages(refs(1), SESSION);
    await h.store.replay.fetchInfo('not-a-uuid');
    expect(selectScopedProblem(state(h), 'session:a')).toBeDefined();
    h.store.replay.setScope('session:b');
    expect(selectScopedProblem(state(h), 'session:b')).toBeUndefined();
    await h.store.replay.fetchImages(refs(1), SESSION);
    h.store.replay.clearReplays();
    expect(selectScopedImages(state(h), 'session:b')).toEqual([]);
    expect(selectScopedImages(state(h), 'session:a')).toHaveLength(1);
    expect(selectScopedReplays(state(h), 'session:a', ['image'])).toHaveLength(1);
  });

  it('adopts a captured token for its origin, selecting that base', async () => {
    const h = setup();
    const token = await accessToken();
    h.store.replay.adoptCapturedToken(`Bearer ${token}`, 'http://127.0.0.1:9999');
    expect(state(h)).toMatchObject({
      token,
      tokenOrigin: 'http://127.0.0.1:9999',
      apiOrigin: 'http://127.0.0.1:9999',
      apiBase: { preset: 'custom', custom: 'http://127.0.0.1:9999' },
    });
    // An origin the API base rules refuse is ignored.
    h.store.replay.adoptCapturedToken(token, 'http://example.com');
    expect(state(h).tokenOrigin).toBe('http://127.0.0.1:9999');
  });
});
