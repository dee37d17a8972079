// The replay list: one entry per request sent, its cap, what of a result is kept, and replay captures. Pure.
import type { CapturedExchange } from '../capture/exchange';
import type { ReplayRequest } from '../uqudo/info-api';
import type { ReplayResult } from './send';
import { redactAccessToken } from './token-info';

/** One replay: the request (never the token or client secret), and its result once done. */
export interface ReplayEntry {
  id: string;
  /** The scope (session) it was sent from. */
  scope: string;
  /** Short words for the list, e.g. "GET info 3f2a9c1e-…". */
  label: string;
  request: ReplayRequest;
  /** Milliseconds since the epoch. */
  startedAt: number;
  status: 'pending' | 'done';
  /** The timeout the request runs under, in milliseconds. */
  timeoutMs: number;
  /** Image bytes are not kept here (they live in the image's object URL). */
  result?: ReplayResult;
  /** The response body was added to the capture list as a replay capture. */
  captured: boolean;
  /** Present while pending: aborting it cancels the request. */
  controller?: AbortController;
}

/** Replays kept over every session (the oldest finished ones go first). */
export const MAX_REPLAYS = 100;
/** Text bodies longer than this are cut in the kept result (the list is for reading). */
const MAX_KEPT_BODY_CHARS = 512 * 1024;

/** `entry` added in front of `replays`; beyond the cap the oldest finished ones are dropped. */
export function addReplayEntry(replays: readonly ReplayEntry[], entry: ReplayEntry): ReplayEntry[] {
  const next = [entry, ...replays];
  // Pending replays stay until they finish, even beyond the cap.
  while (next.length > MAX_REPLAYS) {
    const index = next.findLastIndex((candidate) => candidate.status === 'done');
    if (index === -1) break;
    next.splice(index, 1);
  }
  return next;
}

/** `replays` with the entry `id` patched. */
export function patchReplayEntry(
  replays: readonly ReplayEntry[],
  id: string,
  patch: Partial<ReplayEntry>,
): ReplayEntry[] {
  return replays.map((entry) => (entry.id === id ? { ...entry, ...patch } : entry));
}

/** What the list keeps of a result: no image bytes, no access token, long text cut. */
export function keepResult(request: ReplayRequest, result: ReplayResult): ReplayResult {
  if (result.kind !== 'response') return result;
  const { bodyBytes: _dropped, ...rest } = result;
  const kept: ReplayResult = { ...rest };
  if (typeof kept.bodyText === 'string') {
    if (request.purpose === 'token') kept.bodyText = redactAccessToken(kept.bodyText);
    if (kept.bodyText.length > MAX_KEPT_BODY_CHARS) {
      kept.bodyText = kept.bodyText.slice(0, MAX_KEPT_BODY_CHARS);
      kept.truncated = true;
    }
  }
  return kept;
}

/**
 * The capture a successful Info replay becomes (inspected like any capture), or undefined for
 * other requests, errors and empty bodies.
 */
export function buildReplayExchange(
  id: string,
  request: ReplayRequest,
  startedAt: number,
  result: ReplayResult,
): CapturedExchange | undefined {
  if (result.kind !== 'response' || !result.ok) return undefined;
  if (request.purpose !== 'info' && request.purpose !== 'info-header') return undefined;
  if (typeof result.bodyText !== 'string' || result.bodyText.trim() === '') return undefined;
  return {
    id: `replay-${id}-${startedAt}`,
    time: startedAt,
    method: request.method,
    url: request.url,
    status: result.status,
    // The Authorization header is deliberately absent: the access token must not become a capture.
    requestHeaders: request.headers.map((header) => ({ ...header })),
    responseHeaders: result.headers,
    responseBody: result.bodyText,
    responseMimeType: result.contentType,
    source: 'replay',
  };
}
