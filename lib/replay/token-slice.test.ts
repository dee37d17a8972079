// Tests for the token part of the replay slice: Bearer stripping, decoding, expiry, length cap, remembering.
import { describe, expect, it } from 'vitest';
import { mintToken } from '../jose/testing/tokens';
import { readScopes } from './token-info';
import {
  NOW_S,
  PROD,
  SESSION,
  buildImageRefs as refs,
  mintAccessToken as accessToken,
  replayState as state,
  setupReplayStore as setup,
  waitForTokenInfo as tokenReady,
  getTestKey,
} from './testing/slice-harness';

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
        { key: await getTestKey() },
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

  it('cleans a quoted token the same way whether typed or remembered', async () => {
    const token = await accessToken();
    const typed = setup();
    typed.store.replay.setToken(`"${token}"`);
    const remembered = setup();
    remembered.store.replay.restoreToken({ token: `"${token}"`, origin: 'http://127.0.0.1:8321' });
    expect(state(typed).token).toBe(token);
    expect(state(remembered).token).toBe(token);
  });
});
