// Composition root of the Uqudo panel: settings, store, capture wiring, theme and <App/>.
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { App } from '../../components/App';
import { ErrorBoundary } from '../../components/ErrorBoundary';
import { ImageFetchButton } from '../../components/ImageFetchButton';
import { ReplayPanel } from '../../components/ReplayPanel';
import type { OriginAccess } from '../../lib/settings/access';
import { watchNetwork, type NetworkWatch } from '../../lib/capture/network';
import { inspectToken, sessionIdOf } from '../../lib/jose/inspect';
import { createReplayStorage } from '../../lib/replay/token-storage';
import { createSettingsStorage } from '../../lib/settings/storage';
import { createInspectorStore, type Capture, type InspectorStore } from '../../lib/store';
import type { ImageRef } from '../../lib/uqudo/summary';

/** Host permission asked from a click (Chrome lifts CORS for granted origins). */
const originAccess: OriginAccess = {
  contains: (origin) =>
    browser.permissions.contains({ origins: [`${origin}/*`] }).catch(() => false),
  request: (origin, ...alsoOrigins) =>
    browser.permissions
      .request({ origins: [origin, ...alsoOrigins].map((o) => `${o}/*`) })
      .catch(() => false),
};

/** Follows the DevTools theme; without one, CSS falls back to prefers-color-scheme. */
function applyTheme(themeName: string | undefined): void {
  const root = document.documentElement;
  if (themeName === 'dark') root.dataset.theme = 'dark';
  else if (themeName === 'default' || themeName === 'light') root.dataset.theme = 'light';
  else delete root.dataset.theme;
}

function startCapture(store: InspectorStore): NetworkWatch | undefined {
  const network = browser.devtools?.network;
  if (!network) {
    store.notify(
      'error',
      'The DevTools network API is not available here: open this page as the Uqudo panel in DevTools.',
    );
    return undefined;
  }
  const watch = watchNetwork(network, {
    onExchange: store.addExchange,
    onNavigated: store.navigated,
  });
  addEventListener('pagehide', () => watch.stop());
  return watch;
}

/** Sets <html data-backfilled="1"> once no check is pending, after the list has rendered. */
function markBackfilled(store: InspectorStore): void {
  const mark = () => {
    if (store.getState().pending > 0) return false;
    // A macrotask runs after Preact's (microtask) render of the last results.
    setTimeout(() => (document.documentElement.dataset.backfilled = '1'));
    return true;
  };
  if (mark()) return;
  const stop = store.subscribe(() => {
    if (mark()) stop();
  });
}

async function start(): Promise<void> {
  const panels = browser.devtools?.panels as
    | {
        themeName?: string;
        onThemeChanged?: { addListener(listener: (name: string) => void): void };
      }
    | undefined;
  applyTheme(panels?.themeName);
  // Firefox reports theme switches; Chrome reloads the panel instead.
  panels?.onThemeChanged?.addListener(applyTheme);

  const storage = createSettingsStorage();
  // Requests finishing during this load are not lost: watchNetwork backfills them from getHAR().
  const replayStorage = createReplayStorage();
  const [settings, apiBase, rememberedToken] = await Promise.all([
    storage.load(),
    replayStorage.loadApiBase(),
    replayStorage.loadToken(),
  ]);
  const store = createInspectorStore({
    inspect: inspectToken,
    fetch: (input, init) => fetch(input, init),
    settings,
    saveSettings: (next) => {
      void storage.save(next).then((result) => {
        if (!result.ok) store.notify('warning', `Settings could not be saved: ${result.error}`);
      });
    },
    replay: {
      originAccess,
      ...(apiBase ? { apiBase } : {}),
      // The token goes to storage.session only, and only after the user opted in.
      saveToken: (entry) => {
        void replayStorage.saveToken(entry).then((result) => {
          if (!result.ok)
            store.notify('warning', `The token could not be remembered: ${result.error}`);
        });
      },
      saveApiBase: (selection) => void replayStorage.saveApiBase(selection),
      // sendReplay reads bodies into a fresh ArrayBuffer, never a SharedArrayBuffer.
      createObjectUrl: (bytes, type) =>
        URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type })),
      revokeObjectUrl: (url) => URL.revokeObjectURL(url),
    },
  });
  if (rememberedToken) store.replay.restoreToken(rememberedToken);
  else void store.replay.checkAccess();
  const renderReplay = (capture: Capture) => <ReplayPanel store={store} capture={capture} />;
  const renderImageActions = (capture: Capture, ref: ImageRef) => (
    <ImageFetchButton
      store={store}
      imageRef={ref}
      sessionId={capture.inspection ? sessionIdOf(capture.inspection) : undefined}
    />
  );

  const root = document.getElementById('app');
  if (!root) return;
  render(
    <ErrorBoundary>
      <App
        store={store}
        originAccess={originAccess}
        renderReplay={renderReplay}
        renderImageActions={renderImageActions}
      />
    </ErrorBoundary>,
    root,
  );
  // Test contract: <html data-listening="1"> once the capture listeners are attached, and
  // data-backfilled="1" once what DevTools recorded before the panel opened is listed and checked.
  const watch = startCapture(store);
  if (watch) {
    document.documentElement.dataset.listening = '1';
    void watch.backfilled.then(() => markBackfilled(store));
  }
}

void start();
