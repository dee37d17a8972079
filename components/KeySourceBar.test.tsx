// @vitest-environment happy-dom
// Tests for the key line: the source always shown, the iss suggestion only offered, saved on click.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { inspectUqudoToken } from '../lib/uqudo/inspect';
import {
  buildJwks,
  buildUqudoPayload,
  generateTestKeyPair,
  mintToken,
  type TestKeyPair,
} from '../lib/jose/testing/tokens';
import {
  DEFAULT_SETTINGS,
  UQUDO_JWKS_URL,
  normalizeSettings,
  type PanelSettings,
} from '../lib/settings/settings';
import { createInspectorStore } from '../lib/store';
import { StoreContext } from './store-context';
import { App } from './App';
import { KeyLine } from './KeyLine';
import { KeySourceBar } from './KeySourceBar';

const SANDBOX = 'http://127.0.0.1:8321';
const SANDBOX_JWKS = `${SANDBOX}/api/.well-known/jwks.json`;
const LONG = { timeout: 15_000 };

let signer: TestKeyPair;

beforeAll(async () => {
  signer = await generateTestKeyPair('RS256', 'sandbox-key');
});

afterEach(cleanup);

/** The panel over a store whose fetch serves the sandbox JWKS and fails for everything else. */
function renderPanel(settings: Partial<PanelSettings> = {}) {
  const saved: PanelSettings[] = [];
  const fetchJwks = vi.fn(async (input: RequestInfo | URL) => {
    if (String(input) !== SANDBOX_JWKS) throw new TypeError('network error (offline test)');
    return new Response(buildJwks(signer), { headers: { 'content-type': 'application/json' } });
  });
  const store = createInspectorStore({
    inspect: inspectUqudoToken,
    fetch: fetchJwks as unknown as typeof fetch,
    settings: normalizeSettings({ ...DEFAULT_SETTINGS, ...settings }),
    saveSettings: (next) => saved.push(next),
  });
  // These tests read the flat token list (the panel opens on sessions).
  store.setListMode('tokens');
  render(
    <StoreContext.Provider value={store}>
      <App />
    </StoreContext.Provider>,
  );
  return { store, saved, fetchJwks };
}

async function paste(store: ReturnType<typeof renderPanel>['store'], iss: string) {
  const token = await mintToken(buildUqudoPayload({ iss }), { key: signer });
  expect(store.addPastedToken(token)).toMatchObject({ ok: true });
}

const verdicts = () => screen.queryAllByTestId('token-row').map((row) => row.dataset.verdict);

describe('key line in the panel', () => {
  it('offers the JWKS of a loopback iss when Uqudo’s cannot be loaded, and applies it only on click', async () => {
    const { store, saved } = renderPanel();
    expect(screen.getByTestId('key-source-label').textContent).toBe(
      `Keys: Uqudo JWKS ${UQUDO_JWKS_URL}`,
    );
    await paste(store, SANDBOX);
    await waitFor(() => expect(verdicts()).toEqual(['unverified']), LONG);
    const button = await screen.findByTestId('key-suggestion');
    expect(button.textContent).toBe(`Verify with ${SANDBOX_JWKS}`);
    expect(screen.getByTestId('key-source-problem').textContent).toContain('offline test');
    // Offered, not applied.
    expect(store.getState().settings.keySource).toBe('uqudo-jwks');
    expect(saved).toEqual([]);

    fireEvent.click(button);
    await waitFor(() => expect(verdicts()).toEqual(['valid']), LONG);
    expect(saved.at(-1)).toMatchObject({
      keySource: 'custom-url',
      customJwksUrl: SANDBOX_JWKS,
      keySourceSetBy: 'suggestion',
    });
    expect(screen.getByTestId('key-source-label').textContent).toBe(
      `Keys: JWKS ${SANDBOX_JWKS} (from a result's iss, confirmed by you)`,
    );
    expect(screen.queryByTestId('key-suggestion')).toBeNull();
  });

  it('offers nothing for an iss that is not loopback or Uqudo', async () => {
    const { store, fetchJwks } = renderPanel();
    await paste(store, 'https://issuer.example');
    await waitFor(() => expect(verdicts()).toEqual(['unverified']), LONG);
    expect(fetchJwks).toHaveBeenCalled();
    expect(screen.queryByTestId('key-suggestion')).toBeNull();
  });

  it('offers nothing while the keys work, and says who set them', async () => {
    const { store } = renderPanel({
      keySource: 'custom-url',
      customJwksUrl: SANDBOX_JWKS,
      keySourceSetBy: 'demo',
    });
    expect(screen.getByTestId('key-source-label').textContent).toBe(
      `Keys: JWKS ${SANDBOX_JWKS} (set by npm run demo)`,
    );
    await paste(store, SANDBOX);
    await waitFor(() => expect(verdicts()).toEqual(['valid']), LONG);
    expect(screen.queryByTestId('key-suggestion')).toBeNull();
    expect(screen.queryByTestId('key-source-problem')).toBeNull();
  });
});

describe('KeySourceBar', () => {
  const base = {
    label: `Keys: JWKS ${SANDBOX_JWKS}`,
    onUseSuggestion: () => undefined,
    onOpenSettings: () => undefined,
    onRequestKeyAccess: () => undefined,
  };

  it('offers host access to the failing JWKS origin from a click and reloads the keys', async () => {
    const access = { contains: vi.fn(async () => false), request: vi.fn(async () => true) };
    const prepareKeys = vi.fn(async () => ({
      state: 'error' as const,
      description: 'Could not load the JWKS: Failed to fetch',
    }));
    const store = createInspectorStore({
      inspect: inspectUqudoToken,
      originAccess: access,
      prepareKeys,
      settings: normalizeSettings({
        ...DEFAULT_SETTINGS,
        keySource: 'custom-url',
        customJwksUrl: SANDBOX_JWKS,
      }),
    });
    render(
      <StoreContext.Provider value={store}>
        <KeyLine onOpenSettings={() => undefined} />
      </StoreContext.Provider>,
    );
    const grant = await screen.findByTestId('key-grant-access');
    expect(grant.textContent).toBe(`Grant access to ${SANDBOX}`);
    fireEvent.click(grant);
    expect(access.request).toHaveBeenCalledWith(SANDBOX);
    await waitFor(() => expect(prepareKeys).toHaveBeenCalledTimes(2));
  });

  it('shows no problem, grant button or suggestion while the keys are ready', () => {
    render(
      <KeySourceBar
        {...base}
        keySetup={{ state: 'ready', description: 'Keys are fetched when needed.' }}
        keyAccess={{ origin: SANDBOX, state: 'not-granted' }}
      />,
    );
    expect(screen.getByTestId('key-source').dataset.state).toBe('ready');
    expect(screen.queryByTestId('key-source-problem')).toBeNull();
    expect(screen.queryByTestId('key-grant-access')).toBeNull();
    expect(screen.queryByTestId('key-suggestion')).toBeNull();
  });

  it('opens Settings from "Change…"', () => {
    const onOpenSettings = vi.fn();
    render(
      <KeySourceBar
        {...base}
        keySetup={{ state: 'ready', description: '' }}
        onOpenSettings={onOpenSettings}
      />,
    );
    fireEvent.click(screen.getByText('Change…'));
    expect(onOpenSettings).toHaveBeenCalledTimes(1);
  });
});
