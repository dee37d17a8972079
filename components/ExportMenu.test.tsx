// @vitest-environment happy-dom
// Tests for the export controls over a real store: choices, the personal-data warning, the download, the imported badge.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import type { DownloadFile } from '../lib/export/download';
import { PERSONAL_DATA_WARNING, SECRETS_WARNING } from '../lib/export/choice-text';
import { inspectUqudoToken } from '../lib/uqudo/inspect';
import { createInspectorStore, type InspectorStore } from '../lib/store';
import { App } from './App';
import { preloadPanelViews } from './lazy/preload';
import { StoreContext } from './store-context';

const FLOW_HAR = readFileSync(resolve(process.cwd(), 'tests/fixtures/har/uqudo-flow.har'), 'utf8');

// The export choices load on first use; the panel preloads them when idle.
beforeAll(() => preloadPanelViews());
afterEach(cleanup);

async function renderWithFlow(downloads: DownloadFile[]): Promise<InspectorStore> {
  const store = createInspectorStore({
    inspect: inspectUqudoToken,
    prepareKeys: async () => ({ state: 'none', description: 'no keys' }),
    download: (file) => downloads.push(file),
  });
  store.importHar(FLOW_HAR);
  // The flat token list (the session list is the default mode).
  store.setListMode('tokens');
  render(
    <StoreContext.Provider value={store}>
      <App />
    </StoreContext.Provider>,
  );
  await waitFor(() => expect(screen.getAllByTestId('token-row').length).toBeGreaterThan(0));
  return store;
}

describe('ExportMenu', () => {
  it('exports a redacted report by default; personal data and secrets each come with a warning', async () => {
    const downloads: DownloadFile[] = [];
    await renderWithFlow(downloads);
    fireEvent.click(screen.getByTestId('export'));
    expect(screen.queryByText(PERSONAL_DATA_WARNING)).toBeNull();
    expect((screen.getByTestId('export-secrets') as HTMLInputElement).disabled).toBe(true);
    fireEvent.click(screen.getByTestId('export-report'));
    await waitFor(() => expect(downloads).toHaveLength(1));
    const report = JSON.parse(downloads[0]!.text);
    expect(report.redaction.personalData).toBe('redacted');
    expect(downloads[0]!.text).not.toMatch(/eyJ[A-Za-z0-9_-]{4}/);

    fireEvent.click(screen.getByTestId('export'));
    fireEvent.click(screen.getByTestId('export-personal'));
    expect(screen.getByText(PERSONAL_DATA_WARNING)).toBeTruthy();
    fireEvent.click(screen.getByTestId('export-secrets'));
    expect(screen.getByText(SECRETS_WARNING)).toBeTruthy();
    fireEvent.click(screen.getByTestId('export-har'));
    await waitFor(() => expect(downloads).toHaveLength(2));
    expect(JSON.parse(downloads[1]!.text).log.comment).toMatch(/secrets included/);
  });

  it('the selected row offers Export session; an imported row shows its badge and note instead', async () => {
    const downloads: DownloadFile[] = [];
    const store = await renderWithFlow(downloads);
    fireEvent.click(screen.getAllByTestId('token-row')[0]!);
    fireEvent.click(await screen.findByTestId('export-session'));
    fireEvent.click(screen.getByTestId('export-session-report'));
    await waitFor(() => expect(downloads).toHaveLength(1));
    store.clear();
    await store.evidence.importReport(downloads[0]!.text);
    await waitFor(() => expect(screen.getAllByTestId('imported-badge').length).toBeGreaterThan(0));
    const rows = screen.getAllByTestId('token-row');
    expect(rows.every((row) => row.getAttribute('data-imported') === '1')).toBe(true);
    fireEvent.click(rows[0]!);
    expect(await screen.findByTestId('imported-note')).toBeTruthy();
    expect(screen.queryByTestId('export-session')).toBeNull();
  });
});
