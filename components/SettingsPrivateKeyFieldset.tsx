// SettingsPrivateKeyFieldset: the JWE private key (memory only), typed masked, applied on focus-out.
import { useState } from 'preact/hooks';
import type { SetupStatus } from '../lib/settings/checks';

/** Props of {@link SettingsPrivateKeyFieldset}. */
interface SettingsPrivateKeyFieldsetProps {
  privateKey: string;
  onPrivateKey: (text: string) => void;
  onApplyPrivateKey: () => void;
  hasDecryptionKey: boolean;
  decryptionSetup: SetupStatus;
  onDecryptionKey: (text: string) => void;
}

/** The "Encrypted results (JWE)" part of the settings form. */
export function SettingsPrivateKeyFieldset(props: SettingsPrivateKeyFieldsetProps) {
  const { privateKey, decryptionSetup } = props;
  const [revealKey, setRevealKey] = useState(false);
  return (
    <fieldset>
      <legend>Encrypted results (JWE)</legend>
      <label class="field">
        <span>Private key (JWK or PKCS#8 PEM)</span>
        <textarea
          data-testid="settings-private-key"
          class={revealKey ? undefined : 'masked'}
          rows={4}
          spellcheck={false}
          autocomplete="off"
          placeholder={
            props.hasDecryptionKey ? 'A key is loaded — paste another to replace it' : ''
          }
          value={privateKey}
          onInput={(event) => props.onPrivateKey(event.currentTarget.value)}
          onFocusOut={() => {
            if (privateKey.trim() !== '') props.onApplyPrivateKey();
          }}
        />
      </label>
      <label class="toolbar-check">
        <input
          type="checkbox"
          checked={revealKey}
          onChange={(event) => setRevealKey(event.currentTarget.checked)}
        />
        Show while typing
      </label>
      <p class="muted">Kept in memory only: never saved, forgotten when DevTools closes.</p>
      <p class={`setup-status setup-${decryptionSetup.state}`} data-testid="decryption-status">
        {decryptionSetup.description}
      </p>
      {props.hasDecryptionKey && (
        <button
          type="button"
          data-testid="forget-private-key"
          onClick={() => props.onDecryptionKey('')}
        >
          Forget private key
        </button>
      )}
    </fieldset>
  );
}
