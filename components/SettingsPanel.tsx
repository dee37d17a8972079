// SettingsPanel: key source, claim expectations, leeway and the JWE private key (memory only).
import type { OriginAccess } from '../lib/permissions/access';
import type { OriginAccessHost } from '../lib/permissions/store';
import { useEffect, useState } from 'preact/hooks';
import { OriginAccessControl } from './OriginAccessControl';
import type { SetupStatus } from '../lib/settings/checks';
import {
  UQUDO_JWKS_URL,
  describeJwksUrlProblem,
  validateSettings,
  type KeySourceMode,
  type PanelSettings,
} from '../lib/settings/settings';

export interface SettingsPanelProps {
  settings: PanelSettings;
  keySetup: SetupStatus;
  decryptionSetup: SetupStatus;
  /** True when a private key is held in memory. */
  hasDecryptionKey: boolean;
  onChange: (patch: Partial<PanelSettings>) => void;
  onDecryptionKey: (text: string) => void;
  /** Rebuilds the key resolver and re-checks (after access was granted). */
  onReloadKeys: () => void;
  originAccess?: OriginAccess;
  /** The panel's shared host-access store (lib/permissions/store.ts); without it the control keeps its own. */
  originAccessStore?: OriginAccessHost;
  onClose: () => void;
}

type TextField =
  | 'customJwksUrl'
  | 'pastedKeys'
  | 'expectedAud'
  | 'expectedIss'
  | 'expectedSessionId'
  | 'expectedNonce';

const TEXT_FIELDS: readonly TextField[] = [
  'customJwksUrl',
  'pastedKeys',
  'expectedAud',
  'expectedIss',
  'expectedSessionId',
  'expectedNonce',
];

/**
 * The settings form. Text fields apply when they lose focus, on Enter, or with "Apply"; every
 * applied change of keys or expectations re-checks all captures.
 */
export function SettingsPanel(props: SettingsPanelProps) {
  const { settings, keySetup, decryptionSetup } = props;
  const [drafts, setDrafts] = useState(() => draftsOf(settings));
  const [leewayDraft, setLeewayDraft] = useState(String(settings.leewaySeconds));
  const [privateKey, setPrivateKey] = useState('');
  const [revealKey, setRevealKey] = useState(false);

  // Applied settings can change from elsewhere (storage load, normalisation): follow them.
  useEffect(() => setDrafts(draftsOf(settings)), [settings]);
  useEffect(() => setLeewayDraft(String(settings.leewaySeconds)), [settings.leewaySeconds]);

  const commit = (field: TextField) => {
    if (drafts[field] !== settings[field]) props.onChange({ [field]: drafts[field] });
  };
  const commitLeeway = () => {
    const value = Number(leewayDraft);
    if (leewayDraft.trim() !== '' && Number.isFinite(value) && value !== settings.leewaySeconds) {
      props.onChange({ leewaySeconds: value });
    } else {
      setLeewayDraft(String(settings.leewaySeconds));
    }
  };
  const applyAll = (event: Event) => {
    event.preventDefault();
    const patch: Partial<PanelSettings> = {};
    for (const field of TEXT_FIELDS) {
      if (drafts[field] !== settings[field]) patch[field] = drafts[field];
    }
    const leeway = Number(leewayDraft);
    if (leewayDraft.trim() !== '' && Number.isFinite(leeway) && leeway !== settings.leewaySeconds) {
      patch.leewaySeconds = leeway;
    }
    if (Object.keys(patch).length > 0) props.onChange(patch);
    if (privateKey.trim() !== '') applyPrivateKey();
  };
  const applyPrivateKey = () => {
    props.onDecryptionKey(privateKey);
    // The text is handed to the store; the form does not keep a second copy around.
    setPrivateKey('');
  };

  const bind = (field: TextField) => ({
    value: drafts[field],
    onInput: (event: Event) => {
      const value = (event.currentTarget as HTMLInputElement | HTMLTextAreaElement).value;
      setDrafts((current) => ({ ...current, [field]: value }));
    },
    // Not onChange: with preact/compat loaded (zustand's hook pulls it in), onChange on text
    // fields means every keystroke. Leaving the field, Enter (form submit) or Apply commits.
    onFocusOut: () => commit(field),
  });

  const issues = validateSettings(settings);
  const issueFor = (field: keyof PanelSettings) =>
    issues.find((issue) => issue.field === field)?.message;
  const urlDraftProblem =
    settings.keySource === 'custom-url' ? describeJwksUrlProblem(drafts.customJwksUrl) : undefined;
  const jwksUrl =
    settings.keySource === 'uqudo-jwks'
      ? UQUDO_JWKS_URL
      : settings.keySource === 'custom-url' && !issueFor('customJwksUrl')
        ? settings.customJwksUrl.trim()
        : undefined;

  return (
    <section class="side-panel settings-panel" aria-label="Settings">
      <header class="side-panel-head">
        <h2>Settings</h2>
        <button type="button" aria-label="Close" title="Close" onClick={props.onClose}>
          ×
        </button>
      </header>
      <form onSubmit={applyAll}>
        <fieldset>
          <legend>Verification keys</legend>
          <KeySourceRadio
            mode="uqudo-jwks"
            current={settings.keySource}
            onChange={props.onChange}
            label={`Uqudo JWKS (${UQUDO_JWKS_URL})`}
          />
          <KeySourceRadio
            mode="custom-url"
            current={settings.keySource}
            onChange={props.onChange}
            label="Another JWKS URL"
          />
          {settings.keySource === 'custom-url' && (
            <label class="field nested">
              <span>JWKS URL</span>
              <input
                type="url"
                data-testid="settings-jwks-url"
                placeholder="https://…/.well-known/jwks.json"
                spellcheck={false}
                {...bind('customJwksUrl')}
              />
              {urlDraftProblem && <span class="form-error">{urlDraftProblem}</span>}
            </label>
          )}
          <KeySourceRadio
            mode="pasted"
            current={settings.keySource}
            onChange={props.onChange}
            label="Pasted keys (JWKS, JWK or PEM public key / certificate)"
          />
          {settings.keySource === 'pasted' && (
            <label class="field nested">
              <span>Public keys</span>
              <textarea
                data-testid="settings-pasted-keys"
                rows={5}
                spellcheck={false}
                placeholder={'{"keys":[…]} or -----BEGIN PUBLIC KEY-----'}
                {...bind('pastedKeys')}
              />
            </label>
          )}
          <p class={`setup-status setup-${keySetup.state}`} data-testid="key-status">
            {keySetup.description}
          </p>
          {jwksUrl && props.originAccess && (
            <OriginAccessControl
              url={jwksUrl}
              access={props.originAccess}
              {...(props.originAccessStore ? { accessStore: props.originAccessStore } : {})}
              onGranted={props.onReloadKeys}
            />
          )}
        </fieldset>

        <fieldset>
          <legend>Expectations (empty = not checked)</legend>
          <label class="field">
            <span>
              Expected <code>aud</code> (your client id)
            </span>
            <input data-testid="settings-aud" spellcheck={false} {...bind('expectedAud')} />
          </label>
          <label class="field">
            <span>
              Expected <code>iss</code>
            </span>
            <input
              data-testid="settings-iss"
              placeholder="https://id.uqudo.io"
              spellcheck={false}
              {...bind('expectedIss')}
            />
          </label>
          <label class="field">
            <span>
              Expected session id (<code>jti</code>, or <code>data.sessionId</code> for face
              sessions)
            </span>
            <input
              data-testid="settings-session-id"
              spellcheck={false}
              {...bind('expectedSessionId')}
            />
          </label>
          <label class="field">
            <span>
              Expected nonce (<code>data.nonce</code>)
            </span>
            <input data-testid="settings-nonce" spellcheck={false} {...bind('expectedNonce')} />
          </label>
          <label class="field">
            <span>Clock leeway (seconds, for exp / nbf / iat)</span>
            <input
              type="number"
              min={0}
              max={86400}
              step={1}
              data-testid="settings-leeway"
              value={leewayDraft}
              onInput={(event) => setLeewayDraft(event.currentTarget.value)}
              onFocusOut={commitLeeway}
            />
          </label>
        </fieldset>

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
              onInput={(event) => setPrivateKey(event.currentTarget.value)}
              onFocusOut={() => {
                if (privateKey.trim() !== '') applyPrivateKey();
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

interface KeySourceRadioProps {
  mode: KeySourceMode;
  current: KeySourceMode;
  label: string;
  onChange: (patch: Partial<PanelSettings>) => void;
}

function KeySourceRadio({ mode, current, label, onChange }: KeySourceRadioProps) {
  return (
    <label class="radio">
      <input
        type="radio"
        name="key-source"
        value={mode}
        data-testid={`key-source-${mode}`}
        checked={current === mode}
        onChange={() => onChange({ keySource: mode })}
      />
      {label}
    </label>
  );
}

function draftsOf(settings: PanelSettings): Record<TextField, string> {
  return {
    customJwksUrl: settings.customJwksUrl,
    pastedKeys: settings.pastedKeys,
    expectedAud: settings.expectedAud,
    expectedIss: settings.expectedIss,
    expectedSessionId: settings.expectedSessionId,
    expectedNonce: settings.expectedNonce,
  };
}
