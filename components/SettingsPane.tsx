// SettingsPane: the Settings drawer beside the detail, wired to the store; Escape or × closes it, focus comes back.
import { useEffect, useRef } from 'preact/hooks';
import { SettingsPanel } from './SettingsPanel';
import { useInspector, useInspectorStore } from './store-context';

export interface SettingsPaneProps {
  onClose: () => void;
}

const FOCUSABLE = 'input, select, textarea, button, [href], [tabindex]:not([tabindex="-1"])';

/**
 * Settings, key and private-key status over the store; changes go through its actions. Opening
 * moves focus into the drawer; closing returns it to where it was (the Settings toggle).
 */
export function SettingsPane({ onClose }: SettingsPaneProps) {
  const store = useInspectorStore();
  const settings = useInspector((state) => state.settings);
  const keySetup = useInspector((state) => state.keySetup);
  const decryptionSetup = useInspector((state) => state.decryptionSetup);
  const hasDecryptionKey = useInspector((state) => state.secrets.decryptionKey !== '');
  const drawer = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    // The first field of the form, not the close button: the drawer opens to be edited.
    const root = drawer.current;
    const field = root?.querySelector('form')?.querySelector<HTMLElement>(FOCUSABLE);
    (field ?? root?.querySelector<HTMLElement>(FOCUSABLE))?.focus();
    return () => {
      if (opener?.isConnected) opener.focus();
    };
  }, []);
  return (
    <div
      class="settings-drawer"
      ref={drawer}
      data-testid="settings-drawer"
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.stopPropagation();
        onClose();
      }}
    >
      <SettingsPanel
        settings={settings}
        keySetup={keySetup}
        decryptionSetup={decryptionSetup}
        hasDecryptionKey={hasDecryptionKey}
        onChange={store.updateSettings}
        onDecryptionKey={store.setDecryptionKey}
        onClose={onClose}
      />
    </div>
  );
}
