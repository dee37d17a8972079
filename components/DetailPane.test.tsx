// @vitest-environment happy-dom
// Tests for the detail pane in the panel shell: tabs kept across rows, replays per session, token reuse, Settings drawer.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { createPanel, type Panel } from '../lib/panel';
import type { ReplayResult, SendOptions } from '../lib/replay/send';
import { buildReplayResponse } from '../lib/replay/testing/replays';
import { normalizeSettings } from '../lib/settings/settings';
import { createSettingsStorage } from '../lib/storage/settings-storage';
import { createFakeArea } from '../lib/storage/testing/fake-area';
import type { ReplayRequest } from '../lib/uqudo/info-api';
import { createFakeDevtoolsNetwork } from '../tests/fake-devtools-network';
import { FIXTURE_IAT, RESULT_JTI } from '../tests/fixtures/har/build';
import { App } from './App';
import { preloadPanelViews } from './lazy/preload';
import { StoreContext } from './store-context';

const fixture = (name: string) =>
  readFileSync(resolve(process.cwd(), 'tests/fixtures/har', name), 'utf8');
const FLOW_ENTRIES = (JSON.parse(fixture('uqudo-flow.har')) as { log: { entries: unknown[] } }).log
  .entries;
const NOW_MS = (FIXTURE_IAT + 60) * 1000;
const LONG = { timeout: 15_000 };

let running: Panel | undefined;

// The detail's views load on first use; loaded once here, they render at once as in App.test.
beforeAll(() => preloadPanelViews(), 60_000);

afterEach(() => {
  running?.stop();
  running = undefined;
  cleanup();
});

async function renderPanel() {
  const send = vi.fn(
    async (_request: ReplayRequest, _options: SendOptions): Promise<ReplayResult> =>
      buildReplayResponse({ contentType: 'application/json', bodyText: '{"ok":true}' }),
  );
  const panel = await createPanel({
    network: createFakeDevtoolsNetwork(FLOW_ENTRIES),
    settingsStorage: createSettingsStorage(createFakeArea().area),
    now: () => NOW_MS,
    fetch: () => Promise.reject(new TypeError('offline test')),
    settings: normalizeSettings({
      keySource: 'pasted',
      pastedKeys: fixture('uqudo-flow.jwks.json'),
    }),
    replay: { send },
  });
  running = panel;
  // The flat token list: one row per sighting, as these tests pick rows by token.
  panel.store.setListMode('tokens');
  render(
    <StoreContext.Provider value={panel.store}>
      <App />
    </StoreContext.Provider>,
  );
  await waitFor(
    () =>
      expect(
        screen.queryAllByTestId('token-row').filter((row) => row.dataset.jti === RESULT_JTI),
      ).toHaveLength(2),
    LONG,
  );
  return { store: panel.store, send };
}

const rows = () => screen.queryAllByTestId('token-row');
const resultRow = () => rows().find((row) => row.dataset.jti === RESULT_JTI)!;
const encryptedRow = () => rows().find((row) => row.dataset.verdict === 'encrypted')!;
const tab = (id: string) =>
  document.querySelector(`[data-testid="detail-tab"][data-tab="${id}"]`) as HTMLElement;
const shownTab = () => screen.getByRole('tabpanel').getAttribute('data-tab');

/** The row of the access token sent in the Authorization header of a request to `path`. */
function accessTokenRow(store: Panel['store'], path: string): HTMLElement {
  const capture = store
    .getState()
    .captures.toArray()
    .find(
      (candidate) =>
        candidate.kind === 'uqudo-access-token' &&
        new URL(candidate.exchange.url).pathname === path,
    )!;
  fireEvent.click(
    rows().find((row) => row.textContent?.includes(path) && row.dataset.jti === capture.jti)!,
  );
  return screen.getByTestId('detail');
}

// The detail, replay and images views are loaded with import(): loaded once, before any test renders.
beforeAll(() => preloadPanelViews(), 60_000);

describe('DetailPane', () => {
  it('keeps the chosen tab while other rows are selected, Checks where it does not apply', async () => {
    await renderPanel();
    fireEvent.click(resultRow());
    await waitFor(() => expect(tab('uqudo')).toBeTruthy());
    fireEvent.click(tab('uqudo'));
    await waitFor(() => expect(shownTab()).toBe('uqudo'));
    // An encrypted result has no readable summary: Checks, and the Uqudo tab says why.
    fireEvent.click(encryptedRow());
    expect(shownTab()).toBe('checks');
    expect(tab('uqudo').title).toContain('private key');
    fireEvent.click(resultRow());
    expect(shownTab()).toBe('uqudo');
  });

  it('keeps a session’s replay answers under its buttons, and shows none of them for another session', async () => {
    const { send } = await renderPanel();
    fireEvent.click(resultRow());
    fireEvent.click(tab('replay'));
    fireEvent.click(screen.getByTestId('replay-fetch-info'));
    await waitFor(() => expect(send).toHaveBeenCalledTimes(1));
    const answers = await screen.findByRole('region', { name: 'Info and delete answers' });
    expect(within(answers).getAllByTestId('replay-result')).toHaveLength(1);
    // The answers sit in the Session group, right after its buttons.
    expect(answers.closest('fieldset')?.contains(screen.getByTestId('replay-fetch-info'))).toBe(
      true,
    );
    fireEvent.click(encryptedRow());
    expect(shownTab()).toBe('replay');
    expect(screen.queryAllByTestId('replay-result')).toHaveLength(0);
    fireEvent.click(resultRow());
    expect(screen.getAllByTestId('replay-result')).toHaveLength(1);
  });

  it('files an answer under the row selected when its button was clicked, before any effect has run', async () => {
    const { store, send } = await renderPanel();
    fireEvent.click(encryptedRow());
    fireEvent.click(tab('replay'));
    // Plain DOM clicks (no act): the row's render commits in a microtask, its effects only after a
    // frame — the click on GET info lands in between, as a fast user's (or a busy panel's) would.
    resultRow().click();
    await Promise.resolve();
    await Promise.resolve();
    screen.getByTestId('replay-fetch-info').click();
    await waitFor(() => expect(send).toHaveBeenCalledTimes(1));
    const [entry] = store.getState().replay.replays;
    expect(entry?.scope).toMatch(/^session:/);
    await waitFor(() => expect(screen.getAllByTestId('replay-result')).toHaveLength(1));
    fireEvent.click(encryptedRow());
    expect(screen.queryAllByTestId('replay-result')).toHaveLength(0);
  });

  it('uses a captured access token for the API it was sent to, masked, and shows the Replay tab', async () => {
    const { store } = await renderPanel();
    const detail = accessTokenRow(store, '/api/v2/info');
    expect(tab('uqudo').getAttribute('aria-disabled')).toBe('true');
    const use = within(detail).getByTestId('use-access-token');
    expect(use.textContent).toBe('Use this access token for https://id.uqudo.io');
    fireEvent.click(use);
    const replay = store.getState().replay;
    expect(replay.tokenOrigin).toBe('https://id.uqudo.io');
    expect(replay.apiOrigin).toBe('https://id.uqudo.io');
    expect(replay.token).not.toBe('');
    expect(shownTab()).toBe('replay');
    const input = screen.getByTestId('replay-token') as HTMLInputElement;
    expect(input.type).toBe('password');
    expect(document.body.textContent).not.toContain(replay.token);
  });

  it('binds a token from the token endpoint to that environment’s API (auth.uqudo.io → id.uqudo.io)', async () => {
    const { store } = await renderPanel();
    const capture = store
      .getState()
      .captures.toArray()
      .find(
        (candidate) =>
          candidate.sighting.location === 'response.body' &&
          candidate.kind === 'uqudo-access-token',
      )!;
    fireEvent.click(
      rows().find(
        (row) => row.textContent?.includes('/api/oauth/token') && row.dataset.jti === capture.jti,
      )!,
    );
    expect(screen.getByTestId('use-access-token').dataset.origin).toBe('https://id.uqudo.io');
  });

  it('opens Settings beside the detail; findings change in view; Escape closes it and focus returns', async () => {
    await renderPanel();
    fireEvent.click(resultRow());
    const toggle = screen.getByTestId('settings-toggle');
    toggle.focus();
    fireEvent.click(toggle);
    const drawer = screen.getByTestId('settings-drawer');
    expect(screen.getByTestId('detail')).toBeTruthy();
    expect(drawer.contains(document.activeElement)).toBe(true);
    const aud = screen.getByTestId('settings-aud');
    fireEvent.input(aud, { target: { value: 'some-other-client' } });
    fireEvent.focusOut(aud);
    await waitFor(
      () =>
        expect(
          within(screen.getByTestId('detail')).getByRole('region', { name: 'Findings' })
            .textContent,
        ).toContain('some-other-client'),
      LONG,
    );
    fireEvent.keyDown(aud, { key: 'Escape' });
    expect(screen.queryByTestId('settings-drawer')).toBeNull();
    expect(document.activeElement).toBe(toggle);
    fireEvent.click(toggle);
    fireEvent.click(within(screen.getByTestId('settings-drawer')).getByLabelText('Close'));
    expect(screen.queryByTestId('settings-drawer')).toBeNull();
  });
});
