// Tests for the store's JWKS host access: checked from the key source, asked from a click, keys reloaded on grant.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { inspectUqudoToken } from '../uqudo/inspect';
import {
  buildJwks,
  buildUqudoPayload,
  generateTestKeyPair,
  mintToken,
  type TestKeyPair,
} from '../jose/testing/tokens';
import { DEFAULT_SETTINGS, normalizeSettings } from '../settings/settings';
import { selectKeyAccess } from './key-status';
import { createInspectorStore, type InspectorStore } from '.';

const ORIGIN = 'https://keys.example.test';
const JWKS_URL = `${ORIGIN}/.well-known/jwks.json`;

let signer: TestKeyPair;

beforeAll(async () => {
  signer = await generateTestKeyPair('RS256', 'k');
});

/** A port whose answers the test releases one by one (as in lib/permissions tests). */
function deferredPort() {
  const answers: ((granted: boolean) => void)[] = [];
  const wait = () => new Promise<boolean>((resolve) => answers.push(resolve));
  return {
    port: { contains: vi.fn(wait), request: vi.fn(wait) },
    answer: (index: number, granted: boolean) => answers[index]!(granted),
  };
}

/** A store keyed to JWKS_URL whose fetch, like Chrome without host access, fails until `allowed`. */
function storeOver(port: ReturnType<typeof deferredPort>['port']) {
  const gate = { allowed: false };
  const fetchJwks = vi.fn(async (input: RequestInfo | URL) => {
    if (!gate.allowed || String(input) !== JWKS_URL) throw new TypeError('Failed to fetch');
    return new Response(buildJwks(signer), { headers: { 'content-type': 'application/json' } });
  });
  const store = createInspectorStore({
    inspect: inspectUqudoToken,
    fetch: fetchJwks as unknown as typeof fetch,
    originAccess: port,
    settings: normalizeSettings({
      ...DEFAULT_SETTINGS,
      keySource: 'custom-url',
      customJwksUrl: JWKS_URL,
    }),
  });
  return { store, fetchJwks, gate };
}

/** Resolves once the only capture has verdict `verdict`. */
function verdictIs(store: InspectorStore, verdict: string): Promise<void> {
  return new Promise((resolve) => {
    const done = () => store.getState().captures.toArray()[0]?.verdict === verdict;
    if (done()) return resolve();
    const stop = store.subscribe(() => {
      if (!done()) return;
      stop();
      resolve();
    });
  });
}

async function pasteToken(store: InspectorStore) {
  const token = await mintToken(buildUqudoPayload({ iss: ORIGIN }), { key: signer });
  expect(store.addPastedToken(token)).toMatchObject({ ok: true });
}

describe('store.keyAccess', () => {
  it('checks the JWKS origin on creation and when the key source moves', async () => {
    const { port, answer } = deferredPort();
    const { store } = storeOver(port);
    expect(port.contains).toHaveBeenCalledWith(ORIGIN);
    expect(selectKeyAccess(store.getState())).toEqual({ origin: ORIGIN, state: 'checking' });
    answer(0, false);
    await vi.waitFor(() => expect(selectKeyAccess(store.getState())?.state).toBe('not-granted'));
    store.updateSettings({ customJwksUrl: 'https://other.example.test/jwks.json' });
    expect(port.contains).toHaveBeenLastCalledWith('https://other.example.test');
    store.updateSettings({ expectedAud: 'client-1' });
    expect(port.contains).toHaveBeenCalledTimes(2);
  });

  it('grant: asks synchronously, then loads the JWKS and re-checks the verdicts', async () => {
    const { port, answer } = deferredPort();
    const { store, fetchJwks, gate } = storeOver(port);
    answer(0, false);
    await pasteToken(store);
    await verdictIs(store, 'unverified');
    expect(store.getState().keySetup.state).toBe('error');
    const asked = store.keyAccess.request();
    // Called within the same call chain as the click, before any await.
    expect(port.request).toHaveBeenCalledWith(ORIGIN);
    expect(selectKeyAccess(store.getState())?.state).toBe('asking');
    gate.allowed = true;
    const fetchesBefore = fetchJwks.mock.calls.length;
    answer(1, true);
    expect(await asked).toBe('granted');
    await verdictIs(store, 'valid');
    expect(fetchJwks.mock.calls.length).toBeGreaterThan(fetchesBefore);
    expect(selectKeyAccess(store.getState())?.state).toBe('granted');
    expect(store.getState().keySetup.state).toBe('ready');
  });

  it('refused: the state says so and nothing is fetched again', async () => {
    const { port, answer } = deferredPort();
    const { store, fetchJwks } = storeOver(port);
    answer(0, false);
    await pasteToken(store);
    await verdictIs(store, 'unverified');
    const fetches = fetchJwks.mock.calls.length;
    const asked = store.keyAccess.request();
    answer(1, false);
    expect(await asked).toBe('refused');
    expect(selectKeyAccess(store.getState())).toEqual({ origin: ORIGIN, state: 'refused' });
    expect(fetchJwks.mock.calls.length).toBe(fetches);
    expect(store.getState().captures.toArray()[0]?.verdict).toBe('unverified');
  });

  it('shows no control without a port or without a JWKS URL', () => {
    const bare = createInspectorStore({ inspect: inspectUqudoToken });
    expect(selectKeyAccess(bare.getState())).toBeUndefined();
    const { port } = deferredPort();
    const pasted = createInspectorStore({
      inspect: inspectUqudoToken,
      originAccess: port,
      settings: normalizeSettings({ ...DEFAULT_SETTINGS, keySource: 'pasted' }),
    });
    expect(selectKeyAccess(pasted.getState())).toBeUndefined();
    expect(port.contains).not.toHaveBeenCalled();
  });
});
