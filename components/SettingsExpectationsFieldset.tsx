// SettingsExpectationsFieldset: the claims expected of SDK results (aud, iss, session id, nonce) and the leeway.
import type { SettingsTextField } from '../lib/settings/form';

/** What a text field of the settings form spreads onto its input: value and commit handlers. */
export interface TextFieldBinding {
  value: string;
  onInput: (event: Event) => void;
  onFocusOut: () => void;
}

/** Props of {@link SettingsExpectationsFieldset}. */
interface SettingsExpectationsFieldsetProps {
  bind: (field: SettingsTextField) => TextFieldBinding;
  leewayDraft: string;
  onLeewayDraft: (text: string) => void;
  onCommitLeeway: () => void;
}

/** The "Expectations" part of the settings form (checked against SDK results only). */
export function SettingsExpectationsFieldset(props: SettingsExpectationsFieldsetProps) {
  const { bind, leewayDraft } = props;
  return (
    <fieldset>
      <legend>Expectations of SDK results (empty = not checked)</legend>
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
          Expected session id (<code>jti</code>, or <code>data.sessionId</code> for face sessions)
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
          onInput={(event) => props.onLeewayDraft(event.currentTarget.value)}
          onFocusOut={props.onCommitLeeway}
        />
      </label>
    </fieldset>
  );
}
