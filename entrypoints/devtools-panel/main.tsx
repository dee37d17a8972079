// Entry of the Uqudo panel: browser ports, theme, readiness markers, and <App/> over createPanel.
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { App } from '../../components/App';
import { ErrorBoundary } from '../../components/ErrorBoundary';
import { preloadPanelViews } from '../../components/lazy/preload';
import { StoreContext } from '../../components/store-context';
import { loadJsonPrefixWasm } from '../../lib/capture/json-prefix-engine';
import type { DevtoolsNetworkLike } from '../../lib/capture/network';
import { createPanel } from '../../lib/panel';
import { createReplayStorage } from '../../lib/storage/replay-storage';
import type { OriginAccess } from '../../lib/permissions/access';
import { createSettingsStorage } from '../../lib/storage/settings-storage';
import { followDevtoolsTheme, type ThemeSource } from '../../lib/theme/follow';

/** Host permission asked from a click (Chrome lifts CORS for granted origins). */
const originAccess: OriginAccess = {
  contains: (origin) =>
    browser.permissions.contains({ origins: [`${origin}/*`] }).catch(() => false),
  request: (origin, ...alsoOrigins) =>
    browser.permissions
      .request({ origins: [origin, ...alsoOrigins].map((o) => `${o}/*`) })
      .catch(() => false),
};

/** Sets the panel's theme; without one, CSS falls back to prefers-color-scheme. */
function applyTheme(theme: 'light' | 'dark' | undefined): void {
  const root = document.documentElement;
  if (theme) root.dataset.theme = theme;
  else delete root.dataset.theme;
}

async function start(): Promise<void> {
  // Chrome reports the theme at load only; Firefox reports switches; the OS scheme is watched too.
  const panels = browser.devtools?.panels as ThemeSource | undefined;
  followDevtoolsTheme(panels, matchMedia('(prefers-color-scheme: dark)'), applyTheme);

  const panel = await createPanel({
    network: browser.devtools?.network as DevtoolsNetworkLike | undefined,
    settingsStorage: createSettingsStorage(),
    replayStorage: createReplayStorage(),
    originAccess,
    fetch: (input, init) => fetch(input, init),
    // sendReplay reads bodies into a fresh ArrayBuffer, never a SharedArrayBuffer.
    createObjectUrl: (bytes, type) =>
      URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type })),
    revokeObjectUrl: (url) => URL.revokeObjectURL(url),
  });
  addEventListener('pagehide', () => panel.stop());

  const root = document.getElementById('app');
  if (!root) return;
  render(
    <ErrorBoundary>
      <StoreContext.Provider value={panel.store}>
        <App />
      </StoreContext.Provider>
    </ErrorBoundary>,
    root,
  );
  // The detail, replay and settings views load after the first render, when the panel is idle,
  // so the first click finds their code already there (a failed load is retried on first use).
  const preload = () => {
    void preloadPanelViews().catch(() => undefined);
    // Test contract: <html data-json-reader="wasm"> once JSON bodies are read by WebAssembly
    // ("js" when this browser cannot run it: extraction then stays in JavaScript, same answers).
    void loadJsonPrefixWasm().then((ok) => {
      document.documentElement.dataset.jsonReader = ok ? 'wasm' : 'js';
    });
  };
  if (typeof requestIdleCallback === 'function') requestIdleCallback(preload);
  else setTimeout(preload);
  // Test contract: <html data-listening="1"> once the capture listeners are attached, and
  // data-backfilled="1" once what DevTools recorded before the panel opened is listed and checked.
  if (panel.watch) {
    document.documentElement.dataset.listening = '1';
    void panel.backfilled.then(() => {
      // A macrotask runs after Preact's (microtask) render of the last results.
      setTimeout(() => (document.documentElement.dataset.backfilled = '1'));
    });
  }
}

void start();
