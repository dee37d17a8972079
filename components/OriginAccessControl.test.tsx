// @vitest-environment happy-dom
// Tests for OriginAccessControl over the store: reads access up front, asks from the click, and two controls share one state.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import type { OriginAccess } from '../lib/permissions/access';
import { DEFAULT_SETTINGS, normalizeSettings } from '../lib/settings/settings';
import { createInspectorStore, type InspectorStore } from '../lib/store';
import { selectKeyAccess } from '../lib/store/key-status';
import { inspectUqudoToken } from '../lib/uqudo/inspect';
import { OriginAccessControl } from './OriginAccessControl';
import { StoreContext, useInspector } from './store-context';

const JWKS_URL = 'https://keys.example.test/.well-known/jwks.json';
const ORIGIN = 'https://keys.example.test';

afterEach(() => cleanup());

/** The control wired as the key line and Settings wire it: state from the store, the click to store.keyAccess. */
function Wired({ store, testId }: { store: InspectorStore; testId?: string }) {
  const access = useInspector(selectKeyAccess);
  if (!access) return null;
  return (
    <OriginAccessControl
      origin={access.origin}
      state={access.state}
      onRequest={() => void store.keyAccess.request()}
      {...(testId ? { testId } : {})}
    />
  );
}

/** A store keyed to JWKS_URL over `access`, with a key builder the test can count. */
function storeOver(access: OriginAccess) {
  const prepareKeys = vi.fn(async () => ({ state: 'ready' as const, description: 'Keys ready.' }));
  const store = createInspectorStore({
    inspect: inspectUqudoToken,
    originAccess: access,
    prepareKeys,
    settings: normalizeSettings({
      ...DEFAULT_SETTINGS,
      keySource: 'custom-url',
      customJwksUrl: JWKS_URL,
    }),
  });
  return { store, prepareKeys };
}

function renderWired(store: InspectorStore, testIds: (string | undefined)[] = [undefined]) {
  render(
    <StoreContext.Provider value={store}>
      {testIds.map((testId) => (
        <Wired key={testId ?? 'default'} store={store} {...(testId ? { testId } : {})} />
      ))}
    </StoreContext.Provider>,
  );
}

describe('OriginAccessControl', () => {
  it('asks for the origin inside the click and reloads once granted', async () => {
    const access = { contains: vi.fn(async () => false), request: vi.fn(async () => true) };
    const { store, prepareKeys } = storeOver(access);
    renderWired(store);
    expect(access.contains).toHaveBeenCalledWith(ORIGIN);
    const loads = prepareKeys.mock.calls.length;
    fireEvent.click(await screen.findByTestId('grant-access'));
    expect(access.request).toHaveBeenCalledWith(ORIGIN);
    await waitFor(() => expect(prepareKeys).toHaveBeenCalledTimes(loads + 1));
    expect(screen.getByText(`The panel may fetch keys from ${ORIGIN}.`)).toBeTruthy();
  });

  it('explains a refusal', async () => {
    const access = { contains: async () => false, request: async () => false };
    renderWired(storeOver(access).store);
    fireEvent.click(screen.getByTestId('grant-access'));
    expect(await screen.findByText(/Access was refused: keys cannot be fetched/)).toBeTruthy();
  });

  it('two controls over one shared store agree: a grant in one shows in the other', async () => {
    const access = { contains: async () => false, request: async () => true };
    const { store } = storeOver(access);
    renderWired(store, [undefined, 'key-grant-access']);
    fireEvent.click(await screen.findByTestId('key-grant-access'));
    await waitFor(() => expect(screen.queryByTestId('grant-access')).toBeNull());
    expect(screen.queryByTestId('key-grant-access')).toBeNull();
    expect(store.getState().originAccess.byOrigin[ORIGIN]).toBe('granted');
  });
});
