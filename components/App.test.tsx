// @vitest-environment happy-dom
// Tests for the panel shell over a fake devtools network fed by HAR fixtures (the real pipeline).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CompactEncrypt, SignJWT, exportJWK, exportPKCS8, generateKeyPair } from 'jose';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { createPanel, type Panel } from '../lib/panel';
import { normalizeSettings, type PanelSettings } from '../lib/settings/settings';
import {
  SETTINGS_STORAGE_KEY,
  createSettingsStorage,
  type SettingsArea,
} from '../lib/storage/settings-storage';
import type { InspectorStore } from '../lib/store';
import {
  createFakeDevtoolsNetwork,
  type FakeDevtoolsNetwork,
} from '../tests/fake-devtools-network';
import {
  FIXTURE_IAT,
  RESULT_JTI,
  buildHarEntry,
  isoAfterEpoch2026,
} from '../tests/fixtures/har/build';
import { App } from './App';
import { preloadPanelViews } from './lazy/preload';
import { StoreContext } from './store-context';
import { ErrorBoundary } from './ErrorBoundary';
import type { OriginAccess } from '../lib/permissions/access';
import { createFakeArea } from '../lib/storage/testing/fake-area';

// happy-dom gives import.meta.url an http: scheme, so resolve fixtures from the project root.
const fixture = (name: string) =>
  readFileSync(resolve(process.cwd(), 'tests/fixtures/har', name), 'utf8');
const FLOW_HAR = fixture('uqudo-flow.har');
const FLOW_JWKS = fixture('uqudo-flow.jwks.json');
const FLOW_ENTRIES = (JSON.parse(FLOW_HAR) as { log: { entries: unknown[] } }).log.entries;
/** One minute after the fixture tokens were issued: they are within their lifetime. */
const NOW_MS = (FIXTURE_IAT + 60) * 1000;
const LONG = { timeout: 15_000 };

interface PanelOptions {
  entries?: readonly unknown[];
  settings?: Partial<PanelSettings>;
  area?: SettingsArea;
  originAccess?: OriginAccess;
}

let running: Panel | undefined;

afterEach(() => {
  running?.stop();
  running = undefined;
  cleanup();
});

/** The panel as entrypoints/devtools-panel/main.tsx composes it (createPanel), over a fake network. */
async function renderPanel(options: PanelOptions = {}) {
  const network: FakeDevtoolsNetwork = createFakeDevtoolsNetwork(options.entries ?? []);
  const panel = await createPanel({
    network,
    settingsStorage: createSettingsStorage(options.area ?? createFakeArea().area),
    now: () => NOW_MS,
    // Never reach the real network from tests.
    fetch: () => Promise.reject(new TypeError('offline test')),
    settings: normalizeSettings({
      keySource: 'pasted',
      pastedKeys: FLOW_JWKS,
      ...options.settings,
    }),
    ...(options.originAccess ? { originAccess: options.originAccess } : {}),
  });
  running = panel;
  const store: InspectorStore = panel.store;
  // These tests read the flat token list (the panel opens on sessions).
  store.setListMode('tokens');
  const view = render(
    <ErrorBoundary>
      <StoreContext.Provider value={store}>
        <App />
      </StoreContext.Provider>
    </ErrorBoundary>,
  );
  return { network, store, view };
}

function rows(): HTMLElement[] {
  return screen.queryAllByTestId('token-row');
}

function rowsWith(selector: string): HTMLElement[] {
  return rows().filter((row) => row.matches(selector));
}

async function flowCaptured(): Promise<void> {
  await waitFor(() => {
    expect(rowsWith(`[data-jti="${RESULT_JTI}"][data-verdict="valid"]`)).toHaveLength(2);
    expect(rowsWith('[data-verdict="encrypted"]')).toHaveLength(1);
  }, LONG);
}

/**
 * Drops a file on an element. (@testing-library/preact's fireEvent.drop dispatches an event named
 * "Drop" when happy-dom elements lack an `ondrop` property, so the event is built here.)
 */
function dropFile(target: HTMLElement, file: File): void {
  for (const type of ['dragover', 'drop']) {
    const event = new Event(type, { bubbles: true, cancelable: true });
    Object.defineProperty(event, 'dataTransfer', { value: { files: [file], types: ['Files'] } });
    target.dispatchEvent(event);
  }
}

function tokenEntry(url: string, payload: Record<string, unknown>, seconds: number) {
  const token = unsignedToken(payload);
  return buildHarEntry({
    url,
    method: 'POST',
    startedDateTime: isoAfterEpoch2026(seconds),
    resourceType: 'fetch',
    requestBody: { mimeType: 'application/json', text: JSON.stringify({ jwsResult: token }) },
  });
}

/** A JWS-shaped token signed with no known key (its verdict depends on the key settings). */
function unsignedToken(payload: Record<string, unknown>): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${encode({ alg: 'RS256', kid: 'nobody' })}.${encode(payload)}.c2ln`;
}

// The detail, replay and settings views are loaded with import(): loaded once, before any test renders.
beforeAll(() => preloadPanelViews(), 60_000);

describe('App with the devtools network', () => {
  it('shows every token of the backfilled flow with the test-contract attributes', async () => {
    await renderPanel({ entries: FLOW_ENTRIES });
    await flowCaptured();

    // The result seen as the base64 application/jwt Info response and as a JSON request body.
    const results = rowsWith(`[data-jti="${RESULT_JTI}"]`);
    const whereTexts = results.map((row) => row.querySelector('.cell-where')?.textContent);
    expect(whereTexts).toContain('response body');
    expect(whereTexts).toContain('request body $.jwsResult');
    // Duplicate jti highlighted on both rows.
    for (const row of results) {
      expect(row.classList.contains('duplicate-jti')).toBe(true);
      expect(row.getAttribute('title')).toBe('jti seen 2 times');
    }
    // The encrypted webhook body: no jti known, verdict "encrypted".
    expect(rowsWith('[data-verdict="encrypted"]')[0]?.getAttribute('data-jti')).toBe('');
    // Bearer header and token-endpoint response of the access token.
    expect(screen.getAllByText('request header Authorization').length).toBeGreaterThan(0);
    expect(screen.getAllByText('response body $.access_token')).toHaveLength(1);
    // Every row carries one of the six verdicts.
    for (const row of rows()) {
      expect(['valid', 'invalid', 'unverified', 'unsupported', 'malformed', 'encrypted']).toContain(
        row.dataset.verdict,
      );
    }
    // The body DevTools could not provide is explained, with what to do.
    expect(screen.getByTestId('notice-unavailable').textContent).toContain(
      'https://shop.example/api/blob-result',
    );
    expect(screen.getByTestId('notice-unavailable').textContent).toMatch(/Reload the page/);
    expect(document.body.textContent).toContain(
      'Diagnostics only — trust decisions belong on your backend.',
    );
    expect(document.body.textContent).not.toMatch(/approved/i);
  });

  it('adds requests that finish while the panel is open, newest first', async () => {
    const { network } = await renderPanel();
    expect(screen.getByText('No tokens captured yet')).toBeTruthy();
    expect(document.body.textContent).toMatch(/Reload the page/);
    network.finish(tokenEntry('https://app.example/first', { jti: 'live-1' }, 10));
    network.finish(tokenEntry('https://app.example/second', { jti: 'live-2' }, 20));
    await waitFor(() => expect(rows().map((row) => row.dataset.jti)).toEqual(['live-2', 'live-1']));
    // Signed by no configured key: the signature check fails to find one.
    expect(rows()[0]?.dataset.verdict).toBe('invalid');
    expect(rows()[0]?.textContent).toContain('POST /second');
  });

  it('clears on navigation unless Preserve log is ticked (and persists that choice)', async () => {
    const { area, data } = createFakeArea();
    const { network } = await renderPanel({ entries: FLOW_ENTRIES, area });
    await flowCaptured();
    network.navigate('https://shop.example/next');
    await waitFor(() => expect(rows()).toHaveLength(0));
    expect(screen.getByText('No tokens captured yet')).toBeTruthy();

    fireEvent.click(screen.getByTestId('preserve-log'));
    await waitFor(() => expect(data[SETTINGS_STORAGE_KEY]).toMatchObject({ preserveLog: true }));
    network.finish(tokenEntry('https://app.example/kept', { jti: 'kept' }, 30));
    await waitFor(() => expect(rowsWith('[data-jti="kept"]')).toHaveLength(1));
    network.navigate('https://shop.example/again');
    network.finish(tokenEntry('https://app.example/after', { jti: 'after' }, 40));
    await waitFor(() => expect(rows().map((row) => row.dataset.jti)).toEqual(['after', 'kept']));
  });

  it('renders a bounded number of rows for 5,000 captures and scrolls through them', async () => {
    const entries = Array.from({ length: 5_000 }, (_, index) =>
      tokenEntry(`https://app.example/r/${index}`, { jti: `j${index}` }, index),
    );
    const { store } = await renderPanel({ entries, settings: { pastedKeys: '' } });
    // 5,000 real inspections: on a loaded 2-core CI machine this takes far longer than locally.
    await waitFor(
      () => {
        expect(screen.getByTestId('counts').textContent).toBe('5000 tokens');
        expect(store.getState().pending).toBe(0);
      },
      { timeout: 80_000 },
    );
    await waitFor(() => expect(rows()[0]?.dataset.jti).toBe('j4999'), LONG);
    const rendered = rows().length;
    expect(rendered).toBeGreaterThan(10);
    expect(rendered).toBeLessThan(60);
    expect(rows()[0]?.dataset.verdict).toBe('unverified');

    const viewport = screen.getByTestId('sighting-list');
    viewport.scrollTop = 2_500 * 24;
    fireEvent.scroll(viewport);
    await waitFor(() => expect(rowsWith('[data-jti="j2499"]')).toHaveLength(1));
    expect(rowsWith('[data-jti="j4999"]')).toHaveLength(0);
    expect(rows().length).toBeLessThan(60);
  }, 90_000);
});

describe('App: paste, import, filter, keyboard', () => {
  it('checks a pasted token and shows its detail', async () => {
    await renderPanel();
    fireEvent.click(screen.getByTestId('paste-toggle'));
    const result = (
      JSON.parse(FLOW_HAR) as { log: { entries: { request: { postData?: { text: string } } }[] } }
    ).log.entries[4]?.request.postData?.text;
    const token = (JSON.parse(result ?? '{}') as { jwsResult: string }).jwsResult;
    fireEvent.input(screen.getByTestId('paste-token'), { target: { value: `Bearer ${token}` } });
    fireEvent.click(screen.getByTestId('paste-submit'));
    await waitFor(() =>
      expect(rowsWith(`[data-jti="${RESULT_JTI}"][data-verdict="valid"]`)).toHaveLength(1),
    );
    // The paste box closes and the pasted token's checks are shown.
    expect(screen.queryByTestId('paste-token')).toBeNull();
    const detail = await screen.findByTestId('detail');
    expect(detail.textContent).toContain('pasted');
    expect(detail.textContent).toContain(RESULT_JTI);
    expect(rows()[0]?.getAttribute('aria-selected')).toBe('true');
  });

  it('says a paste holds no token instead of adding a row, and checks a broken token as malformed', async () => {
    await renderPanel();
    fireEvent.click(screen.getByTestId('paste-toggle'));
    fireEvent.input(screen.getByTestId('paste-token'), { target: { value: 'hello <b>world</b>' } });
    fireEvent.click(screen.getByTestId('paste-submit'));
    expect(await screen.findByText(/No token in the pasted text/)).toBeTruthy();
    expect(rows()).toHaveLength(0);
    expect(document.querySelector('b')).toBeNull();
    fireEvent.input(screen.getByTestId('paste-token'), { target: { value: 'abc.<b>x</b>.def' } });
    fireEvent.click(screen.getByTestId('paste-submit'));
    await waitFor(() => expect(rowsWith('[data-verdict="malformed"]')).toHaveLength(1));
    expect(document.querySelector('b')).toBeNull();
  });

  it('imports a HAR file from the picker and by drag and drop', async () => {
    await renderPanel();
    const picker = screen.getByTestId('har-file-toolbar') as HTMLInputElement;
    Object.defineProperty(picker, 'files', {
      value: [new File([FLOW_HAR], 'flow.har', { type: 'application/json' })],
      configurable: true,
    });
    fireEvent.input(picker);
    await flowCaptured();
    expect(screen.getByText(/Imported 11 requests from the HAR file/)).toBeTruthy();

    const app = document.querySelector('.app') as HTMLElement;
    const bad = new File([fixture('not-a-har.json')], 'nope.json');
    dropFile(app, bad);
    expect(
      await screen.findByText('HAR import failed: not a HAR file: no log.entries array'),
    ).toBeTruthy();
    const again = new File([FLOW_HAR], 'flow.har');
    dropFile(app, again);
    await waitFor(() => expect(rowsWith(`[data-jti="${RESULT_JTI}"]`)).toHaveLength(4), LONG);
    expect(rowsWith(`[data-jti="${RESULT_JTI}"]`)[0]?.getAttribute('title')).toBe(
      'jti seen 4 times',
    );
  });

  it('imports malformed HAR entries without crashing', async () => {
    await renderPanel();
    const picker = screen.getByTestId('har-file-toolbar') as HTMLInputElement;
    Object.defineProperty(picker, 'files', {
      value: [new File([fixture('malformed-entries.har')], 'bad.har')],
      configurable: true,
    });
    fireEvent.input(picker);
    expect(await screen.findByText(/Imported \d+ requests? from the HAR file/)).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('filters over URL, jti and findings text', async () => {
    await renderPanel({ entries: FLOW_ENTRIES });
    await flowCaptured();
    const total = rows().length;
    fireEvent.input(screen.getByTestId('filter'), { target: { value: 'webhook' } });
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(rows()[0]?.dataset.verdict).toBe('encrypted');
    expect(screen.getByTestId('counts').textContent).toBe(`1 of ${total} tokens`);
    fireEvent.input(screen.getByTestId('filter'), { target: { value: RESULT_JTI.slice(0, 13) } });
    await waitFor(() => expect(rows()).toHaveLength(2));
    fireEvent.input(screen.getByTestId('filter'), { target: { value: 'key-not-found' } });
    await waitFor(() => expect(rows().length).toBeGreaterThan(0));
    expect(rowsWith('[data-verdict="valid"]')).toHaveLength(0);
    fireEvent.input(screen.getByTestId('filter'), { target: { value: 'zzz-no-match' } });
    expect(await screen.findByText('No captured token matches the filter.')).toBeTruthy();
    fireEvent.click(screen.getByText('Clear filter'));
    await waitFor(() => expect(rows()).toHaveLength(total));
  });

  it('moves the selection with the arrow keys and shows the detail', async () => {
    await renderPanel({ entries: FLOW_ENTRIES });
    await flowCaptured();
    const list = screen.getByTestId('sighting-list');
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    await waitFor(() => expect(rows()[0]?.getAttribute('aria-selected')).toBe('true'));
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    await waitFor(() => expect(rows()[1]?.getAttribute('aria-selected')).toBe('true'));
    expect(rows()[0]?.getAttribute('aria-selected')).toBe('false');
    fireEvent.keyDown(list, { key: 'ArrowUp' });
    await waitFor(() => expect(rows()[0]?.getAttribute('aria-selected')).toBe('true'));
    expect(list.getAttribute('aria-activedescendant')).toBe(rows()[0]?.id);

    const resultRow = rowsWith(`[data-jti="${RESULT_JTI}"]`)[0] as HTMLElement;
    fireEvent.click(resultRow);
    const detail = await screen.findByTestId('detail');
    expect(detail.textContent).toContain('live traffic');
    expect(within(detail).getByTestId('duplicate-note').textContent).toContain(
      'seen in 2 captures',
    );
    expect(within(detail).getAllByText('signature valid').length).toBeGreaterThan(0);
  });

  it('renders the replay panel for the selected capture, and contains a failing detail', async () => {
    const { store } = await renderPanel({ entries: FLOW_ENTRIES });
    await flowCaptured();
    fireEvent.click(rowsWith(`[data-jti="${RESULT_JTI}"]`)[0] as HTMLElement);
    const detail = await screen.findByTestId('detail');
    fireEvent.click(within(detail).getByRole('tab', { name: 'Replay' }));
    expect(within(detail).getByTestId('replay-panel')).toBeTruthy();
    // An odd capture whose detail cannot render: its fields throw when read.
    const encrypted = store
      .getState()
      .captures.toArray()
      .find((capture) => capture.verdict === 'encrypted');
    expect(encrypted).toBeDefined();
    Object.defineProperty(encrypted, 'exchange', {
      value: {
        ...encrypted!.exchange,
        get bodyNote(): string {
          throw new Error('detail view broke');
        },
      },
    });
    fireEvent.click(rowsWith('[data-verdict="encrypted"]')[0] as HTMLElement);
    expect((await screen.findByRole('alert')).textContent).toContain('detail view broke');
    // The list survives; another row shows its detail again.
    expect(rows().length).toBeGreaterThan(3);
    fireEvent.click(rowsWith(`[data-jti="${RESULT_JTI}"]`)[1] as HTMLElement);
    expect(await screen.findByTestId('replay-panel')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('clears the list with the Clear button', async () => {
    await renderPanel({ entries: FLOW_ENTRIES });
    await flowCaptured();
    fireEvent.click(screen.getByTestId('clear'));
    await waitFor(() => expect(rows()).toHaveLength(0));
    expect(screen.queryByTestId('notice-unavailable')).toBeNull();
  });
});

describe('App settings', () => {
  it('re-checks every capture when keys are pasted in Settings', async () => {
    await renderPanel({ entries: FLOW_ENTRIES, settings: { pastedKeys: '' } });
    await waitFor(
      () =>
        expect(rowsWith(`[data-jti="${RESULT_JTI}"][data-verdict="unverified"]`)).toHaveLength(2),
      LONG,
    );
    fireEvent.click(screen.getByTestId('settings-toggle'));
    const keys = screen.getByTestId('settings-pasted-keys');
    fireEvent.input(keys, { target: { value: FLOW_JWKS } });
    fireEvent.focusOut(keys);
    await flowCaptured();
    await waitFor(() => expect(screen.getByTestId('key-status').textContent).toMatch(/key/i));
    expect(screen.getByTestId('key-status').classList.contains('setup-ready')).toBe(true);
  });

  it('checks expectations set in Settings and persists them, but never the private key', async () => {
    const { area, data } = createFakeArea();
    const { store } = await renderPanel({ entries: FLOW_ENTRIES, area });
    await flowCaptured();
    fireEvent.click(screen.getByTestId('settings-toggle'));
    const aud = screen.getByTestId('settings-aud');
    fireEvent.input(aud, { target: { value: 'some-other-client' } });
    fireEvent.focusOut(aud);
    await waitFor(
      () => expect(rowsWith(`[data-jti="${RESULT_JTI}"][data-verdict="invalid"]`)).toHaveLength(2),
      LONG,
    );
    const secret = '-----BEGIN PRIVATE KEY-----\nTESTSECRETKEYMATERIAL\n-----END PRIVATE KEY-----';
    const privateKey = screen.getByTestId('settings-private-key');
    expect(privateKey.classList.contains('masked')).toBe(true);
    fireEvent.input(privateKey, { target: { value: secret } });
    fireEvent.focusOut(privateKey);
    await waitFor(() =>
      expect(screen.getByTestId('decryption-status').classList.contains('setup-error')).toBe(true),
    );
    fireEvent.click(screen.getByTestId('settings-apply'));
    await waitFor(() =>
      expect(data[SETTINGS_STORAGE_KEY]).toMatchObject({ expectedAud: 'some-other-client' }),
    );
    expect(store.getState().secrets.decryptionKey).toBe(secret);
    expect(JSON.stringify(data)).not.toContain('TESTSECRETKEYMATERIAL');
    // The form hands the key over and keeps no copy in the DOM.
    expect((privateKey as HTMLTextAreaElement).value).toBe('');
    expect(await createSettingsStorage(area).load()).toMatchObject({
      expectedAud: 'some-other-client',
      keySource: 'pasted',
    });
  });

  it('decrypts a JWE with the pasted private key and lists it under the inner jti', async () => {
    const signing = await generateKeyPair('RS256');
    const encryption = await generateKeyPair('RSA-OAEP-256', { extractable: true });
    const jws = await new SignJWT({ data: { documents: [] } })
      .setProtectedHeader({ alg: 'RS256', kid: 'test-sig' })
      .setIssuer('https://id.uqudo.io')
      .setIssuedAt(FIXTURE_IAT)
      .setExpirationTime(FIXTURE_IAT + 600)
      .setJti('11111111-2222-4333-8444-555555555555')
      .sign(signing.privateKey);
    const jwe = await new CompactEncrypt(new TextEncoder().encode(jws))
      .setProtectedHeader({ alg: 'RSA-OAEP-256', enc: 'A256GCM', cty: 'JWT' })
      .encrypt(encryption.publicKey);
    const jwks = JSON.stringify({
      keys: [{ ...(await exportJWK(signing.publicKey)), kid: 'test-sig', alg: 'RS256' }],
    });
    const { network } = await renderPanel({ settings: { pastedKeys: jwks } });
    network.finish(
      buildHarEntry({
        url: 'https://shop.example/webhook',
        method: 'POST',
        startedDateTime: isoAfterEpoch2026(5),
        requestBody: { mimeType: 'text/plain', text: jwe },
      }),
    );
    await waitFor(() =>
      expect(rowsWith('[data-verdict="encrypted"][data-jti=""]')).toHaveLength(1),
    );
    fireEvent.click(screen.getByTestId('settings-toggle'));
    const privateKey = screen.getByTestId('settings-private-key');
    fireEvent.input(privateKey, { target: { value: await exportPKCS8(encryption.privateKey) } });
    fireEvent.focusOut(privateKey);
    await waitFor(
      () =>
        expect(
          rowsWith('[data-verdict="valid"][data-jti="11111111-2222-4333-8444-555555555555"]'),
        ).toHaveLength(1),
      LONG,
    );
    expect(screen.getByTestId('decryption-status').classList.contains('setup-ready')).toBe(true);
  });

  it('shows a JWKS that cannot be fetched: signatures unverified, the reason in Settings', async () => {
    await renderPanel({
      entries: FLOW_ENTRIES,
      settings: { keySource: 'uqudo-jwks' },
      originAccess: { contains: async () => false, request: async () => false },
    });
    await waitFor(
      () =>
        expect(rowsWith(`[data-jti="${RESULT_JTI}"][data-verdict="unverified"]`)).toHaveLength(2),
      LONG,
    );
    fireEvent.click(rowsWith(`[data-jti="${RESULT_JTI}"]`)[0] as HTMLElement);
    const detail = await screen.findByTestId('detail');
    expect(detail.textContent).toContain('https://id.uqudo.io/api/.well-known/jwks.json');
    fireEvent.click(screen.getByTestId('settings-toggle'));
    const status = screen.getByTestId('key-status');
    expect(status.classList.contains('setup-error')).toBe(true);
    expect(status.textContent).toContain('offline test');
    expect((await screen.findByTestId('grant-access')).textContent).toBe(
      'Grant access to https://id.uqudo.io',
    );
  });

  it('asks for host access to the JWKS origin from a click and reloads the keys', async () => {
    const access = {
      contains: vi.fn(async () => false),
      request: vi.fn(async () => true),
    };
    const { store } = await renderPanel({
      settings: { keySource: 'custom-url', customJwksUrl: 'http://127.0.0.1:9/jwks.json' },
      originAccess: access,
    });
    const reload = vi.spyOn(store, 'reloadKeys');
    fireEvent.click(screen.getByTestId('settings-toggle'));
    const grant = await screen.findByText('Grant access to http://127.0.0.1:9');
    fireEvent.click(grant);
    expect(access.request).toHaveBeenCalledWith('http://127.0.0.1:9');
    expect(
      await screen.findByText('The panel may fetch keys from http://127.0.0.1:9.'),
    ).toBeTruthy();
    expect(reload).toHaveBeenCalledTimes(1);
  });
});
