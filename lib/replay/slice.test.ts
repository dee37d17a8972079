// Tests for the composed replay slice inside the inspector store: a replayed result becomes a capture.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { createInspectorStore } from '../store';
import { inspectUqudoToken } from '../uqudo/inspect';
import { buildUqudoPayload, mintToken } from '../jose/testing/tokens';
import { loadReplayLogic } from './lazy-slice';
import { buildReplayResponse } from './testing/replays';
import {
  NOW_MS,
  NOW_S,
  PROD,
  SESSION,
  mintAccessToken as accessToken,
  getTestKey,
} from './testing/slice-harness';

describe('in the inspector store', () => {
  // The store's replay actions are synchronous once the replay code is loaded (the panel loads it when idle).
  beforeAll(() => loadReplayLogic());

  it('adds a replayed result as a capture marked replay, with its own verdict', async () => {
    const jws = await mintToken(buildUqudoPayload({ jti: SESSION, iat: NOW_S - 60 }), {
      key: await getTestKey(),
    });
    const store = createInspectorStore({
      inspect: inspectUqudoToken,
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
