// KeySourceBar: the panel's key line — where the keys come from, why they fail, and a JWKS to try.
import type { OriginAccess } from '../lib/permissions/access';
import type { OriginAccessHost } from '../lib/permissions/store';
import type { SetupStatus } from '../lib/settings/checks';
import { OriginAccessControl } from './OriginAccessControl';

export interface KeySourceBarProps {
  /** "Keys: JWKS … (set by npm run demo)" (selectKeySourceLabel). */
  label: string;
  keySetup: SetupStatus;
  /** The configured JWKS URL, when the key source is one (for the host-access control). */
  jwksUrl?: string;
  /** A JWKS URL built from a result's iss (selectKeySuggestion); offered, never applied unasked. */
  suggestion?: string;
  /** The user confirmed the suggestion: save it as the key source. */
  onUseSuggestion: (url: string) => void;
  onOpenSettings: () => void;
  originAccess?: OriginAccess;
  /** The panel's shared host-access store (lib/permissions/store.ts); without it the control keeps its own. */
  originAccessStore?: OriginAccessHost;
  onReloadKeys: () => void;
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
      {failing && props.jwksUrl && props.originAccess && (
        <OriginAccessControl
          url={props.jwksUrl}
          access={props.originAccess}
          {...(props.originAccessStore ? { accessStore: props.originAccessStore } : {})}
          onGranted={props.onReloadKeys}
          testId="key-grant-access"
        />
      )}
    </div>
  );
}
