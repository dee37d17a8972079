// KeyLine: the key line wired to the store — label, key status, iss suggestion, host access.
import { selectJwksUrl, selectKeySourceLabel, selectKeySuggestion } from '../lib/store/key-status';
import type { OriginAccess } from '../lib/permissions/access';
import { KeySourceBar } from './KeySourceBar';
import { useInspector, useInspectorStore } from './store-context';

export interface KeyLineProps {
  originAccess?: OriginAccess;
  onOpenSettings: () => void;
}

/** The KeySourceBar over the store; confirming the suggestion saves it as the JWKS URL. */
export function KeyLine({ originAccess, onOpenSettings }: KeyLineProps) {
  const store = useInspectorStore();
  const label = useInspector(selectKeySourceLabel);
  const suggestion = useInspector(selectKeySuggestion);
  const jwksUrl = useInspector(selectJwksUrl);
  const keySetup = useInspector((state) => state.keySetup);
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
