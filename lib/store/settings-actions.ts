// The store's settings actions: merge, persist, and re-check every capture when the checks change.
import type { StoreApi } from 'zustand/vanilla';
import {
  changesChecks,
  mergeSettings,
  normalizeSettings,
  sameSettings,
  type PanelSettings,
} from '../settings/settings';
import type { InspectorEngine } from './engine';
import type { InspectorActions, InspectorState } from './state';
import { KEY_TOO_LONG } from './text';

/** Private keys longer than this are not real keys; refuse them before parsing. */
const MAX_SECRET_CHARS = 200_000;

type SettingsActions = Pick<
  InspectorActions,
  'updateSettings' | 'replaceSettings' | 'setDecryptionKey' | 'reloadKeys'
>;

/** Settings and secrets actions over the store; `save` persists user changes. */
export function createSettingsActions(
  api: StoreApi<InspectorState>,
  engine: InspectorEngine,
  save: ((settings: PanelSettings) => void) | undefined,
): SettingsActions {
  const { getState: get, setState: set } = api;
  return {
    updateSettings(patch) {
      const before = get().settings;
      const after = mergeSettings(before, patch);
      if (sameSettings(before, after)) return;
      set({ settings: after });
      save?.(after);
      if (changesChecks(before, after)) engine.recheckAll(false);
    },
    replaceSettings(settings) {
      const before = get().settings;
      const after = normalizeSettings(settings);
      if (sameSettings(before, after)) return;
      set({ settings: after });
      if (changesChecks(before, after)) engine.recheckAll(false);
    },
    setDecryptionKey(text) {
      if (text.length > MAX_SECRET_CHARS) {
        set({ decryptionSetup: { state: 'error', description: KEY_TOO_LONG } });
        return;
      }
      if (text === get().secrets.decryptionKey) return;
      set({ secrets: { ...get().secrets, decryptionKey: text } });
      engine.recheckAll(false);
    },
    reloadKeys: () => engine.recheckAll(true),
  };
}
