// @vitest-environment happy-dom
// Tests for ReplayPanel over a real replay store (fake sender, real inspectUqudoToken).
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { type Inspection } from '../lib/jose/inspect';
import { inspectUqudoToken } from '../lib/uqudo/inspect';
import {
  buildUqudoPayload,
  generateTestKeyPair,
  mintToken,
  type TestKeyPair,
} from '../lib/jose/testing/tokens';
import type { ReplayResponse, ReplayResult, SendOptions } from '../lib/replay/send';
import { createReplayStore, type ReplayDeps, type ReplayStore } from '../lib/replay/slice';
import type { ReplayRequest } from '../lib/uqudo/info-api';
import { ReplayPanel } from './ReplayPanel';
import { buildReplayResponse } from '../lib/replay/testing/replays';

const JTI = '0f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a';
const FACE_SESSION = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
const PROD = 'https://id.uqudo.io';
/** A 1×1 JPEG is not needed: the summary only checks the base64 shape of the chip photo. */
const PHOTO_BASE64 = '/9j/4AAQSkZJRgABAQAAAQABAAD/2w==';

let key: TestKeyPair;
let passport: Inspection;
let face: Inspection;

beforeAll(async () => {
  key = await generateTestKeyPair('RS256', 'panel-test');
  const payload = buildUqudoPayload({ jti: JTI });
  const documents = (payload.data as { documents: Record<string, unknown>[] }).documents;
  documents[0]!.reading = { data: { photo: PHOTO_BASE64, photoMimeType: 'image/jpeg' } };
  passport = await inspectUqudoToken(await mintToken(payload, { key }));
  face = await inspectUqudoToken(
    await mintToken(buildUqudoPayload({ faceSessionId: FACE_SESSION }), { key }),
  );
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

function accessToken(expOffset = 1800): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return mintToken(
    { iss: 'https://auth.uqudo.io', iat: now - 10, exp: now + expOffset, scope: 'KYC_INFO_SDK' },
    { key, header: { typ: 'at+jwt' } },
  );
}

function image(): ReplayResponse {
  const bytes = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]);
  return buildReplayResponse({
    contentType: 'image/jpeg',
    bodyText: undefined,
    bodyBytes: bytes,
    bodySize: 8,
  });
}

interface Setup {
  store: ReplayStore;
  send: ReturnType<typeof vi.fn<(r: ReplayRequest, o: SendOptions) => Promise<ReplayResult>>>;
  revoked: string[];
}

function setup(
  respond: (request: ReplayRequest) => Promise<ReplayResult> = async (request) =>
    request.purpose === 'image' ? image() : buildReplayResponse(),
  overrides: Partial<ReplayDeps> = {},
): Setup {
  const send = vi.fn((request: ReplayRequest, _options: SendOptions) => respond(request));
  const revoked: string[] = [];
  let urls = 0;
  const store = createReplayStore({
    send,
    inspect: inspectUqudoToken,
    now: () => Date.now(),
    createObjectUrl: () => `blob:panel/${++urls}`,
    revokeObjectUrl: (url) => revoked.push(url),
    ...overrides,
  });
  return { store, send, revoked };
}

function renderPanel(s: Setup, inspection: Inspection = passport, id = 'c1') {
  return render(<ReplayPanel store={s.store} capture={{ id, inspection }} />);
}

const tokenInput = () => screen.getByTestId('replay-token') as HTMLInputElement;

describe('ReplayPanel', () => {
  it('masks the token, reveals it on request, strips Bearer and never shows it as text', async () => {
    const s = setup();
    const view = renderPanel(s);
    const token = await accessToken();
    expect(tokenInput().type).toBe('password');
    fireEvent.input(tokenInput(), { target: { value: `Bearer ${token}` } });
    expect(s.store.getState().replay.token).toBe(token);
    expect(s.store.getState().replay.tokenOrigin).toBe(PROD);
    fireEvent.click(screen.getByTestId('replay-token-reveal'));
    expect(tokenInput().type).toBe('text');
    expect(tokenInput().value).toBe(`Bearer ${token}`);
    await screen.findByText(/Expires in (29|30):\d\d/);
    expect(screen.getByText('KYC_INFO_SDK')).toBeTruthy();
    expect(view.container.textContent).not.toContain(token);
    fireEvent.click(screen.getByTestId('replay-token-clear'));
    expect(s.store.getState().replay.token).toBe('');
    expect(tokenInput().value).toBe('');
  });

  it('prefills the session id from jti, or data.sessionId for a face session, and validates it', () => {
    const s = setup();
    const view = renderPanel(s);
    const input = () => screen.getByTestId('replay-session-id') as HTMLInputElement;
    expect(input().value).toBe(JTI);
    expect(screen.getByText('from jti')).toBeTruthy();
    view.rerender(<ReplayPanel store={s.store} capture={{ id: 'c2', inspection: face }} />);
    expect(input().value).toBe(FACE_SESSION);
    expect(screen.getByText('from data.sessionId')).toBeTruthy();
    fireEvent.input(input(), { target: { value: 'nope' } });
    expect(screen.getByText(/Not a UUID/)).toBeTruthy();
  });

  it('GETs info by path and by header and shows each result', async () => {
    const s = setup();
    renderPanel(s);
    fireEvent.click(screen.getByTestId('replay-fetch-info'));
    fireEvent.click(screen.getByTestId('replay-fetch-info-header'));
    await waitFor(() => expect(screen.getAllByTestId('replay-result')).toHaveLength(2));
    expect(s.send.mock.calls.map(([request]) => request.url)).toEqual([
      `${PROD}/api/v1/info/${JTI}`,
      `${PROD}/api/v1/info`,
    ]);
    expect(s.send.mock.calls[1]![0].headers).toEqual([{ name: 'UQ-Session-ID', value: JTI }]);
    await waitFor(() =>
      expect(
        screen.getAllByTestId('replay-result').map((el) => el.getAttribute('data-status')),
      ).toEqual(['200', '200']),
    );
  });

  it('deletes only after an inline confirmation naming the session', async () => {
    const s = setup(async () =>
      buildReplayResponse({ status: 204, statusText: 'No Content', bodyText: '' }),
    );
    renderPanel(s);
    fireEvent.click(screen.getByTestId('replay-delete'));
    expect(screen.getByTestId('replay-delete-question').textContent).toContain(JTI);
    expect(screen.getByTestId('replay-delete-question').textContent).toContain(PROD);
    fireEvent.click(screen.getByTestId('replay-delete-cancel'));
    expect(screen.queryByTestId('replay-delete-question')).toBeNull();
    expect(s.send).not.toHaveBeenCalled();

    fireEvent.click(screen.getByTestId('replay-delete'));
    fireEvent.click(screen.getByTestId('replay-delete-confirm'));
    await waitFor(() => expect(s.send).toHaveBeenCalledTimes(1));
    expect(s.send.mock.calls[0]![0]).toMatchObject({
      method: 'DELETE',
      url: `${PROD}/api/v1/info/${JTI}`,
    });
    expect(await screen.findByText('Deleted')).toBeTruthy();
  });

  it('flags an expired token and blocks the request with a clear message', async () => {
    const s = setup();
    renderPanel(s);
    fireEvent.input(tokenInput(), { target: { value: await accessToken(-120) } });
    const expiry = await screen.findByTestId('replay-token-expiry');
    expect(expiry.getAttribute('data-expired')).toBe('true');
    expect(expiry.textContent).toMatch(/^Expired 0[12]:\d\d ago/);
    fireEvent.click(screen.getByTestId('replay-fetch-info'));
    expect((await screen.findByTestId('replay-problem')).textContent).toMatch(
      /expired .* nothing was sent/,
    );
    expect(s.send).not.toHaveBeenCalled();
  });

  it('warns when the base changes under a token, and rebinds only on confirmation', async () => {
    const s = setup();
    renderPanel(s);
    fireEvent.input(tokenInput(), { target: { value: await accessToken() } });
    fireEvent.input(screen.getByTestId('replay-base-select'), { target: { value: 'custom' } });
    fireEvent.input(await screen.findByTestId('replay-base-custom'), {
      target: { value: 'http://evil.example' },
    });
    fireEvent.click(screen.getByTestId('replay-base-apply'));
    expect((await screen.findByTestId('replay-base-error')).textContent).toMatch(/localhost/);
    fireEvent.input(screen.getByTestId('replay-base-custom'), {
      target: { value: 'https://tenant.example.com/anything' },
    });
    fireEvent.click(screen.getByTestId('replay-base-apply'));
    await waitFor(() =>
      expect(screen.getByTestId('replay-origin').textContent).toBe('https://tenant.example.com'),
    );
    expect(screen.getByTestId('replay-token-mismatch').textContent).toContain(PROD);
    fireEvent.click(screen.getByTestId('replay-fetch-info'));
    expect((await screen.findByTestId('replay-problem')).textContent).toContain(
      `entered for ${PROD}`,
    );
    expect(s.send).not.toHaveBeenCalled();
    fireEvent.click(screen.getByTestId('replay-token-rebind'));
    expect(s.store.getState().replay.tokenOrigin).toBe('https://tenant.example.com');
    fireEvent.click(screen.getByTestId('replay-fetch-info'));
    await waitFor(() => expect(s.send).toHaveBeenCalledTimes(1));
  });

  it('asks for host access from the click and explains a refusal', async () => {
    const request = vi.fn(async () => false);
    const s = setup(undefined, { originAccess: { request, contains: async () => false } });
    renderPanel(s);
    fireEvent.click(screen.getByTestId('replay-access'));
    expect(request).toHaveBeenCalledWith(PROD, 'https://auth.uqudo.io');
    await waitFor(() =>
      expect(screen.getByTestId('replay-access-state').getAttribute('data-state')).toBe('refused'),
    );
    expect(screen.getByTestId('replay-access-state').textContent).toMatch(/Site access/);
  });

  it('gets a token from client credentials with a backend warning and forgets the secret', async () => {
    const token = await accessToken();
    const s = setup(async () =>
      buildReplayResponse({
        contentType: 'application/json',
        bodyText: JSON.stringify({ access_token: token, token_type: 'bearer', expires_in: 1800 }),
      }),
    );
    const view = renderPanel(s);
    expect(screen.getByText(/Uqudo says to request tokens from your backend only/)).toBeTruthy();
    expect(screen.getByText('https://auth.uqudo.io/api/oauth/token')).toBeTruthy();
    fireEvent.input(screen.getByTestId('replay-client-id'), { target: { value: 'client-1' } });
    fireEvent.input(screen.getByTestId('replay-client-secret'), {
      target: { value: 'very-secret' },
    });
    fireEvent.click(screen.getByTestId('replay-get-token'));
    await waitFor(() => expect(s.store.getState().replay.token).toBe(token));
    await waitFor(() =>
      expect((screen.getByTestId('replay-client-secret') as HTMLInputElement).value).toBe(''),
    );
    expect(view.container.textContent).not.toContain('very-secret');
    expect(JSON.stringify(s.store.getState().replay.replays)).not.toContain('very-secret');
  });

  it('suggests the API base from the result’s iss, says it is an assumption, and applies it only on a click', async () => {
    const s = setup();
    const local = await inspectUqudoToken(
      await mintToken(buildUqudoPayload({ jti: JTI, iss: 'http://127.0.0.1:8321' }), { key }),
    );
    render(
      <ReplayPanel
        store={s.store}
        capture={{
          id: 'c9',
          inspection: local,
          exchange: { url: 'https://shop.example/r', source: 'network' },
        }}
      />,
    );
    const suggestion = screen.getByTestId('replay-base-suggestion');
    expect(suggestion.textContent).toContain(
      'Suggested API base http://127.0.0.1:8321 (from its iss — an assumption',
    );
    // Nothing switched by itself.
    expect(s.store.getState().replay.apiOrigin).toBe(PROD);
    fireEvent.click(screen.getByTestId('replay-base-suggestion-use'));
    expect(s.store.getState().replay.apiOrigin).toBe('http://127.0.0.1:8321');
    await waitFor(() => expect(screen.queryByTestId('replay-base-suggestion')).toBeNull());
  });

  it('shows a scope’s answers under its Session buttons and none of another scope’s', async () => {
    const s = setup();
    const view = render(
      <ReplayPanel
        store={s.store}
        capture={{ id: 'c1', inspection: passport }}
        scope="session:a"
      />,
    );
    fireEvent.click(screen.getByTestId('replay-fetch-info'));
    await waitFor(() => expect(screen.getAllByTestId('replay-result')).toHaveLength(1));
    view.rerender(
      <ReplayPanel store={s.store} capture={{ id: 'c2', inspection: face }} scope="session:b" />,
    );
    await waitFor(() => expect(s.store.getState().replay.scope).toBe('session:b'));
    expect(screen.queryAllByTestId('replay-result')).toHaveLength(0);
    view.rerender(
      <ReplayPanel
        store={s.store}
        capture={{ id: 'c1', inspection: passport }}
        scope="session:a"
      />,
    );
    expect(screen.getAllByTestId('replay-result')).toHaveLength(1);
  });
});
