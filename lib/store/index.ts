// createInspectorStore: the panel's single store — captures, selection, filter, settings, secrets, notices.
import { createStore, type StoreApi } from 'zustand/vanilla';
import { MAX_HAR_CHARS, parseHar } from '../capture/har';
import { createLazyReplaySlice } from '../replay/lazy-slice';
import { initialReplayState } from '../replay/state';
import { prepareDecryptionKey, prepareKeys } from '../settings/checks';
import {
  DEFAULT_SETTINGS,
  EMPTY_SECRETS,
  normalizeSettings,
  type KeySource,
} from '../settings/settings';
import { CaptureSequence, viewOf } from './capture-list';
import { InspectorEngine } from './engine';
import { readPastedText } from './intake';
import { addMarker } from './markers';
import {
  createEvidenceSlice,
  INITIAL_EVIDENCE_STATE,
  isReportText,
  type EvidenceActions,
} from './evidence-slice';
import { downloadFile } from '../export/download';
import { removeNotice } from './notices';
import { SessionTracker } from './session-tracker';
import type {
  CaptureLimits,
  ImportFile,
  ImportResult,
  InspectorActions,
  InspectorState,
  InspectorStore,
  InspectorStoreDeps,
} from './state';
import { createSettingsActions } from './settings-actions';
import { createKeyAccess } from './key-access';
import { initialOriginAccessState } from '../permissions/store';
import {
  PREPARING_KEYS,
  describeFileTooLarge,
  describeFileUnreadable,
  describeHarFailure,
  describeHarImport,
} from './text';

export type { Capture } from './capture';
export type { CaptureList } from './capture-list';
export { listOf } from './capture-list';
export type { JtiCounts } from './collection';
export type { Notice } from './notices';
export type { NavigationMarker } from './markers';
export { markList } from './markers';
export type * from './state';
export * from './selectors';
export * from './facts';
export * from './session-selectors';
export { describeWhere } from './text';

/**
 * Default bounds: 50,000 captures and ~64 MB of token text. Why 50,000: a capture holds its token
 * (typically 2–20 KB for a Uqudo result), its inspection and a search text, ~2–3 KB beyond the
 * token; 50,000 of them stay under the panel's 150 MB heap budget (measured by
 * scripts/bench-store.ts), and every operation on the list is O(1) amortised or O(log n), so the
 * cap bounds memory, not speed. The byte budget drops the oldest first when tokens are large.
 */
const DEFAULT_LIMITS: Readonly<CaptureLimits> = Object.freeze({
  maxCaptures: 50_000,
  maxBytes: 64 * 1024 * 1024,
  concurrency: 8,
});

/** Creates the panel's store. */
export function createInspectorStore(deps: InspectorStoreDeps): InspectorStore {
  const now = deps.now ?? (() => Date.now());
  const limits: CaptureLimits = { ...DEFAULT_LIMITS, ...deps.limits };
  const empty = viewOf(new CaptureSequence(), 0, () => undefined);
  // Replaced by the engine's view right after the engine exists.
  const placeholderSessions = new SessionTracker(() => undefined).view(0);
  const api = createStore<InspectorState>()(() => ({
    captures: empty,
    visible: empty,
    selectedId: undefined,
    selected: undefined,
    filter: '',
    dropped: 0,
    pending: 0,
    settings: normalizeSettings(deps.settings ?? DEFAULT_SETTINGS),
    secrets: { ...EMPTY_SECRETS },
    keySetup: { state: 'loading', description: PREPARING_KEYS },
    decryptionSetup: { state: 'none', description: '' },
    notices: [],
    unavailableBodies: undefined,
    jtiCounts: { get: () => undefined },
    keySuggestions: new Map(),
    sessions: placeholderSessions,
    listMode: 'sessions',
    markers: [],
    listWidth: undefined,
    replay: initialReplayState(deps.replay?.apiBase),
    evidence: INITIAL_EVIDENCE_STATE,
    originAccess: initialOriginAccessState(),
  }));
  const engine = new InspectorEngine(api, {
    inspect: deps.inspect,
    now,
    ...(deps.schedule ? { schedule: deps.schedule } : {}),
    limits,
    keyChecks: {
      buildKeys:
        deps.prepareKeys ??
        ((source: KeySource | undefined) =>
          prepareKeys(source, deps.fetch ? { fetch: deps.fetch } : {})),
      buildDecryptionKey: deps.prepareDecryptionKey ?? prepareDecryptionKey,
    },
  });
  api.setState({ ...engine.collection.views(), sessions: engine.sessions.view(0) });
  engine.recheckAll(false);
  const evidence = createEvidenceSlice({
    log: engine.log,
    captures: () => api.getState().captures.toArray(),
    capturesOf: (exchange, sightings) => engine.capturesOf(exchange, sightings),
    accept: (captures) => engine.accept(captures),
    getState: () => api.getState().evidence,
    setState: (patch) => api.setState({ evidence: patch }),
    now,
    notify: (level, text) => api.setState({ notices: engine.withNotice(level, text) }),
    download: deps.download ?? downloadFile,
  });
  const actions = createActions(api, engine, deps, now, evidence);
  // Replayed results enter the list through the same pipeline as captured traffic (source 'replay').
  // The replay code loads on first use (or when the panel is idle): lib/replay/lazy-slice.ts.
  const replay = createLazyReplaySlice(
    {
      ...deps.replay,
      inspect: deps.inspect,
      now,
      addExchange: (exchange) => actions.addExchange(exchange),
    },
    {
      get: () => api.getState().replay,
      set: (patch) => api.setState({ replay: { ...api.getState().replay, ...patch } }),
    },
  );
  // Late-bound, so a grant goes through the store's own reloadKeys action as the UI would call it.
  const keyAccess = createKeyAccess(api, deps.originAccess, () => store.reloadKeys());
  const store: InspectorStore = Object.assign(api, actions, { replay, evidence, keyAccess });
  return store;
}

function createActions(
  api: StoreApi<InspectorState>,
  engine: InspectorEngine,
  deps: InspectorStoreDeps,
  now: () => number,
  evidence: EvidenceActions,
): InspectorActions {
  const { getState: get, setState: set } = api;
  const notify = (level: 'info' | 'warning' | 'error', text: string) =>
    set({ notices: engine.withNotice(level, text) });
  const actions: InspectorActions = {
    addExchange: (exchange) => actions.addExchanges([exchange]),
    addExchanges(exchanges) {
      if (deps.observeExchange) exchanges.forEach(deps.observeExchange);
      return engine.captureExchanges(exchanges).length;
    },
    addPastedToken(text) {
      const read = readPastedText(text, `paste-${engine.nextSeq()}`, now());
      if (!read.ok) return read;
      const added = engine.capturesOf(read.exchange, read.sightings);
      engine.accept(added, {}, added[0]?.id);
      return { ok: true, tokens: added.length };
    },
    importHar(text) {
      const parsed = parseHar(text);
      if (!parsed.ok) {
        notify('error', describeHarFailure(parsed.error));
        return { ok: false, error: parsed.error };
      }
      const tokens = actions.addExchanges(parsed.exchanges);
      const requests = parsed.exchanges.length;
      notify(tokens > 0 ? 'info' : 'warning', describeHarImport(requests, tokens));
      return { ok: true, exchanges: requests, tokens };
    },
    importHarFile: (file) =>
      importFile(file, deps.readFile ?? readWithText, actions, notify, evidence),
    clear: () => engine.reset(),
    navigated(url) {
      if (!get().settings.preserveLog) engine.reset();
      else set({ markers: addMarker(get().markers, `nav-${engine.nextSeq()}`, now(), url) });
    },
    select(id) {
      if (id === get().selectedId) return;
      const selected = id === undefined ? undefined : engine.collection.get(id);
      if (id !== undefined && !selected) return;
      set({ selectedId: id, selected });
    },
    selectNext: () => moveSelection(api, 1),
    selectPrev: () => moveSelection(api, -1),
    selectFirst: () => moveSelection(api, 'first'),
    selectLast: () => moveSelection(api, 'last'),
    setFilter(text) {
      if (text !== get().filter) engine.setFilter(text);
    },
    setListMode(listMode) {
      if (listMode !== get().listMode) set({ listMode });
    },
    setListWidth(width) {
      if (Number.isFinite(width) && width > 0 && width !== get().listWidth) {
        set({ listWidth: Math.round(width) });
      }
    },
    ...createSettingsActions(api, engine, deps.saveSettings),
    notify,
    dismissNotice: (id) => set({ notices: removeNotice(get().notices, id) }),
  };
  return actions;
}

/** Moves the selection one row along the visible (filtered) list, or to one of its ends. */
function moveSelection(api: StoreApi<InspectorState>, step: 1 | -1 | 'first' | 'last'): void {
  const state = api.getState();
  const visible = state.visible;
  if (visible.length === 0) return;
  const index = state.selectedId === undefined ? -1 : visible.indexOf(state.selectedId);
  const next =
    step === 'first'
      ? 0
      : step === 'last'
        ? visible.length - 1
        : index === -1
          ? 0
          : Math.min(visible.length - 1, Math.max(0, index + step));
  const target = visible.at(next);
  if (target && target.id !== state.selectedId) {
    api.setState({ selectedId: target.id, selected: target });
  }
}

/** The default readFile port: a DOM File (or Blob) reads itself. */
function readWithText(file: ImportFile): Promise<string> {
  const text = (file as { text?: () => Promise<string> }).text;
  return typeof text === 'function'
    ? text.call(file)
    : Promise.reject(new TypeError('this file cannot be read'));
}

async function importFile(
  file: ImportFile,
  read: (file: ImportFile) => Promise<string>,
  actions: InspectorActions,
  notify: InspectorActions['notify'],
  evidence: EvidenceActions,
): Promise<ImportResult> {
  if (file.size > MAX_HAR_CHARS) {
    const error = describeFileTooLarge(file.name, file.size);
    notify('error', error);
    return { ok: false, error };
  }
  let text: string;
  try {
    text = await read(file);
  } catch (error) {
    const message = describeFileUnreadable(file.name, error);
    notify('error', message);
    return { ok: false, error: message };
  }
  // A report and a HAR are both JSON: the report announces itself in its first field.
  return isReportText(text) ? evidence.importReport(text) : actions.importHar(text);
}
