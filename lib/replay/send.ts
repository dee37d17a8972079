// sendReplay: lib/replay's one effectful edge — sends a ReplayRequest with fetch, binding the token to one origin.
import type { Header } from '../capture/exchange';
import { isLoopbackHost, readOrigin } from '../permissions/origin-policy';
import type { ReplayRequest } from '../uqudo/info-api';
import { explainReplay, type Explanation } from './explain';
import { normalizeAccessToken } from './token';

/** Options for {@link sendReplay}. */
export interface SendOptions {
  /** Access token (a leading `Bearer ` is ignored). Sent only to `tokenOrigin`. */
  token?: string;
  /** The API origin the token was entered for, e.g. `https://id.uqudo.io`. */
  tokenOrigin?: string;
  /** Injected fetch (default `globalThis.fetch`). */
  fetch?: typeof fetch;
  /** Cancels the replay (e.g. the panel's cancel button). */
  signal?: AbortSignal;
  /** Whole-exchange timeout, body included (default 30 000 ms). */
  timeoutMs?: number;
  /** Cap for text bodies (default 5 MB); longer bodies are cut and flagged `truncated`. */
  maxTextBytes?: number;
  /** Cap for binary bodies such as images (default 20 MB). */
  maxBinaryBytes?: number;
}

/** The answer, with a text body (JSON, JWT, text) or a binary body (images), never both. */
export interface ReplayResponse {
  kind: 'response';
  status: number;
  statusText: string;
  /** true for 2xx. */
  ok: boolean;
  headers: Header[];
  durationMs: number;
  /** The Content-Type header as sent ('' when absent). */
  contentType: string;
  bodyText?: string;
  bodyBytes?: Uint8Array;
  /** Bytes of body read (after the cap). */
  bodySize: number;
  /** true when the body was longer than the cap and was cut. */
  truncated: boolean;
  /** Whether the Authorization header was attached. */
  authorized: boolean;
  /** Set for every non-2xx status. */
  explanation?: Explanation;
}

/** Outcome of a replay. Never thrown: every failure is one of these. */
export type ReplayResult =
  | ReplayResponse
  | { kind: 'network-error'; message: string; durationMs: number; explanation: Explanation }
  | { kind: 'timeout'; durationMs: number; explanation: Explanation }
  | { kind: 'aborted'; durationMs: number }
  | { kind: 'refused'; reason: string };

const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_MAX_TEXT_BYTES = 5 * 1024 * 1024;
const DEFAULT_MAX_BINARY_BYTES = 20 * 1024 * 1024;

/** A request that passed the checks: its URL, the token to attach (if any) and the headers. */
interface CheckedRequest {
  url: URL;
  token: string | undefined;
  headers: Headers;
}

/** Refuses what must not be sent (bad URL, token for another origin or over plain http). */
function checkRequest(
  request: ReplayRequest,
  options: SendOptions,
): CheckedRequest | { kind: 'refused'; reason: string } {
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return { kind: 'refused', reason: 'The request URL is not valid.' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return {
      kind: 'refused',
      reason: `Only http(s) requests can be replayed, not ${url.protocol}`,
    };
  }
  const token = normalizeAccessToken(options.token);
  if (token !== undefined) {
    const refused = refuseToken(url, options.tokenOrigin);
    if (refused) return { kind: 'refused', reason: refused };
  }
  const headers = new Headers();
  try {
    for (const header of request.headers) {
      // Only the token mechanism may set Authorization: a stray header must not leak a credential.
      if (header.name.toLowerCase() === 'authorization') continue;
      headers.append(header.name, header.value);
    }
    if (token !== undefined) headers.set('Authorization', `Bearer ${token}`);
  } catch {
    return {
      kind: 'refused',
      reason: 'The request has a header name or value that cannot be sent.',
    };
  }
  return { url, token, headers };
}

/** Why the token must not go to `url`, if it must not. */
function refuseToken(url: URL, tokenOrigin: string | undefined): string | undefined {
  const bound = readOrigin(tokenOrigin);
  if (bound === undefined) {
    return 'The token is not bound to an API base, so it was not sent anywhere.';
  }
  if (bound !== url.origin) {
    return `The token was entered for ${bound}; this request goes to ${url.origin}, so it was not sent.`;
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    return 'A token is only sent over https:// (or plain http:// to this machine).';
  }
  return undefined;
}

/** Reads the answer (capped) into a ReplayResponse. */
async function readResponse(
  request: ReplayRequest,
  response: Response,
  options: SendOptions,
  facts: { authorized: boolean; elapsed: () => number },
): Promise<ReplayResponse> {
  const contentType = response.headers.get('content-type') ?? '';
  const textual = isTextual(contentType);
  const cap = textual
    ? (options.maxTextBytes ?? DEFAULT_MAX_TEXT_BYTES)
    : (options.maxBinaryBytes ?? DEFAULT_MAX_BINARY_BYTES);
  const body = await readCapped(response, cap);
  const responseHeaders: Header[] = [];
  response.headers.forEach((value, name) => responseHeaders.push({ name, value }));
  const ok = response.status >= 200 && response.status < 300;
  const result: ReplayResponse = {
    kind: 'response',
    status: response.status,
    statusText: response.statusText,
    ok,
    headers: responseHeaders,
    durationMs: facts.elapsed(),
    contentType,
    bodySize: body.bytes.byteLength,
    truncated: body.truncated,
    authorized: facts.authorized,
  };
  if (textual) result.bodyText = new TextDecoder().decode(body.bytes);
  else result.bodyBytes = body.bytes;
  if (!ok) result.explanation = explainReplay(request.purpose, response.status);
  return result;
}

/**
 * Sends one replay. The token is attached as `Authorization: Bearer …` only when the request's
 * origin equals `tokenOrigin`; otherwise nothing is sent and the result is `refused`. Redirects are
 * not followed and cookies are not sent. Never throws.
 */
export async function sendReplay(
  request: ReplayRequest,
  options: SendOptions = {},
): Promise<ReplayResult> {
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const timeoutMs =
    typeof options.timeoutMs === 'number' && options.timeoutMs > 0
      ? options.timeoutMs
      : DEFAULT_TIMEOUT_MS;
  const checked = checkRequest(request, options);
  if (!('url' in checked)) return checked;
  const { url, token, headers } = checked;

  if (options.signal?.aborted) return { kind: 'aborted', durationMs: 0 };
  const controller = new AbortController();
  let timedOut = false;
  const onAbort = () => controller.abort();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);

  const started = performance.now();
  const elapsed = () => Math.round((performance.now() - started) * 10) / 10;
  try {
    const init: RequestInit = {
      method: request.method,
      headers,
      signal: controller.signal,
      // A redirect could carry the token elsewhere: stop and report it instead.
      redirect: 'manual',
      credentials: 'omit',
      cache: 'no-store',
    };
    if (request.body !== undefined) init.body = request.body;
    const response = await fetchImpl(url.href, init);
    return await readResponse(request, response, options, {
      authorized: token !== undefined,
      elapsed,
    });
  } catch (error) {
    const durationMs = elapsed();
    if (timedOut) {
      return {
        kind: 'timeout',
        durationMs,
        explanation: explainReplay(request.purpose, 'timeout', { timeoutMs }),
      };
    }
    if (controller.signal.aborted) return { kind: 'aborted', durationMs };
    return {
      kind: 'network-error',
      message: describeError(error),
      durationMs,
      explanation: explainReplay(request.purpose, 'network-error', { origin: url.origin }),
    };
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
  }
}

/** Bodies shown as text: JSON, JWT/JOSE, text/*, XML, form data, or no declared type. */
function isTextual(contentType: string): boolean {
  const mime = contentType.split(';')[0]!.trim().toLowerCase();
  if (mime === '') return true;
  return (
    mime.startsWith('text/') ||
    mime === 'application/json' ||
    mime.endsWith('+json') ||
    mime === 'application/jwt' ||
    mime === 'application/jose' ||
    mime === 'application/xml' ||
    mime.endsWith('+xml') ||
    mime === 'application/javascript' ||
    mime === 'application/x-www-form-urlencoded'
  );
}

async function readCapped(
  response: Response,
  cap: number,
): Promise<{ bytes: Uint8Array; truncated: boolean }> {
  if (!response.body) return { bytes: new Uint8Array(0), truncated: false };
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let truncated = false;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (size + value.byteLength > cap) {
      chunks.push(value.subarray(0, cap - size));
      size = cap;
      truncated = true;
      // The rest is not needed; cancelling frees the connection. A failed cancel changes nothing.
      await reader.cancel().catch(() => undefined);
      break;
    }
    chunks.push(value);
    size += value.byteLength;
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { bytes, truncated };
}

/** fetch's TypeError says little ("fetch failed", "Failed to fetch"); Node puts the reason in `cause`. */
function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as { cause?: unknown }).cause;
  if (cause instanceof Error) {
    const code = (cause as { code?: unknown }).code;
    return `${error.message}: ${typeof code === 'string' ? `${code} ` : ''}${cause.message}`.trim();
  }
  return error.message;
}
