// SettingsKeysFieldset: the key source (Uqudo JWKS, another URL, pasted keys), its status and host access.
import type { SetupStatus } from '../lib/settings/checks';
import { selectKeyAccess } from '../lib/store/key-status';
import type { SettingsTextField } from '../lib/settings/form';
import { UQUDO_JWKS_URL, type PanelSettings } from '../lib/settings/settings';
import { KeySourceRadio } from './KeySourceRadio';
import { OriginAccessControl } from './OriginAccessControl';
import type { TextFieldBinding } from './SettingsExpectationsFieldset';
import { useInspector, useInspectorStore } from './store-context';

/** Props of {@link SettingsKeysFieldset}. */
interface SettingsKeysFieldsetProps {
  settings: PanelSettings;
  keySetup: SetupStatus;
  /** Why the typed JWKS URL cannot be used (shown under the field). */
  urlDraftProblem: string | undefined;
  bind: (field: SettingsTextField) => TextFieldBinding;
  onChange: (patch: Partial<PanelSettings>) => void;
}

/** The "Verification keys" part of the settings form; host access comes from the store (selectKeyAccess). */
export function SettingsKeysFieldset(props: SettingsKeysFieldsetProps) {
  const { settings, keySetup, urlDraftProblem, bind } = props;
  const store = useInspectorStore();
  const keyAccess = useInspector(selectKeyAccess);
  return (
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
      {keyAccess && (
        <OriginAccessControl
          origin={keyAccess.origin}
          state={keyAccess.state}
          // Synchronous from the click: the store calls permissions.request before any await.
          onRequest={() => void store.keyAccess.request()}
        />
      )}
    </fieldset>
  );
}
