// KeyLine: the key line wired to the store — label, key status, iss suggestion, host access.
import {
  selectKeyAccess,
  selectKeySourceLabel,
  selectKeySuggestion,
} from '../lib/store/key-status';
import { KeySourceBar } from './KeySourceBar';
import { useInspector, useInspectorStore } from './store-context';

export interface KeyLineProps {
  onOpenSettings: () => void;
}

/** The KeySourceBar over the store; confirming the suggestion saves it as the JWKS URL. */
export function KeyLine({ onOpenSettings }: KeyLineProps) {
  const store = useInspectorStore();
  const label = useInspector(selectKeySourceLabel);
  const suggestion = useInspector(selectKeySuggestion);
  const keyAccess = useInspector(selectKeyAccess);
  const keySetup = useInspector((state) => state.keySetup);
  return (
    <KeySourceBar
      label={label}
      keySetup={keySetup}
      keyAccess={keyAccess}
      suggestion={suggestion}
      onUseSuggestion={(url) =>
        store.updateSettings({
          keySource: 'custom-url',
          customJwksUrl: url,
          keySourceSetBy: 'suggestion',
        })
      }
      onOpenSettings={onOpenSettings}
      // Synchronous from the click: the store calls permissions.request before any await.
      onRequestKeyAccess={() => void store.keyAccess.request()}
    />
  );
}
