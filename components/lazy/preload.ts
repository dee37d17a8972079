// preloadPanelViews: loads the code of every lazily loaded view once the panel is idle.
import { loadNoticeBar, loadSessionSummary, loadSessionsPane } from './list-views';
import { loadModule } from './useLazyModule';
import {
  loadCaptureDetail,
  loadReplayPanel,
  loadDetailImages,
  loadImageFetchButton,
  loadBackendTestSection,
  loadSessionDetail,
  loadUngroupedDetail,
  loadExportChoices,
  loadDetailUseToken,
  loadSettingsPane,
  loadImportPanel,
} from './views';

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
      loadBackendTestSection,
      loadNoticeBar,
      loadSessionSummary,
      loadSessionsPane,
      loadSessionDetail,
      loadUngroupedDetail,
      loadExportChoices,
      loadDetailUseToken,
      loadSettingsPane,
      loadImportPanel,
    ].map((load) => loadModule<unknown>(load)),
  );
}
