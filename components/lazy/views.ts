// The panel's lazily loaded views: one loader each (shared by its wrapper and the preload).
import { loadModule } from './useLazyModule';

/** Checks, Uqudo summary and JSON tree of the selected row. */
export const loadCaptureDetail = () => import('../CaptureDetail');
/** The Replay tab (Info API replay). */
export const loadReplayPanel = () => import('../ReplayPanel');
/** The Images tab (gallery). */
export const loadDetailImages = () => import('../DetailImages');
/** The fetch button next to an image reference. */
export const loadImageFetchButton = () => import('../ImageFetchButton');
/** The Settings drawer. */
export const loadSettingsPane = () => import('../SettingsPane');
/** The Import drawer (paste a token, open a HAR file). */
export const loadImportPanel = () => import('../ImportPanel');

/**
 * Loads every lazily loaded view: the panel calls it once it is idle after the first render (so
 * a click finds the code there), tests before rendering. Resolves when all are loaded.
 */
export async function preloadPanelViews(): Promise<void> {
  await Promise.all(
    [
      loadCaptureDetail,
      loadReplayPanel,
      loadDetailImages,
      loadImageFetchButton,
      loadSettingsPane,
      loadImportPanel,
    ].map((load) => loadModule<unknown>(load)),
  );
}
