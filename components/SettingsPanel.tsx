// SettingsPanel: key source, claim expectations, leeway and the JWE private key (memory only).
import { useEffect, useState } from 'preact/hooks';
import type { SetupStatus } from '../lib/settings/checks';
import {
  collectSettingsPatch,
  createDrafts,
  readLeewayDraft,
  type SettingsTextField,
} from '../lib/settings/form';
import { describeJwksUrlProblem, type PanelSettings } from '../lib/settings/settings';
import type { TextFieldBinding } from './SettingsExpectationsFieldset';
import { SettingsExpectationsFieldset } from './SettingsExpectationsFieldset';
import { SettingsKeysFieldset } from './SettingsKeysFieldset';
import { SettingsPrivateKeyFieldset } from './SettingsPrivateKeyFieldset';

export interface SettingsPanelProps {
  settings: PanelSettings;
  keySetup: SetupStatus;
  decryptionSetup: SetupStatus;
  /** True when a private key is held in memory. */
  hasDecryptionKey: boolean;
  onChange: (patch: Partial<PanelSettings>) => void;
  onDecryptionKey: (text: string) => void;
  onClose: () => void;
}

/**
 * The settings form. Text fields apply when they lose focus, on Enter, or with "Apply"; every
 * applied change of keys or expectations re-checks all captures.
 */
export function SettingsPanel(props: SettingsPanelProps) {
  const { settings } = props;
  const [drafts, setDrafts] = useState(() => createDrafts(settings));
  const [leewayDraft, setLeewayDraft] = useState(String(settings.leewaySeconds));
  const [privateKey, setPrivateKey] = useState('');

  // Applied settings can change from elsewhere (storage load, normalisation): follow them.
  useEffect(() => setDrafts(createDrafts(settings)), [settings]);
  useEffect(() => setLeewayDraft(String(settings.leewaySeconds)), [settings.leewaySeconds]);

  const commitLeeway = () => {
    const leeway = readLeewayDraft(leewayDraft, settings);
    if (leeway !== undefined) props.onChange({ leewaySeconds: leeway });
    else setLeewayDraft(String(settings.leewaySeconds));
  };
  const applyPrivateKey = () => {
    props.onDecryptionKey(privateKey);
    // The text is handed to the store; the form does not keep a second copy around.
    setPrivateKey('');
  };
  const applyAll = (event: Event) => {
    event.preventDefault();
    const patch = collectSettingsPatch(drafts, leewayDraft, settings);
    if (Object.keys(patch).length > 0) props.onChange(patch);
    if (privateKey.trim() !== '') applyPrivateKey();
  };
  const bind = (field: SettingsTextField): TextFieldBinding => ({
    value: drafts[field],
    onInput: (event: Event) => {
      const value = (event.currentTarget as HTMLInputElement | HTMLTextAreaElement).value;
      setDrafts((current) => ({ ...current, [field]: value }));
    },
    // Not onChange: with preact/compat loaded (zustand's hook pulls it in), onChange on text
    // fields means every keystroke. Leaving the field, Enter (form submit) or Apply commits.
    onFocusOut: () => {
      if (drafts[field] !== settings[field]) props.onChange({ [field]: drafts[field] });
    },
  });
  const urlDraftProblem =
    settings.keySource === 'custom-url' ? describeJwksUrlProblem(drafts.customJwksUrl) : undefined;

  return (
    <section class="side-panel settings-panel" aria-label="Settings">
      <header class="side-panel-head">
        <h2>Settings</h2>
        <button type="button" aria-label="Close" title="Close" onClick={props.onClose}>
          ×
        </button>
      </header>
      <form onSubmit={applyAll}>
        <SettingsKeysFieldset
          settings={settings}
          keySetup={props.keySetup}
          urlDraftProblem={urlDraftProblem}
          bind={bind}
          onChange={props.onChange}
        />
        <SettingsExpectationsFieldset
          bind={bind}
          leewayDraft={leewayDraft}
          onLeewayDraft={setLeewayDraft}
          onCommitLeeway={commitLeeway}
        />
        <SettingsPrivateKeyFieldset
          privateKey={privateKey}
          onPrivateKey={setPrivateKey}
          onApplyPrivateKey={applyPrivateKey}
          hasDecryptionKey={props.hasDecryptionKey}
          decryptionSetup={props.decryptionSetup}
          onDecryptionKey={props.onDecryptionKey}
        />
        <div class="form-actions">
          <button type="submit" data-testid="settings-apply">
            Apply
          </button>
          <span class="muted">Changes re-check every captured token.</span>
        </div>
      </form>
    </section>
  );
}
