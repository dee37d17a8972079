// LazySettingsPane: SettingsPane (the settings drawer), its code loaded with import() when Settings is first opened.
import type { SettingsPaneProps } from '../SettingsPane';
import { LazyPending } from './LazyPending';
import { useLazyModule } from './useLazyModule';
import { loadSettingsPane } from './views';

/** {@link SettingsPane}'s drop-in replacement (same props), loaded when Settings is first opened. */
export function LazySettingsPane(props: SettingsPaneProps) {
  const loaded = useLazyModule(loadSettingsPane);
  return loaded ? <loaded.SettingsPane {...props} /> : <LazyPending />;
}
