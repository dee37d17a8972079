// KeyLine: the key line wired to the store — label, key status, iss suggestion, host access.
import { useStore } from 'zustand';
import { selectJwksUrl, selectKeySourceLabel, selectKeySuggestion } from '../lib/store/key-status';
import type { OriginAccess } from '../lib/settings/access';
import type { InspectorStore } from '../lib/store';
import { KeySourceBar } from './KeySourceBar';

export interface KeyLineProps {
  store: InspectorStore;
  originAccess?: OriginAccess;
  onOpenSettings: () => void;
}

/** The KeySourceBar over the store; confirming the suggestion saves it as the JWKS URL. */
export function KeyLine({ store, originAccess, onOpenSettings }: KeyLineProps) {
  const label = useStore(store, selectKeySourceLabel);
  const suggestion = useStore(store, selectKeySuggestion);
  const jwksUrl = useStore(store, selectJwksUrl);
  const keySetup = useStore(store, (state) => state.keySetup);
  return (
    <KeySourceBar
      label={label}
      keySetup={keySetup}
      jwksUrl={jwksUrl}
      suggestion={suggestion}
      onUseSuggestion={(url) =>
        store.updateSettings({
          keySource: 'custom-url',
          customJwksUrl: url,
          keySourceSetBy: 'suggestion',
        })
      }
      onOpenSettings={onOpenSettings}
      originAccess={originAccess}
      onReloadKeys={store.reloadKeys}
    />
  );
}
