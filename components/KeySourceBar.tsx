// KeySourceBar: the panel's key line — where the keys come from, why they fail, and a JWKS to try.
import type { SetupStatus } from '../lib/settings/checks';
import type { KeyAccessView } from '../lib/store/key-status';
import { OriginAccessControl } from './OriginAccessControl';

export interface KeySourceBarProps {
  /** "Keys: JWKS … (set by npm run demo)" (selectKeySourceLabel). */
  label: string;
  keySetup: SetupStatus;
  /** The JWKS origin and its host access (selectKeyAccess), when the key source is a URL. */
  keyAccess?: KeyAccessView;
  /** A JWKS URL built from a result's iss (selectKeySuggestion); offered, never applied unasked. */
  suggestion?: string;
  /** The user confirmed the suggestion: save it as the key source. */
  onUseSuggestion: (url: string) => void;
  onOpenSettings: () => void;
  /** Asks for the JWKS origin from the click (store.keyAccess.request; it reloads the keys on a grant). */
  onRequestKeyAccess: () => void;
}

/** Always visible under the toolbar, so every verdict can be read knowing which keys made it. */
export function KeySourceBar(props: KeySourceBarProps) {
  const { keySetup, suggestion } = props;
  const failing = keySetup.state === 'error';
  return (
    <div class="key-source-bar" data-testid="key-source" data-state={keySetup.state}>
      <span class="key-source-label" data-testid="key-source-label">
        {props.label}
      </span>
      <button type="button" class="link-button" onClick={props.onOpenSettings}>
        Change…
      </button>
      {failing && (
        <span class="setup-error key-source-problem" data-testid="key-source-problem">
          {keySetup.description}
        </span>
      )}
      {suggestion && (
        <span class="key-suggestion">
          <button
            type="button"
            data-testid="key-suggestion"
            title="Saved as your key source (like choosing it in Settings); every token is checked again"
            onClick={() => props.onUseSuggestion(suggestion)}
          >
            Verify with {suggestion}
          </button>
          <span class="muted"> suggested from a result's iss</span>
        </span>
      )}
      {failing && props.keyAccess && (
        <OriginAccessControl
          origin={props.keyAccess.origin}
          state={props.keyAccess.state}
          onRequest={props.onRequestKeyAccess}
          testId="key-grant-access"
        />
      )}
    </div>
  );
}
