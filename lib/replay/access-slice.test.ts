// Tests for the API base and host access of the replay slice: origin binding, custom bases, permission prompts.
import { describe, expect, it, vi } from 'vitest';
import { initialReplayState } from './state';
import {
  DEV,
  PROD,
  SESSION,
  buildImageRefs as refs,
  mintAccessToken as accessToken,
  replayState as state,
  setupReplayStore as setup,
} from './testing/slice-harness';

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
