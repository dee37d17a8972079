// @vitest-environment happy-dom
// Tests for OriginAccessControl: reads access on mount, asks from the click, and shares a store when given one.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { createOriginAccessStore } from '../lib/permissions/store';
import { OriginAccessControl } from './OriginAccessControl';

const JWKS_URL = 'https://keys.example.test/.well-known/jwks.json';
const ORIGIN = 'https://keys.example.test';

afterEach(() => cleanup());

describe('OriginAccessControl', () => {
  it('asks for the origin inside the click and reloads once granted', async () => {
    const access = { contains: vi.fn(async () => false), request: vi.fn(async () => true) };
    const onGranted = vi.fn();
    render(<OriginAccessControl url={JWKS_URL} access={access} onGranted={onGranted} />);
    expect(access.contains).toHaveBeenCalledWith(ORIGIN);
    fireEvent.click(await screen.findByTestId('grant-access'));
    expect(access.request).toHaveBeenCalledWith(ORIGIN);
    await waitFor(() => expect(onGranted).toHaveBeenCalledOnce());
    expect(screen.getByText(`The panel may fetch keys from ${ORIGIN}.`)).toBeTruthy();
  });

  it('explains a refusal', async () => {
    const access = { contains: async () => false, request: async () => false };
    render(<OriginAccessControl url={JWKS_URL} access={access} onGranted={() => undefined} />);
    fireEvent.click(screen.getByTestId('grant-access'));
    expect(await screen.findByText(/Access was refused: keys cannot be fetched/)).toBeTruthy();
  });

  it('two controls over one shared store agree: a grant in one shows in the other', async () => {
    const access = { contains: async () => false, request: async () => true };
    const store = createOriginAccessStore(access);
    const noop = () => undefined;
    render(
      <>
        <OriginAccessControl url={JWKS_URL} access={access} accessStore={store} onGranted={noop} />
        <OriginAccessControl
          url={JWKS_URL}
          access={access}
          accessStore={store}
          onGranted={noop}
          testId="key-grant-access"
        />
      </>,
    );
    fireEvent.click(await screen.findByTestId('key-grant-access'));
    await waitFor(() => expect(screen.queryByTestId('grant-access')).toBeNull());
    expect(screen.queryByTestId('key-grant-access')).toBeNull();
    expect(store.getState().originAccess.byOrigin[ORIGIN]).toBe('granted');
  });
});
