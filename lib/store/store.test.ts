// Tests for the inspector store: pipeline, de-duplication, caps, navigation, settings, filter, jti.
import { base64url, decodeJwt } from 'jose';
import { describe, expect, it, vi } from 'vitest';
import type { CapturedExchange } from '../capture/exchange';
import type { Inspection } from '../jose/inspect';
import type { UqudoInspectOptions } from '../uqudo/inspect';
import type { KeySetup } from '../settings/checks';
import { DEFAULT_SETTINGS, type PanelSettings } from '../settings/settings';
import {
  createInspectorStore,
  describeWhere,
  selectJtiCounts,
  selectSelectedCapture,
  selectVisibleCaptures,
  type InspectorStore,
  type InspectorStoreDeps,
} from '.';

/** A compact JWS-shaped token (not validly signed: the fake inspector below does not verify). */
function makeToken(payload: Record<string, unknown>, header: Record<string, unknown> = {}): string {
  const encode = (value: unknown) => base64url.encode(JSON.stringify(value));
  return `${encode({ alg: 'RS256', kid: 'k1', ...header })}.${encode(payload)}.c2lnbmF0dXJl`;
}

/**
 * A fake inspector: decodes the payload, reports `valid` when a key resolver is configured, and an
 * aud-mismatch error when the expected aud differs. Records every call.
 */
function createFakeInspect() {
  const calls: { token: string; options: UqudoInspectOptions }[] = [];
  const inspect = async (token: string, options: UqudoInspectOptions): Promise<Inspection> => {
    calls.push({ token, options });
    const payload = decodeJwt(token);
    const expectedAud = options.expectations?.aud;
    return {
      format: 'jws',
      header: { alg: 'RS256' },
      payload,
      signature: options.keys ? 'valid' : 'unverified',
      kind: 'jwt',
      findings:
        expectedAud && payload.aud !== expectedAud
          ? [{ severity: 'error', code: 'aud-mismatch', message: `aud is ${String(payload.aud)}` }]
          : [],
    };
  };
  return { inspect, calls };
}

const readyKeys = async (): Promise<KeySetup> => ({
  state: 'ready',
  description: 'test keys',
  resolver: async () => ({ status: 'not-found', message: 'none' }),
});

function setup(overrides: Partial<InspectorStoreDeps> = {}) {
  const fake = createFakeInspect();
  let clock = 1_700_000_000_000;
  const store = createInspectorStore({
    inspect: fake.inspect,
    now: () => clock,
    prepareKeys: readyKeys,
    ...overrides,
  });
  return { store, calls: fake.calls, tick: (ms: number) => (clock += ms) };
}

let exchangeSeq = 0;
function makeExchange(overrides: Partial<CapturedExchange> = {}): CapturedExchange {
  exchangeSeq += 1;
  return {
    id: `net-${exchangeSeq}`,
    time: 1_700_000_000_000 + exchangeSeq * 1000,
    method: 'GET',
    url: `https://app.example/api/${exchangeSeq}`,
    status: 200,
    requestHeaders: [],
    responseHeaders: [],
    source: 'network',
    ...overrides,
  };
}

function jwtResponse(payload: Record<string, unknown>, overrides: Partial<CapturedExchange> = {}) {
  return makeExchange({
    responseBody: makeToken(payload),
    responseMimeType: 'application/jwt',
    ...overrides,
  });
}

async function settled(store: InspectorStore) {
  await vi.waitFor(() => {
    const state = store.getState();
    expect(state.pending).toBe(0);
    expect(state.captures.toArray().every((capture) => capture.inspection)).toBe(true);
  });
}

describe('addExchange', () => {
  it('finds every sighting once and inspects each with its context', async () => {
    const { store, calls } = setup();
    const bearer = makeToken({ sub: 'client', scope: 'read' });
    const result = makeToken({ jti: 'j-1', aud: 'client' });
    const added = store.addExchange(
      makeExchange({
        method: 'POST',
        url: 'https://api.example/result',
        requestHeaders: [{ name: 'Authorization', value: `Bearer ${bearer}` }],
        requestBody: JSON.stringify({ jwsResult: result }),
        requestMimeType: 'application/json',
      }),
    );
    expect(added).toBe(2);
    await settled(store);
    const captures = store.getState().captures.toArray();
    expect(captures).toHaveLength(2);
    expect(calls).toHaveLength(2);
    const bearerCall = calls.find((call) => call.token === bearer);
    expect(bearerCall?.options).toMatchObject({
      seenAs: 'bearer',
      url: 'https://api.example/result',
      now: 1_700_000_000,
    });
    const resultCapture = captures.find((capture) => capture.sighting.token === result);
    expect(resultCapture).toMatchObject({ jti: 'j-1', verdict: 'valid', kind: 'jwt' });
    expect(resultCapture && describeWhere(resultCapture)).toBe('request body $.jwsResult');
  });

  it('marks token-endpoint responses', async () => {
    const { store, calls } = setup();
    store.addExchange(
      makeExchange({
        method: 'POST',
        url: 'https://auth.uqudo.io/api/oauth/token',
        responseBody: JSON.stringify({ access_token: makeToken({ scope: 'x' }) }),
        responseMimeType: 'application/json',
      }),
    );
    await settled(store);
    expect(calls[0]?.options.seenAs).toBe('token-endpoint');
  });

  it('ignores a network exchange seen twice but not a HAR re-import', async () => {
    const { store } = setup();
    const exchange = jwtResponse({ jti: 'a' });
    expect(store.addExchange(exchange)).toBe(1);
    expect(store.addExchange({ ...exchange })).toBe(0);
    const har = { ...jwtResponse({ jti: 'b' }), id: 'har-0', source: 'har' as const };
    store.addExchange(har);
    store.addExchange({ ...har });
    await settled(store);
    expect(
      store
        .getState()
        .captures.toArray()
        .map((capture) => capture.jti)
        .sort(),
    ).toEqual(['a', 'b', 'b']);
  });

  it('keeps the list newest first even when older exchanges arrive later (backfill)', async () => {
    const { store } = setup();
    store.addExchange(jwtResponse({ jti: 'new' }, { time: 3_000 }));
    store.addExchange(jwtResponse({ jti: 'old' }, { time: 1_000 }));
    store.addExchange(jwtResponse({ jti: 'mid' }, { time: 2_000 }));
    await settled(store);
    expect(
      store
        .getState()
        .captures.toArray()
        .map((capture) => capture.jti),
    ).toEqual(['new', 'mid', 'old']);
  });

  it('adds nothing for exchanges without tokens and records bodies DevTools could not read', () => {
    const { store } = setup();
    expect(store.addExchange(makeExchange({ responseBody: '{"ok":true}' }))).toBe(0);
    store.addExchange(
      makeExchange({ url: 'https://app.example/blob', bodyNote: 'body not available to DevTools' }),
    );
    const state = store.getState();
    expect(state.captures).toHaveLength(0);
    expect(state.unavailableBodies).toEqual({
      count: 1,
      lastUrl: 'https://app.example/blob',
      lastNote: 'body not available to DevTools',
    });
  });

  it('drops the oldest captures beyond the cap and counts them', async () => {
    const { store } = setup({ limits: { maxCaptures: 3 } });
    for (let index = 0; index < 5; index += 1) {
      store.addExchange(jwtResponse({ jti: `j${index}` }, { time: 1_000 + index }));
    }
    await settled(store);
    const state = store.getState();
    expect(state.captures.toArray().map((capture) => capture.jti)).toEqual(['j4', 'j3', 'j2']);
    expect(state.dropped).toBe(2);
  });

  it('drops the oldest captures beyond the byte budget', async () => {
    const token = makeToken({ jti: 'x', pad: 'p'.repeat(2_000) });
    const { store } = setup({ limits: { maxBytes: token.length * 2 * 3 + 3_000 } });
    for (let index = 0; index < 6; index += 1) {
      store.addExchange(makeExchange({ responseBody: token, responseMimeType: 'application/jwt' }));
    }
    await settled(store);
    const state = store.getState();
    expect(state.captures).toHaveLength(3);
    expect(state.dropped).toBe(3);
  });

  it('applies a burst of exchanges in a few list updates, not one per request', async () => {
    const { store } = setup();
    let updates = 0;
    const unsubscribe = store.subscribe((state, previous) => {
      if (state.captures !== previous.captures) updates += 1;
    });
    for (let index = 0; index < 200; index += 1) {
      store.addExchange(jwtResponse({ jti: `b${index}` }, { time: 10_000 + index }));
    }
    expect(store.getState().pending).toBeGreaterThan(0);
    await settled(store);
    unsubscribe();
    expect(store.getState().captures).toHaveLength(200);
    expect(updates).toBeLessThanOrEqual(10);
    expect(store.getState().captures.at(0)?.jti).toBe('b199');
  });

  it('lists the first capture after a quiet spell on the next task, not after the batching delay', async () => {
    const { store } = setup();
    store.addExchange(jwtResponse({ jti: 'first' }));
    expect(store.getState().captures).toHaveLength(0);
    // The flush was scheduled with no delay before this zero-delay timer, so it has run by now.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(store.getState().captures.at(0)?.sighting.location).toBe('response.body');
    await settled(store);
  });

  it('merges a large batch into the newest-first order', async () => {
    const { store } = setup();
    for (const time of [5, 15, 25]) store.addExchange(jwtResponse({ jti: `t${time}` }, { time }));
    await settled(store);
    store.addExchanges(
      Array.from({ length: 30 }, (_, index) =>
        jwtResponse({ jti: `t${index}` }, { time: index, source: 'har', id: `har-${index}` }),
      ),
    );
    await settled(store);
    const times = store
      .getState()
      .captures.toArray()
      .map((capture) => capture.exchange.time);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(times).toHaveLength(33);
  });

  it('never lets a failing inspector break the pipeline', async () => {
    const { store } = setup({ inspect: () => Promise.reject(new Error('boom')) });
    store.addExchange(jwtResponse({ jti: 'x' }));
    await settled(store);
    const capture = store.getState().captures.at(0);
    expect(capture?.verdict).toBe('malformed');
    expect(capture?.inspection?.findings[0]?.message).toContain('boom');
  });
});

describe('clear and navigation', () => {
  it('clears on navigation unless preserve log is on', async () => {
    const { store } = setup();
    store.addExchange(jwtResponse({ jti: 'a' }));
    store.addExchange(makeExchange({ bodyNote: 'not available' }));
    store.navigated('https://app.example/next');
    expect(store.getState().captures).toHaveLength(0);
    expect(store.getState().unavailableBodies).toBeUndefined();

    store.updateSettings({ preserveLog: true });
    store.addExchange(jwtResponse({ jti: 'b' }));
    store.navigated('https://app.example/again');
    await settled(store);
    expect(
      store
        .getState()
        .captures.toArray()
        .map((capture) => capture.jti),
    ).toEqual(['b']);

    store.clear();
    expect(store.getState()).toMatchObject({ dropped: 0, selectedId: undefined });
    expect(store.getState().captures).toHaveLength(0);
  });

  it('accepts the same network id again after a clear', () => {
    const { store } = setup();
    const exchange = jwtResponse({ jti: 'a' });
    store.addExchange(exchange);
    store.clear();
    expect(store.addExchange(exchange)).toBe(1);
  });
});

describe('settings', () => {
  it('re-inspects every capture when expectations change, and persists the settings', async () => {
    const saved: PanelSettings[] = [];
    const { store, calls } = setup({ saveSettings: (settings) => saved.push(settings) });
    store.addExchange(jwtResponse({ jti: 'a', aud: 'client-1' }));
    store.addExchange(jwtResponse({ jti: 'b', aud: 'client-2' }));
    await settled(store);
    expect(calls).toHaveLength(2);

    store.updateSettings({ expectedAud: 'client-1' });
    await vi.waitFor(() => {
      const verdicts = Object.fromEntries(
        store
          .getState()
          .captures.toArray()
          .map((capture) => [capture.jti, capture.verdict]),
      );
      expect(verdicts).toEqual({ a: 'valid', b: 'invalid' });
    });
    expect(calls).toHaveLength(4);
    expect(calls[3]?.options.expectations).toEqual({ aud: 'client-1' });
    expect(saved.at(-1)).toEqual({ ...DEFAULT_SETTINGS, expectedAud: 'client-1' });
  });

  it('does not re-inspect for preserve log, or for settings that did not change', async () => {
    const { store, calls } = setup();
    store.addExchange(jwtResponse({ jti: 'a' }));
    await settled(store);
    store.updateSettings({ preserveLog: true });
    store.updateSettings({ expectedAud: '' });
    await settled(store);
    expect(calls).toHaveLength(1);
  });

  it('applies the key source: no usable source leaves signatures unverified', async () => {
    const sources: unknown[] = [];
    const { store } = setup({
      prepareKeys: async (source) => {
        sources.push(source);
        return source ? readyKeys() : { state: 'none', description: 'none' };
      },
    });
    store.addExchange(jwtResponse({ jti: 'a' }));
    await settled(store);
    expect(store.getState().captures.at(0)?.verdict).toBe('valid');
    expect(store.getState().keySetup).toEqual({ state: 'ready', description: 'test keys' });

    store.updateSettings({ keySource: 'pasted', pastedKeys: '' });
    await vi.waitFor(() => expect(store.getState().captures.at(0)?.verdict).toBe('unverified'));
    expect(sources).toEqual([
      { kind: 'url', url: 'https://id.uqudo.io/api/.well-known/jwks.json' },
      undefined,
    ]);
    expect(store.getState().keySetup.state).toBe('none');
  });

  it('reports a JWKS that cannot be loaded in the key status, until a signature is checked', async () => {
    let offline = true;
    const fake = createFakeInspect();
    const { store } = setup({
      inspect: async (token, options) =>
        offline
          ? {
              ...(await fake.inspect(token, options)),
              signature: 'unverified',
              findings: [
                {
                  severity: 'warning',
                  code: 'keys-unavailable',
                  message: 'Could not load the JWKS: network error',
                },
              ],
            }
          : fake.inspect(token, options),
    });
    store.addExchange(jwtResponse({ jti: 'a' }));
    await vi.waitFor(() =>
      expect(store.getState().keySetup).toEqual({
        state: 'error',
        description: 'Could not load the JWKS: network error',
      }),
    );
    expect(store.getState().captures.at(0)?.verdict).toBe('unverified');
    offline = false;
    store.addExchange(jwtResponse({ jti: 'b' }));
    await vi.waitFor(() =>
      expect(store.getState().keySetup).toEqual({ state: 'ready', description: 'test keys' }),
    );
  });

  it('reports a JWKS refused by the key hygiene rules in the key status', async () => {
    const fake = createFakeInspect();
    const message =
      'JWKS https://id.test/jwks: The key set is refused: 2 different keys share kid "k". The signature was not checked.';
    const { store } = setup({
      inspect: async (token, options) => ({
        ...(await fake.inspect(token, options)),
        signature: 'unverified',
        findings: [{ severity: 'error', code: 'key-source-refused', message }],
      }),
    });
    store.addExchange(jwtResponse({ jti: 'a' }));
    await vi.waitFor(() =>
      expect(store.getState().keySetup).toEqual({ state: 'error', description: message }),
    );
    expect(store.getState().captures.at(0)?.verdict).toBe('invalid');
  });

  it('rebuilds keys on reloadKeys even when the source is unchanged', async () => {
    const prepareKeys = vi.fn(readyKeys);
    const { store } = setup({ prepareKeys });
    expect(prepareKeys).toHaveBeenCalledTimes(1);
    store.reloadKeys();
    expect(prepareKeys).toHaveBeenCalledTimes(2);
    store.updateSettings({ expectedIss: 'x' });
    expect(prepareKeys).toHaveBeenCalledTimes(2);
  });

  it('keeps the private key in memory only and never hands it to persistence', async () => {
    const saved: PanelSettings[] = [];
    const texts: string[] = [];
    const { store } = setup({
      saveSettings: (settings) => saved.push(settings),
      prepareDecryptionKey: async (text) => {
        texts.push(text);
        return { state: 'error', description: 'not a private key' };
      },
    });
    const secret = '-----BEGIN PRIVATE KEY-----\nMIIsecret\n-----END PRIVATE KEY-----';
    store.setDecryptionKey(secret);
    store.updateSettings({ expectedAud: 'client' });
    await vi.waitFor(() => expect(store.getState().decryptionSetup.state).toBe('error'));
    expect(texts).toContain(secret);
    expect(store.getState().secrets.decryptionKey).toBe(secret);
    expect(JSON.stringify(saved)).not.toContain('MIIsecret');
  });

  it('discards results of superseded checks', async () => {
    const gates: (() => void)[] = [];
    const fake = createFakeInspect();
    const { store } = setup({
      inspect: (token, options) =>
        options.expectations?.aud
          ? fake.inspect(token, options)
          : new Promise((resolve) => gates.push(() => resolve(fake.inspect(token, options)))),
    });
    store.addExchange(jwtResponse({ jti: 'a', aud: 'other' }));
    await vi.waitFor(() => expect(gates).toHaveLength(1));
    store.updateSettings({ expectedAud: 'client' });
    await vi.waitFor(() => expect(store.getState().captures.at(0)?.verdict).toBe('invalid'));
    gates.forEach((open) => open());
    await settled(store);
    expect(store.getState().captures.at(0)?.verdict).toBe('invalid');
  });
});

describe('paste and HAR import', () => {
  it('checks every token in pasted log text and selects the first', async () => {
    const { store } = setup();
    const first = makeToken({ jti: 'p1' });
    const second = makeToken({ jti: 'p2' });
    expect(store.addPastedToken(`log: result=${first} other=${second}`)).toEqual({
      ok: true,
      tokens: 2,
    });
    await settled(store);
    const state = store.getState();
    expect(
      state.captures
        .toArray()
        .map((capture) => capture.jti)
        .sort(),
    ).toEqual(['p1', 'p2']);
    expect(selectSelectedCapture(state)?.exchange.source).toBe('paste');
  });

  it('strips Bearer and checks broken token-shaped text as one token; says when there is none', async () => {
    const { store, calls } = setup();
    expect(store.addPastedToken('   ')).toEqual({ ok: false, error: 'Paste a token first.' });
    expect(store.addPastedToken('Bearer not.a.token!')).toEqual({ ok: true, tokens: 1 });
    await vi.waitFor(() => expect(calls.map((call) => call.token)).toEqual(['not.a.token!']));
    const none = store.addPastedToken('hello <b>world</b>');
    expect(none).toMatchObject({
      ok: false,
      error: expect.stringContaining('No token in the pasted text'),
    });
    expect(store.addPastedToken('not-a-token')).toMatchObject({ ok: false });
    expect(store.getState().captures.length).toBe(1);
  });

  it('imports a HAR through the same pipeline and reports failures as a notice', async () => {
    const { store } = setup();
    expect(store.importHar('{"nope":1}')).toEqual({
      ok: false,
      error: 'not a HAR file: no log.entries array',
    });
    expect(store.getState().notices.at(-1)).toMatchObject({ level: 'error' });

    const har = {
      log: {
        entries: [
          {
            startedDateTime: '2026-01-01T00:00:00.000Z',
            request: { method: 'GET', url: 'https://id.uqudo.io/api/v2/info', headers: [] },
            response: {
              status: 200,
              headers: [],
              content: { mimeType: 'application/jwt', text: makeToken({ jti: 'h1' }) },
            },
          },
          { request: { method: 'GET', url: 'https://app.example/', headers: [] } },
        ],
      },
    };
    expect(store.importHar(JSON.stringify(har))).toEqual({ ok: true, exchanges: 2, tokens: 1 });
    await settled(store);
    expect(store.getState().captures.at(0)).toMatchObject({
      jti: 'h1',
      exchange: { source: 'har' },
    });
    expect(store.getState().notices.at(-1)?.text).toBe(
      'Imported 2 requests from the HAR file: 1 token found.',
    );
    const notice = store.getState().notices.at(-1);
    store.dismissNotice(notice?.id ?? -1);
    expect(store.getState().notices).toHaveLength(1);
  });
});

describe('selectors and selection', () => {
  async function filled() {
    const context = setup();
    const { store } = context;
    store.addExchange(
      jwtResponse({ jti: 'aaa' }, { url: 'https://id.uqudo.io/api/v2/info', time: 3 }),
    );
    store.addExchange(jwtResponse({ jti: 'bbb' }, { url: 'https://app.example/result', time: 2 }));
    store.addExchange(jwtResponse({ jti: 'aaa' }, { url: 'https://app.example/again', time: 1 }));
    await settled(store);
    return context;
  }

  it('filters over URL, jti and findings, with stable references', async () => {
    const { store } = await filled();
    store.setFilter('uqudo');
    const first = selectVisibleCaptures(store.getState());
    expect(first.toArray().map((capture) => capture.exchange.url)).toEqual([
      'https://id.uqudo.io/api/v2/info',
    ]);
    expect(selectVisibleCaptures(store.getState())).toBe(first);
    store.setFilter('AAA');
    expect(selectVisibleCaptures(store.getState())).toHaveLength(2);
    store.setFilter('aaa again');
    expect(selectVisibleCaptures(store.getState())).toHaveLength(1);
    store.setFilter('');
    expect(selectVisibleCaptures(store.getState())).toBe(store.getState().captures);

    store.updateSettings({ expectedAud: 'someone' });
    await vi.waitFor(() =>
      expect(
        store
          .getState()
          .captures.toArray()
          .every((capture) => capture.verdict === 'invalid'),
      ).toBe(true),
    );
    store.setFilter('aud-mismatch');
    expect(selectVisibleCaptures(store.getState())).toHaveLength(3);
  });

  it('counts duplicate jtis once per change of the list', async () => {
    const { store } = await filled();
    const counts = selectJtiCounts(store.getState());
    expect(counts.get('aaa')).toBe(2);
    expect(counts.get('bbb')).toBe(1);
    expect(selectJtiCounts(store.getState())).toBe(counts);
  });

  it('moves the selection through the visible list', async () => {
    const { store } = await filled();
    const ids = store
      .getState()
      .captures.toArray()
      .map((capture) => capture.id);
    store.selectNext();
    expect(store.getState().selectedId).toBe(ids[0]);
    store.selectNext();
    store.selectNext();
    store.selectNext();
    expect(store.getState().selectedId).toBe(ids[2]);
    store.selectPrev();
    expect(store.getState().selectedId).toBe(ids[1]);
    store.select('missing');
    expect(store.getState().selectedId).toBe(ids[1]);
    store.setFilter('uqudo');
    store.selectNext();
    expect(store.getState().selectedId).toBe(ids[0]);
  });
});
