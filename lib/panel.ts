// createPanel: the panel's one composition — store, settings and replay storage, capture — over injected ports.
import { createPostKeeper } from './backend-test/keep';
import { attachBackendTest, pickBackendTestDeps } from './backend-test/registry';
import type { DevtoolsNetworkLike, NetworkWatch } from './capture/network';
import { watchNetwork } from './capture/network';
import { inspectUqudoToken } from './uqudo/inspect';
import type { ReplayDeps } from './replay/slice';
import type { ReplayStorage } from './storage/replay-storage';
import type { OriginAccess } from './permissions/access';
import type { PanelSettings } from './settings/settings';
import type { SettingsStorage } from './storage/settings-storage';
import { createInspectorStore, type InspectorStore, type InspectorStoreDeps } from './store';
import { NO_NETWORK_API, describeSettingsNotSaved, describeTokenNotRemembered } from './store/text';

/** Everything the panel touches outside itself. Missing ports fall back to inert defaults. */
export interface PanelPorts {
  /** `browser.devtools.network`, a fake in tests; undefined outside DevTools (a notice says so). */
  network: DevtoolsNetworkLike | undefined;
  /** Where settings live (chrome.storage.local in the panel). */
  settingsStorage?: SettingsStorage;
  /** Where the opted-in replay token and the API base live. */
  replayStorage?: ReplayStorage;
  /** Host permission asked from a click. */
  originAccess?: OriginAccess;
  /** The fetch used for JWKS URLs (and, unless `send` is given, replays). */
  fetch?: typeof fetch;
  now?: () => number;
  /** Inspects one token (default inspectUqudoToken). */
  inspect?: InspectorStoreDeps['inspect'];
  /** Settings used instead of the stored ones (tests, demo seeds). */
  settings?: PanelSettings;
  /** Reads a picked or dropped file (default: File.text()). */
  readFile?: InspectorStoreDeps['readFile'];
  schedule?: InspectorStoreDeps['schedule'];
  /** Object URLs for fetched images (URL.createObjectURL in the panel). */
  createObjectUrl?: ReplayDeps['createObjectUrl'];
  revokeObjectUrl?: ReplayDeps['revokeObjectUrl'];
  /** Replay overrides (sender, timeouts) for tests. */
  replay?: InspectorStoreDeps['replay'];
}

/** A composed panel: its store, its capture, and when the pre-opening traffic is checked. */
export interface Panel {
  store: InspectorStore;
  originAccess: OriginAccess | undefined;
  /** The capture listeners, when a network was given (attached by the time createPanel resolves). */
  watch: NetworkWatch | undefined;
  /** Resolves once the traffic recorded before the panel opened is listed and checked. */
  backfilled: Promise<void>;
  /** Stops capturing. */
  stop(): void;
}

/** Loads settings and the replay choices, builds the store over the ports and starts capture. */
export async function createPanel(ports: PanelPorts): Promise<Panel> {
  // Requests finishing during this load are not lost: watchNetwork backfills them from getHAR().
  const [stored, apiBase, rememberedToken] = await Promise.all([
    ports.settings ? undefined : ports.settingsStorage?.load(),
    ports.replayStorage?.loadApiBase(),
    ports.replayStorage?.loadToken(),
  ]);
  const settings = ports.settings ?? stored;
  // Backend posts are kept from the start; the backend test itself loads with its view.
  const posts = createPostKeeper();
  const store = createInspectorStore({
    ...storeDeps(ports, settings, apiBase, () => store),
    observeExchange: posts.observe,
  });
  attachBackendTest(store, { posts, deps: pickBackendTestDeps(ports) });
  // Applied when the replay code loads (when the panel is idle, or on first use).
  store.replay.whenLoaded((replay) => {
    if (rememberedToken) replay.restoreToken(rememberedToken);
    else void replay.checkAccess();
  });
  const watch = startCapture(store, ports.network);
  const backfilled = watch ? watch.backfilled.then(() => checked(store)) : Promise.resolve();
  return { store, originAccess: ports.originAccess, watch, backfilled, stop: () => watch?.stop() };
}

function storeDeps(
  ports: PanelPorts,
  settings: PanelSettings | undefined,
  apiBase: Awaited<ReturnType<ReplayStorage['loadApiBase']>>,
  store: () => InspectorStore,
): InspectorStoreDeps {
  const { settingsStorage, replayStorage } = ports;
  const replay: NonNullable<InspectorStoreDeps['replay']> = {
    ...(ports.originAccess ? { originAccess: ports.originAccess } : {}),
    ...(apiBase ? { apiBase } : {}),
    ...(ports.createObjectUrl ? { createObjectUrl: ports.createObjectUrl } : {}),
    ...(ports.revokeObjectUrl ? { revokeObjectUrl: ports.revokeObjectUrl } : {}),
    ...ports.replay,
  };
  const deps: InspectorStoreDeps = { inspect: ports.inspect ?? inspectUqudoToken, replay };
  if (replayStorage) {
    // The token goes to storage.session only, and only after the user opted in.
    replay.saveToken = (entry) => {
      void replayStorage.saveToken(entry).then((result) => {
        if (!result.ok) store().notify('warning', describeTokenNotRemembered(result.error));
      });
    };
    replay.saveApiBase = (selection) => void replayStorage.saveApiBase(selection);
  }
  if (settingsStorage) {
    deps.saveSettings = (next) => {
      void settingsStorage.save(next).then((result) => {
        if (!result.ok) store().notify('warning', describeSettingsNotSaved(result.error));
      });
    };
  }
  if (settings) deps.settings = settings;
  if (ports.fetch) deps.fetch = ports.fetch;
  if (ports.originAccess) deps.originAccess = ports.originAccess;
  if (ports.now) deps.now = ports.now;
  if (ports.readFile) deps.readFile = ports.readFile;
  if (ports.schedule) deps.schedule = ports.schedule;
  return deps;
}

function startCapture(
  store: InspectorStore,
  network: DevtoolsNetworkLike | undefined,
): NetworkWatch | undefined {
  if (!network) {
    store.notify('error', NO_NETWORK_API);
    return undefined;
  }
  return watchNetwork(network, { onExchange: store.addExchange, onNavigated: store.navigated });
}

/** Resolves once no check is pending. */
function checked(store: InspectorStore): Promise<void> {
  return new Promise((resolve) => {
    if (store.getState().pending === 0) return resolve();
    const stop = store.subscribe((state) => {
      if (state.pending > 0) return;
      stop();
      resolve();
    });
  });
}
