// @vitest-environment happy-dom
// Tests for SettingsPanel: drafts commit on leaving a field or Apply, key source, private key, access.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { DEFAULT_SETTINGS, type PanelSettings } from '../lib/settings/settings';
import type { OriginAccess } from '../lib/permissions/access';
import { createInspectorStore } from '../lib/store';
import { inspectUqudoToken } from '../lib/uqudo/inspect';
import { SettingsPanel, type SettingsPanelProps } from './SettingsPanel';
import { StoreContext } from './store-context';

afterEach(cleanup);

/** The form over a store whose host access goes to `originAccess` (none: no access control). */
function renderPanel(
  overrides: Partial<SettingsPanelProps> = {},
  originAccess: OriginAccess | undefined = undefined,
) {
  const prepareKeys = vi.fn(async () => ({ state: 'ready' as const, description: 'Keys ready.' }));
  const store = createInspectorStore({
    inspect: inspectUqudoToken,
    prepareKeys,
    ...(originAccess ? { originAccess } : {}),
  });
  const props: SettingsPanelProps = {
    settings: DEFAULT_SETTINGS,
    keySetup: { state: 'ready', description: 'Keys are fetched when needed.' },
    decryptionSetup: { state: 'none', description: 'No private key.' },
    hasDecryptionKey: false,
    onChange: vi.fn(),
    onDecryptionKey: vi.fn(),
    onClose: vi.fn(),
    ...overrides,
  };
  const view = render(
    <StoreContext.Provider value={store}>
      <SettingsPanel {...props} />
    </StoreContext.Provider>,
  );
  return { props, view, store, prepareKeys };
}

function type(testId: string, value: string): HTMLElement {
  const element = screen.getByTestId(testId);
  fireEvent.input(element, { target: { value } });
  return element;
}

describe('SettingsPanel', () => {
  it('commits a text field when it loses focus, not on every keystroke', () => {
    const { props } = renderPanel();
    const aud = type('settings-aud', 'client-1');
    expect(props.onChange).not.toHaveBeenCalled();
    fireEvent.focusOut(aud);
    expect(props.onChange).toHaveBeenCalledWith({ expectedAud: 'client-1' });
  });

  it('applies every changed field at once with Apply', () => {
    const { props } = renderPanel();
    type('settings-iss', 'https://id.uqudo.io');
    type('settings-nonce', 'n-1');
    type('settings-session-id', 's-1');
    type('settings-leeway', '30');
    fireEvent.click(screen.getByTestId('settings-apply'));
    expect(props.onChange).toHaveBeenCalledTimes(1);
    expect(props.onChange).toHaveBeenCalledWith({
      expectedIss: 'https://id.uqudo.io',
      expectedNonce: 'n-1',
      expectedSessionId: 's-1',
      leewaySeconds: 30,
    });
  });

  it('ignores a leeway that is not a number and restores the applied value', () => {
    const { props } = renderPanel();
    const leeway = type('settings-leeway', '');
    fireEvent.focusOut(leeway);
    expect(props.onChange).not.toHaveBeenCalled();
    expect((leeway as HTMLInputElement).value).toBe('0');
  });

  it('switches the key source and validates a custom URL as it is typed', () => {
    const onChange = vi.fn();
    const { view, store } = renderPanel({ onChange });
    fireEvent.click(screen.getByTestId('key-source-custom-url'));
    expect(onChange).toHaveBeenCalledWith({ keySource: 'custom-url' });
    const custom: PanelSettings = { ...DEFAULT_SETTINGS, keySource: 'custom-url' };
    view.rerender(
      <StoreContext.Provider value={store}>
        <SettingsPanel
          settings={custom}
          keySetup={{ state: 'none', description: 'No usable key source.' }}
          decryptionSetup={{ state: 'none', description: '' }}
          hasDecryptionKey={false}
          onChange={onChange}
          onDecryptionKey={() => undefined}
          onClose={() => undefined}
        />
      </StoreContext.Provider>,
    );
    type('settings-jwks-url', 'http://example.com/jwks');
    expect(screen.getByText(/Use an https:\/\/ URL/)).toBeTruthy();
    const url = type('settings-jwks-url', 'https://keys.example/jwks.json');
    expect(screen.queryByText(/Use an https:\/\/ URL/)).toBeNull();
    fireEvent.focusOut(url);
    expect(onChange).toHaveBeenLastCalledWith({ customJwksUrl: 'https://keys.example/jwks.json' });
  });

  it('shows key parse feedback for pasted keys', () => {
    renderPanel({
      settings: { ...DEFAULT_SETTINGS, keySource: 'pasted', pastedKeys: 'nonsense' },
      keySetup: { state: 'error', description: 'not a JWKS, JWK or PEM key' },
    });
    const status = screen.getByTestId('key-status');
    expect(status.textContent).toBe('not a JWKS, JWK or PEM key');
    expect(status.classList.contains('setup-error')).toBe(true);
    expect((screen.getByTestId('settings-pasted-keys') as HTMLTextAreaElement).value).toBe(
      'nonsense',
    );
  });

  it('hands the private key over, masked, and keeps no copy in the field', () => {
    const { props } = renderPanel();
    const field = screen.getByTestId('settings-private-key') as HTMLTextAreaElement;
    expect(field.classList.contains('masked')).toBe(true);
    expect(screen.getByText(/Kept in memory only/)).toBeTruthy();
    fireEvent.click(screen.getByLabelText('Show while typing'));
    expect(field.classList.contains('masked')).toBe(false);
    type('settings-private-key', '{"kty":"RSA","d":"secret"}');
    fireEvent.focusOut(field);
    expect(props.onDecryptionKey).toHaveBeenCalledWith('{"kty":"RSA","d":"secret"}');
    expect(field.value).toBe('');
  });

  it('forgets a loaded private key', () => {
    const { props } = renderPanel({
      hasDecryptionKey: true,
      decryptionSetup: { state: 'ready', description: 'RSA private key' },
    });
    fireEvent.click(screen.getByTestId('forget-private-key'));
    expect(props.onDecryptionKey).toHaveBeenCalledWith('');
  });

  it('asks for access to the JWKS origin and explains a refusal', async () => {
    const access: OriginAccess = {
      contains: vi.fn(async () => false),
      request: vi.fn(async () => false),
    };
    const { prepareKeys } = renderPanel({}, access);
    const grant = await screen.findByTestId('grant-access');
    expect(grant.textContent).toBe('Grant access to https://id.uqudo.io');
    expect(access.contains).toHaveBeenCalledWith('https://id.uqudo.io');
    fireEvent.click(grant);
    expect(access.request).toHaveBeenCalledWith('https://id.uqudo.io');
    expect(await screen.findByText(/Access was refused/)).toBeTruthy();
    expect(prepareKeys).toHaveBeenCalledTimes(1);
  });

  it('says so when access is already granted', async () => {
    renderPanel({}, { contains: async () => true, request: async () => true });
    await waitFor(() =>
      expect(screen.getByText('The panel may fetch keys from https://id.uqudo.io.')).toBeTruthy(),
    );
    expect(screen.queryByTestId('grant-access')).toBeNull();
  });
});
