// SettingsKeysFieldset: the key source (Uqudo JWKS, another URL, pasted keys), its status and host access.
import type { OriginAccess } from '../lib/permissions/access';
import type { OriginAccessHost } from '../lib/permissions/store';
import type { SetupStatus } from '../lib/settings/checks';
import type { SettingsTextField } from '../lib/settings/form';
import { UQUDO_JWKS_URL, type PanelSettings } from '../lib/settings/settings';
import { KeySourceRadio } from './KeySourceRadio';
import { OriginAccessControl } from './OriginAccessControl';
import type { TextFieldBinding } from './SettingsExpectationsFieldset';

/** Props of {@link SettingsKeysFieldset}. */
interface SettingsKeysFieldsetProps {
  settings: PanelSettings;
  keySetup: SetupStatus;
  /** Why the typed JWKS URL cannot be used (shown under the field). */
  urlDraftProblem: string | undefined;
  /** The JWKS URL whose host access the control asks for, when one is in use. */
  jwksUrl: string | undefined;
  bind: (field: SettingsTextField) => TextFieldBinding;
  onChange: (patch: Partial<PanelSettings>) => void;
  onReloadKeys: () => void;
  originAccess?: OriginAccess;
  originAccessStore?: OriginAccessHost;
}

/** The "Verification keys" part of the settings form. */
export function SettingsKeysFieldset(props: SettingsKeysFieldsetProps) {
  const { settings, keySetup, urlDraftProblem, jwksUrl, bind } = props;
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
      {jwksUrl && props.originAccess && (
        <OriginAccessControl
          url={jwksUrl}
          access={props.originAccess}
          {...(props.originAccessStore ? { accessStore: props.originAccessStore } : {})}
          onGranted={props.onReloadKeys}
        />
      )}
    </fieldset>
  );
}
