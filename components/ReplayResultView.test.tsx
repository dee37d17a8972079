// @vitest-environment happy-dom
// Tests for ReplayResultView: status, explanation, headers and body, Copy as cURL redaction, Cancel while pending.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { explainReplay } from '../lib/replay/explain';
import type { ReplayEntry } from '../lib/replay/slice';
import type { ReplayRequest } from '../lib/uqudo/info-api';
import { ReplayResultView } from './ReplayResultView';

const SESSION = '3f2a9c1e-7b4d-4e8f-9a01-23456789abcd';
const ORIGIN = 'https://id.uqudo.io';
const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJzY29wZSI6IktZQ19JTkZPX1NESyJ9.c2lnbmF0dXJl';
const NOW = 1_760_000_000_000;

const infoRequest: ReplayRequest = {
  method: 'GET',
  url: `${ORIGIN}/api/v1/info/${SESSION}`,
  headers: [],
  purpose: 'info',
  sessionId: SESSION,
};

function entry(overrides: Partial<ReplayEntry> = {}): ReplayEntry {
  return {
    id: 'r1',
    scope: '',
    label: `GET info ${SESSION.slice(0, 8)}…`,
    request: infoRequest,
    startedAt: NOW - 1000,
    status: 'done',
    timeoutMs: 30_000,
    captured: false,
    ...overrides,
  };
}

let copied: string[] = [];

function mockClipboard() {
  copied = [];
  Object.defineProperty(navigator, 'clipboard', {
    value: { writeText: vi.fn(async (text: string) => void copied.push(text)) },
    configurable: true,
  });
}

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

function view(e: ReplayEntry, token = TOKEN, tokenOrigin: string | undefined = ORIGIN) {
  const onCancel = vi.fn();
  render(
    <ReplayResultView
      entry={e}
      token={token}
      tokenOrigin={tokenOrigin}
      now={NOW}
      onCancel={onCancel}
    />,
  );
  return onCancel;
}

describe('ReplayResultView', () => {
  it('shows status, duration, headers and body of a 200 that became a capture', () => {
    view(
      entry({
        captured: true,
        result: {
          kind: 'response',
          status: 200,
          statusText: 'OK',
          ok: true,
          headers: [
            { name: 'content-type', value: 'application/jwt' },
            { name: 'x-request-id', value: 'abc' },
          ],
          durationMs: 87,
          contentType: 'application/jwt',
          bodyText: 'a.b.c',
          bodySize: 5,
          truncated: false,
          authorized: true,
        },
      }),
    );
    const root = screen.getByTestId('replay-result');
    expect(root.getAttribute('data-status')).toBe('200');
    expect(screen.getByTestId('replay-status').textContent).toBe('200 OK in 87 ms');
    expect(root.textContent).toContain('Sent with the access token');
    expect(root.textContent).toContain('Response headers (2)');
    expect(root.textContent).toContain('x-request-id');
    expect(root.querySelector('pre')?.textContent).toBe('a.b.c');
    expect(root.textContent).toContain('added to the list as a replay capture');
    expect(screen.queryByTestId('replay-explanation')).toBeNull();
  });

  it('explains an error status with what to do', () => {
    view(
      entry({
        request: { ...infoRequest, purpose: 'image', url: `${ORIGIN}/api/v1/info/img/65a1` },
        result: {
          kind: 'response',
          status: 404,
          statusText: 'Not Found',
          ok: false,
          headers: [],
          durationMs: 3,
          contentType: 'application/json',
          bodyText: '{"error":"not_found","message":"image not found or expired"}',
          bodySize: 60,
          truncated: false,
          authorized: true,
          explanation: explainReplay('image', 404),
        },
      }),
    );
    const explanation = screen.getByTestId('replay-explanation');
    expect(explanation.textContent).toContain('Image not found or expired (404)');
    expect(explanation.textContent).toContain('Run a new session');
  });

  it('says under the explanation what Uqudo does not document (a 404 for a session)', () => {
    view(
      entry({
        result: {
          kind: 'response',
          status: 404,
          statusText: 'Not Found',
          ok: false,
          headers: [],
          durationMs: 3,
          contentType: 'application/json',
          bodyText: '{"error":"not_found"}',
          bodySize: 21,
          truncated: false,
          authorized: true,
          explanation: explainReplay('info', 404),
        },
      }),
    );
    const basis = screen.getByTestId('explanation-basis');
    expect(basis.getAttribute('data-basis')).toBe('assumed');
    expect(basis.textContent).toMatch(/^Not documented by Uqudo: GET info answers 400/);
    expect(basis.textContent).toContain('the local sandbox answers 404');
  });

  it('explains a network failure (missing host permission / CORS) and a timeout', () => {
    view(
      entry({
        result: {
          kind: 'network-error',
          message: 'Failed to fetch',
          durationMs: 20,
          explanation: explainReplay('info', 'network-error', { origin: ORIGIN }),
        },
      }),
    );
    expect(screen.getByTestId('replay-explanation').textContent).toMatch(/permission/);
    cleanup();
    view(
      entry({
        result: {
          kind: 'timeout',
          durationMs: 30_000,
          explanation: explainReplay('info', 'timeout', { timeoutMs: 30_000 }),
        },
      }),
    );
    expect(screen.getByTestId('replay-status').textContent).toBe('Timed out after 30.0 s');
    expect(screen.getByTestId('replay-explanation').textContent).toContain('within 30 s');
  });

  it('shows a pending request with its timeout and a working Cancel', () => {
    const onCancel = view(entry({ status: 'pending', controller: new AbortController() }));
    expect(screen.getByTestId('replay-status').textContent).toBe(
      'Sending… 1 s (times out after 30 s)',
    );
    fireEvent.click(screen.getByTestId('replay-cancel'));
    expect(onCancel).toHaveBeenCalledWith('r1');
  });

  it('says why a refused request was not sent', () => {
    view(entry({ result: { kind: 'refused', reason: 'The token was entered for elsewhere.' } }));
    expect(screen.getByTestId('replay-status').textContent).toBe('Not sent');
    expect(screen.getByTestId('replay-explanation').textContent).toContain('entered for elsewhere');
  });

  it('copies cURL with $UQUDO_TOKEN by default and the token only when ticked', async () => {
    mockClipboard();
    view(entry({ result: { kind: 'aborted', durationMs: 4 } }));
    const checkbox = screen.getByTestId('curl-include-token') as HTMLInputElement;
    expect(checkbox.checked).toBe(false);
    fireEvent.click(screen.getByText('Copy as cURL'));
    await waitFor(() => expect(copied).toHaveLength(1));
    expect(copied[0]).toContain('"Authorization: Bearer $UQUDO_TOKEN"');
    expect(copied[0]).not.toContain(TOKEN);

    fireEvent.click(checkbox);
    expect(checkbox.checked).toBe(true);
    // The button shows "Copied" for a moment: find it by its title instead of its label.
    fireEvent.click(screen.getByTitle('Copy this request as a cURL command'));
    await waitFor(() => expect(copied).toHaveLength(2));
    expect(copied[1]).toContain(`'Authorization: Bearer ${TOKEN}'`);
  });

  it('never writes the token into a command for another origin', async () => {
    mockClipboard();
    view(entry({ result: { kind: 'aborted', durationMs: 4 } }), TOKEN, 'https://id.dev.uqudo.io');
    const checkbox = screen.getByTestId('curl-include-token') as HTMLInputElement;
    expect(checkbox.disabled).toBe(true);
    fireEvent.click(screen.getByText('Copy as cURL'));
    await waitFor(() => expect(copied).toHaveLength(1));
    expect(copied[0]).not.toContain(TOKEN);
  });

  it('leaves the client secret to a variable for token requests (no include-token box)', async () => {
    mockClipboard();
    view(
      entry({
        request: {
          method: 'POST',
          url: 'https://auth.uqudo.io/api/oauth/token',
          headers: [{ name: 'Content-Type', value: 'application/x-www-form-urlencoded' }],
          body: 'grant_type=client_credentials&client_id=abc&client_secret=',
          purpose: 'token',
        },
        result: { kind: 'aborted', durationMs: 1 },
      }),
    );
    expect(screen.queryByTestId('curl-include-token')).toBeNull();
    fireEvent.click(screen.getByText('Copy as cURL'));
    await waitFor(() => expect(copied).toHaveLength(1));
    expect(copied[0]).toContain('"client_secret=$UQUDO_CLIENT_SECRET"');
  });

  it('says what a 204 DELETE means', () => {
    view(
      entry({
        request: { ...infoRequest, method: 'DELETE', purpose: 'delete' },
        result: {
          kind: 'response',
          status: 204,
          statusText: 'No Content',
          ok: true,
          headers: [],
          durationMs: 9,
          contentType: '',
          bodyText: '',
          bodySize: 0,
          truncated: false,
          authorized: true,
        },
      }),
    );
    expect(screen.getByTestId('replay-explanation').textContent).toMatch(
      /Deleted.*also for ids it does not know/,
    );
  });
});
