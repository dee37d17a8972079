// Registers the "Uqudo" DevTools panel, through `chrome.devtools` directly: no polyfill in this page.

/** The one DevTools API this page uses (Chrome's and Firefox's `chrome.devtools.panels.create`). */
interface DevtoolsPanelsApi {
  devtools: {
    panels: { create(title: string, iconPath: string, pagePath: string): unknown };
  };
}

declare const chrome: DevtoolsPanelsApi;

chrome.devtools.panels.create('Uqudo', '/icon/32.png', '/devtools-panel.html');

export {};
