// @vitest-environment happy-dom
// Tests for the list pane: sessions by default (rows, timeline, selection, ungrouped), modes, quick filters, splitter, Home/End.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { inspectUqudoToken } from '../lib/uqudo/inspect';
import { DEFAULT_SETTINGS, normalizeSettings } from '../lib/settings/settings';
import { createInspectorStore, type InspectorStore } from '../lib/store';
import { FIXTURE_IAT, RESULT_JTI } from '../tests/fixtures/har/build';
import { preloadPanelViews } from './lazy/preload';
import { ListPane } from './ListPane';
import { StoreContext } from './store-context';

// An expanded session's detail loads on first use; the panel preloads it when idle.
beforeAll(() => preloadPanelViews());

const fixture = (name: string) =>
  readFileSync(resolve(process.cwd(), 'tests/fixtures/har', name), 'utf8');
const LONG = { timeout: 15_000 };

afterEach(() => cleanup());

async function renderPane(): Promise<InspectorStore> {
  const store = createInspectorStore({
    inspect: inspectUqudoToken,
    now: () => (FIXTURE_IAT + 60) * 1000,
    settings: normalizeSettings({
      ...DEFAULT_SETTINGS,
      keySource: 'pasted',
      pastedKeys: fixture('uqudo-flow.jwks.json'),
    }),
  });
  render(
    <StoreContext.Provider value={store}>
      <ListPane />
    </StoreContext.Provider>,
  );
  expect(store.importHar(fixture('uqudo-flow.har'))).toMatchObject({ ok: true });
  await waitFor(() => {
    const state = store.getState();
    expect(state.pending + state.sessions.waiting).toBe(0);
    expect(screen.getAllByTestId('session-row')).toHaveLength(1);
  }, LONG);
  return store;
}

describe('ListPane in sessions mode', () => {
  it('shows the HAR flow as one session; its timeline entries select their captures', async () => {
    const store = await renderPane();
    const row = screen.getByTestId('session-row');
    expect(row.dataset.sessionId).toBe(RESULT_JTI);
    expect(row.dataset.verdict).toBe('valid');
    expect(Number(row.dataset.requests)).toBeGreaterThanOrEqual(3);
    expect(row.textContent).toContain('PASSPORT');
    fireEvent.click(within(row).getByTestId('session-head'));
    const entries = within(row).getAllByTestId('timeline-entry');
    expect(entries).toHaveLength(Number(row.dataset.requests));
    const info = entries.find((entry) => entry.textContent?.includes('/api/v2/info'))!;
    expect(info.textContent).toContain('response body');
    fireEvent.click(info);
    expect(store.getState().selected?.jti).toBe(RESULT_JTI);
    expect(store.getState().selected?.exchange.url).toContain('/api/v2/info');
    // Findings of the fixture flow: each one carries its code and Uqudo's advice.
    for (const finding of row.querySelectorAll('[data-finding-code]')) {
      expect(finding.textContent).toContain('Uqudo recommends:');
    }
  });

  it('lists the other JWTs under the ungrouped row and switches to the flat list', async () => {
    const store = await renderPane();
    const ungrouped = screen.getByTestId('ungrouped-row');
    expect(Number(ungrouped.dataset.count)).toBeGreaterThan(0);
    fireEvent.click(within(ungrouped).getByRole('button', { expanded: false }));
    const entries = within(ungrouped).getAllByTestId('ungrouped-entry');
    fireEvent.click(entries[0]!);
    expect(store.getState().sessions.sessionOf(store.getState().selectedId!)).toBeUndefined();
    fireEvent.click(screen.getByTestId('list-mode-tokens'));
    expect(screen.queryAllByTestId('session-row')).toHaveLength(0);
    expect(screen.getAllByTestId('token-row').length).toBe(store.getState().captures.length);
  });
});

describe('ListPane controls', () => {
  it('quick filters write verdict/kind terms and filter both modes', async () => {
    const store = await renderPane();
    fireEvent.change(screen.getByTestId('quick-filter-kind'), { target: { value: 'jwt' } });
    expect(store.getState().filter).toBe('kind:jwt');
    expect(screen.queryAllByTestId('session-row')).toHaveLength(0);
    fireEvent.click(screen.getByTestId('list-mode-tokens'));
    const kinds = screen.getAllByTestId('token-row').map((row) => row.textContent ?? '');
    expect(kinds.length).toBeGreaterThan(0);
    for (const text of kinds) expect(text).toContain('JWT');
    fireEvent.change(screen.getByTestId('quick-filter-kind'), { target: { value: '' } });
    expect(store.getState().filter).toBe('');
  });

  it('the filter searches payload values (the document type is only in the payload)', async () => {
    const store = await renderPane();
    fireEvent.click(screen.getByTestId('list-mode-tokens'));
    store.setFilter('passport');
    await waitFor(() => expect(screen.getAllByTestId('token-row').length).toBeGreaterThan(0));
    for (const row of screen.getAllByTestId('token-row')) expect(row.dataset.jti).toBe(RESULT_JTI);
  });

  it('Home and End select the first and last token rows', async () => {
    const store = await renderPane();
    fireEvent.click(screen.getByTestId('list-mode-tokens'));
    const list = screen.getByTestId('sighting-list');
    fireEvent.keyDown(list, { key: 'End' });
    expect(store.getState().selectedId).toBe(
      store.getState().visible.at(-1 + store.getState().visible.length)?.id,
    );
    fireEvent.keyDown(list, { key: 'Home' });
    expect(store.getState().selectedId).toBe(store.getState().visible.at(0)?.id);
  });

  it('the splitter resizes the list by keyboard and remembers the width', async () => {
    const store = await renderPane();
    const splitter = screen.getByTestId('list-splitter');
    expect(splitter.getAttribute('role')).toBe('separator');
    fireEvent.keyDown(splitter, { key: 'Home' });
    expect(store.getState().listWidth).toBe(240);
    fireEvent.keyDown(splitter, { key: 'ArrowRight' });
    expect(store.getState().listWidth).toBeGreaterThan(240);
  });

  it('with Preserve log on, a navigation adds a marker line to the flat list', async () => {
    const store = await renderPane();
    fireEvent.click(screen.getByTestId('list-mode-tokens'));
    store.navigated('https://shop.example/cleared');
    await waitFor(() => expect(screen.queryAllByTestId('token-row')).toHaveLength(0));
    store.updateSettings({ preserveLog: true });
    expect(store.importHar(fixture('uqudo-flow.har'))).toMatchObject({ ok: true });
    await waitFor(() => expect(screen.getAllByTestId('token-row').length).toBeGreaterThan(0), LONG);
    store.navigated('https://shop.example/next');
    const marker = await screen.findByTestId('navigation-marker');
    expect(marker.textContent).toContain('https://shop.example/next');
    // The marker is newer than every capture (the HAR's requests are older): it sits on top.
    const list = screen.getByTestId('sighting-list');
    expect(list.querySelector('.sighting-window')?.firstElementChild).toBe(marker);
    store.clear();
    await waitFor(() => expect(screen.queryByTestId('navigation-marker')).toBeNull());
  });
});
