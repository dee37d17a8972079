// Test-only: a replay store over a recording fake sender, a fixed clock and access tokens minted for the slice tests.
import { vi } from 'vitest';
import type { CapturedExchange } from '../../capture/exchange';
import { inspectUqudoToken } from '../../uqudo/inspect';
import { generateTestKeyPair, mintToken, type TestKeyPair } from '../../jose/testing/tokens';
import type { ReplayRequest } from '../../uqudo/info-api';
import type { ImageRef } from '../../uqudo/summary';
import { explainReplay } from '../explain';
import type { ReplayResponse, ReplayResult, SendOptions } from '../send';
import { createReplayStore, type ReplayDeps, type ReplayStore } from '../slice';
import { buildReplayResponse } from './replays';

/** The session id the slice tests replay. */
export const SESSION = '3f2a9c1e-7b4d-4e8f-9a01-23456789abcd';
/** The fixed "now" of the slice tests, in milliseconds and in seconds. */
export const NOW_MS = Date.UTC(2026, 0, 15, 10, 0, 0);
export const NOW_S = NOW_MS / 1000;
export const PROD = 'https://id.uqudo.io';
export const DEV = 'https://id.dev.uqudo.io';

let keyPair: Promise<TestKeyPair> | undefined;

/** The signing key of the slice tests (generated once per test file). */
export function getTestKey(): Promise<TestKeyPair> {
  keyPair ??= generateTestKeyPair('RS256', 'slice-test');
  return keyPair;
}

/** An access token valid at NOW for 29 minutes with the Info scope; `claims` override. */
export async function mintAccessToken(claims: Record<string, unknown> = {}): Promise<string> {
  return mintToken(
    {
      iss: 'https://auth.uqudo.io',
      client_id: 'c0ffee00-5a4d-4b1e-8000-000000000001',
      iat: NOW_S - 60,
      exp: NOW_S + 1740,
      scope: 'KYC_INFO_SDK KYC_SCAN_SDK',
      ...claims,
    },
    { key: await getTestKey(), header: { typ: 'at+jwt' } },
  );
}

/** `size` bytes starting like a JPEG. */
function buildJpegBytes(size = 64): Uint8Array {
  const bytes = new Uint8Array(size);
  bytes.set([0xff, 0xd8, 0xff, 0xe0]);
  return bytes;
}

/** An image answer: a JPEG for 200, a JSON error with its explanation otherwise. */
export function buildImageResponse(status = 200): ReplayResponse {
  if (status !== 200) {
    return buildReplayResponse({
      status,
      ok: false,
      contentType: 'application/json',
      bodyText: '{"error":"not_found"}',
      explanation: explainReplay('image', status),
    });
  }
  const bytes = buildJpegBytes();
  return buildReplayResponse({
    contentType: 'image/jpeg',
    bodyText: undefined,
    bodyBytes: bytes,
    bodySize: bytes.byteLength,
  });
}

/** A replay store and everything its fakes recorded. */
export interface Harness {
  store: ReplayStore;
  send: ReturnType<
    typeof vi.fn<(request: ReplayRequest, options: SendOptions) => Promise<ReplayResult>>
  >;
  exchanges: CapturedExchange[];
  created: string[];
  revoked: string[];
  saved: unknown[];
  clock: { now: number };
}

/** A replay store answering with `respond`, recording captures, object URLs and saved tokens. */
export function setupReplayStore(
  respond: (request: ReplayRequest, options: SendOptions) => Promise<ReplayResult> = async () =>
    buildReplayResponse(),
  overrides: Partial<ReplayDeps> = {},
): Harness {
  const exchanges: CapturedExchange[] = [];
  const created: string[] = [];
  const revoked: string[] = [];
  const saved: unknown[] = [];
  const clock = { now: NOW_MS };
  const send = vi.fn(respond);
  let urls = 0;
  const store = createReplayStore({
    send,
    inspect: inspectUqudoToken,
    now: () => clock.now,
    addExchange: (exchange) => exchanges.push(exchange),
    createObjectUrl: () => {
      urls += 1;
      const url = `blob:test/${urls}`;
      created.push(url);
      return url;
    },
    revokeObjectUrl: (url) => revoked.push(url),
    saveToken: (entry) => saved.push(entry),
    ...overrides,
  });
  return { store, send, exchanges, created, revoked, saved, clock };
}

/** The harness's replay state. */
export const replayState = (h: Harness) => h.store.getState().replay;

/** Resolves once the token has been decoded. */
export async function waitForTokenInfo(h: Harness): Promise<void> {
  await vi.waitFor(() => {
    if (replayState(h).tokenInfo?.state !== 'ready') throw new Error('token not decoded yet');
  });
}

/** `count` passport image references with distinct ids. */
export function buildImageRefs(count: number): ImageRef[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `65a1f0c2e4b0a1b2c3d4e5${String(i).padStart(2, '0')}`,
    path: `$.data.documents[0].scan.image${i}`,
    key: `image${i}Id`,
    documentType: 'PASSPORT',
  }));
}
