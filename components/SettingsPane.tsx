// SettingsPane: the settings panel wired to the store of the surrounding StoreContext.
import type { OriginAccess } from '../lib/settings/access';
import { SettingsPanel } from './SettingsPanel';
import { useInspector, useInspectorStore } from './store-context';

export interface SettingsPaneProps {
  originAccess?: OriginAccess;
  onClose: () => void;
}

/** Settings, key and private-key status over the store; changes go through its actions. */
export function SettingsPane({ originAccess, onClose }: SettingsPaneProps) {
  const store = useInspectorStore();
  const settings = useInspector((state) => state.settings);
  const keySetup = useInspector((state) => state.keySetup);
  const decryptionSetup = useInspector((state) => state.decryptionSetup);
  const hasDecryptionKey = useInspector((state) => state.secrets.decryptionKey !== '');
  return (
    <SettingsPanel
      settings={settings}
      keySetup={keySetup}
      decryptionSetup={decryptionSetup}
      hasDecryptionKey={hasDecryptionKey}
      onChange={store.updateSettings}
      onDecryptionKey={store.setDecryptionKey}
      onReloadKeys={store.reloadKeys}
      originAccess={originAccess}
      onClose={onClose}
    />
  );
}
