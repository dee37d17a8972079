// The panel's lazily loaded views: one loader each (shared by its wrapper and the preload).
import { loadReplayLogic } from '../../lib/replay/lazy-slice';

/** A view's module once the replay code it drives is loaded too (it renders over loaded actions). */
const withReplay = <M>(view: Promise<M>): Promise<M> =>
  Promise.all([view, loadReplayLogic()]).then(([module]) => module);

/** Checks, Uqudo summary and JSON tree of the selected row. */
export const loadCaptureDetail = () => import('../CaptureDetail');
/** The Replay tab (Info API replay). */
export const loadReplayPanel = () => withReplay(import('../ReplayPanel'));
/** The Images tab (gallery). */
export const loadDetailImages = () => withReplay(import('../DetailImages'));
/** The fetch button next to an image reference. */
export const loadImageFetchButton = () => withReplay(import('../ImageFetchButton'));
/** The backend acceptance test under the checks. */
export const loadBackendTestSection = () => import('../BackendTestSection');
/** "Use this access token" in the detail's head (it hands the token to the replay code). */
export const loadDetailUseToken = () => withReplay(import('../DetailUseToken'));
/** An expanded session's timeline and findings. */
export const loadSessionDetail = () => import('../SessionDetail');
/** The expanded ungrouped row (captures no session claims). */
export const loadUngroupedDetail = () => import('../UngroupedDetail');
/** The open export menu (what to include, report or HAR). */
export const loadExportChoices = () => import('../ExportChoices');
/** The Settings drawer. */
export const loadSettingsPane = () => import('../SettingsPane');
/** The Import drawer (paste a token, open a HAR file). */
export const loadImportPanel = () => import('../ImportPanel');
