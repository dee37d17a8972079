// The one file touching the DevTools network API: live requests + getHAR backfill → CapturedExchange.
import { isRecord } from '../guards';
import type { CapturedExchange } from './exchange';
import { hasTokenCandidate } from './extract';
import { isStaticAsset, mayCarryTokenBody, type RequestTraits } from './filter';
import { BINARY_BODY_NOTE, decodeHarContent, exchangeFromHarEntry, type BodyText } from './har';

/** Body bytes read per response through `getContent` (longer bodies are cut with a note). */
const MAX_CONTENT_BYTES = 5 * 1024 * 1024;
/** How long to wait for DevTools to answer `getContent` or `getHAR`. */
const ANSWER_TIMEOUT_MS = 10_000;
/** `getContent` calls in flight at once during the backfill. */
const BACKFILL_CONCURRENCY = 6;

/** Shown when DevTools has no body although the response had one. */
export const BODY_UNAVAILABLE_NOTE =
  'body not available to DevTools (read as Blob/stream, served by a service worker, or too large) — reload with DevTools open';

/** An event of the DevTools API (`chrome.events.Event`), reduced to what is used here. */
interface NetworkEventLike<Listener> {
  addListener(listener: Listener): void;
  removeListener(listener: Listener): void;
}

/**
 * A finished request as DevTools hands it over: a HAR entry whose prototype has `getContent()`.
 * `getContent` may take a callback `(content, encoding)` (Chrome) or return a Promise of
 * `{content, encoding}` or `[content, encoding]` (webextension-polyfill and others).
 */
export interface DevtoolsRequestLike {
  getContent(...args: never[]): unknown;
  startedDateTime?: unknown;
  request?: unknown;
  response?: unknown;
}

/**
 * `browser.devtools.network` / `chrome.devtools.network`, structurally. `getHAR` may take a callback
 * or return a Promise; the log it yields may be `{entries}` or `{log: {entries}}`.
 */
export interface DevtoolsNetworkLike {
  onRequestFinished: NetworkEventLike<(request: DevtoolsRequestLike) => void>;
  onNavigated: NetworkEventLike<(url: string) => void>;
  getHAR(...args: never[]): unknown;
}

/** What `watchNetwork` reports to. Callbacks should not throw (errors are reported, not swallowed). */
export interface NetworkCallbacks {
  onExchange(exchange: CapturedExchange): void;
  onNavigated?(url: string): void;
}

export interface WatchOptions {
  /** Extra filter: requests for which this returns true are ignored entirely. */
  skip?: (request: RequestTraits & { method: string }) => boolean;
  /** Also report exchanges in which nothing could hold a token (default false: only candidates). */
  emitAll?: boolean;
  /** Body bytes read per response (default {@link MAX_CONTENT_BYTES}). */
  maxBodyBytes?: number;
  /** Wait for a DevTools answer (default 10 s). */
  timeoutMs?: number;
}

/** A running capture. `backfilled` resolves (never rejects) to the number of getHAR entries examined. */
export interface NetworkWatch {
  stop(): void;
  backfilled: Promise<number>;
}

export interface ReadContentOptions {
  maxBytes?: number;
  timeoutMs?: number;
}

/**
 * Read a response body through `getContent`, whatever its calling convention; base64 → bytes →
 * UTF-8 (`TextDecoder`, invalid sequences replaced); binary → note "binary body skipped"; over
 * `maxBytes` → cut with a note; empty although the HAR says there was a body → the
 * {@link BODY_UNAVAILABLE_NOTE}. Never rejects.
 */
export async function readContent(
  request: DevtoolsRequestLike,
  options: ReadContentOptions = {},
): Promise<BodyText> {
  const answer = await askContent(request, options.timeoutMs ?? ANSWER_TIMEOUT_MS);
  if ('failed' in answer)
    return { note: `body could not be read from DevTools (${answer.failed})` };
  const content = responseContentOf(request);
  if (typeof answer.content === 'string' && answer.content !== '') {
    return decodeHarContent(
      answer.content,
      answer.encoding,
      content.mimeType,
      options.maxBytes ?? MAX_CONTENT_BYTES,
    );
  }
  return content.expectsBody ? { note: BODY_UNAVAILABLE_NOTE } : {};
}

/**
 * Capture the inspected tab's traffic: attaches `onRequestFinished` and `onNavigated` listeners at
 * once, then backfills from `getHAR()` (requests made before the panel was shown), skipping those
 * already seen live. Static assets (images, fonts, CSS, JS, media) are never read, though their URL
 * query and headers are checked; other bodies are read once, only when their type could hold a token.
 * By default only exchanges with a token candidate, or whose body DevTools could not provide, are
 * reported.
 */
export function watchNetwork(
  network: DevtoolsNetworkLike,
  callbacks: NetworkCallbacks,
  options: WatchOptions = {},
): NetworkWatch {
  let stopped = false;
  let nextId = 0;
  // Live requests that arrive while the backfill is pending, so the backfill skips them…
  let liveKeys: Set<string> | undefined = new Set();
  // …and backfilled requests whose live event may still be queued, so that event is skipped.
  const backfillKeys = new Set<string>();
  const timeoutMs = options.timeoutMs ?? ANSWER_TIMEOUT_MS;

  const deliver = (exchange: CapturedExchange | undefined) => {
    if (stopped || !exchange) return;
    try {
      callbacks.onExchange(exchange);
    } catch (error) {
      report(error);
    }
  };

  const examine = async (entry: unknown): Promise<CapturedExchange | undefined> =>
    stopped ? undefined : examineEntry(entry, `net-${nextId++}`, options, timeoutMs);

  const onRequestFinished = (request: DevtoolsRequestLike) => {
    if (stopped) return;
    const key = keyOf(request);
    if (backfillKeys.delete(key)) return;
    liveKeys?.add(key);
    examine(request).then(deliver, report);
  };
  const onNavigated = (url: string) => {
    if (!stopped) callbacks.onNavigated?.(typeof url === 'string' ? url : '');
  };
  network.onRequestFinished.addListener(onRequestFinished);
  network.onNavigated.addListener(onNavigated);

  const backfilled = (async () => {
    const entries = entriesOf(await askHar(network, timeoutMs));
    const fresh = entries.filter((entry) => !liveKeys?.has(keyOf(entry)));
    liveKeys = undefined;
    for (const entry of fresh) backfillKeys.add(keyOf(entry));
    // Bodies are read a few at a time, but reported in HAR order.
    const pending = mapWithConcurrency(fresh, BACKFILL_CONCURRENCY, examine);
    for (const exchange of pending) await exchange.then(deliver, report);
    return fresh.length;
  })();

  return {
    stop() {
      stopped = true;
      network.onRequestFinished.removeListener(onRequestFinished);
      network.onNavigated.removeListener(onNavigated);
    },
    backfilled,
  };
}

/**
 * Like an event dispatcher, surface an error thrown by the caller's callback or `skip` filter as an
 * uncaught error (visible in the console) without breaking the capture.
 */
function report(error: unknown): void {
  setTimeout(() => {
    throw error;
  });
}

/** Turn one request into an exchange, reading its body only when it is worth it; never rejects. */
async function examineEntry(
  entry: unknown,
  id: string,
  options: WatchOptions,
  timeoutMs: number,
): Promise<CapturedExchange | undefined> {
  const traits = traitsOf(entry);
  if (!traits || options.skip?.(traits)) return undefined;
  const base = { id, source: 'network' as const };
  if (isStaticAsset(traits)) {
    const exchange = exchangeFromHarEntry(entry, { ...base, responseBody: {} });
    return exchange && (options.emitAll || headOrUrlHasCandidate(exchange)) ? exchange : undefined;
  }
  const maxBodyBytes = options.maxBodyBytes ?? MAX_CONTENT_BYTES;
  let body: BodyText = {};
  if (hasReadableBody(entry, traits)) {
    // Entries without getContent (other browsers' getHAR) carry their body, if any, in the HAR itself.
    body = hasGetContent(entry)
      ? await readContent(entry, { maxBytes: maxBodyBytes, timeoutMs })
      : bodyFromHar(entry, maxBodyBytes);
  }
  const exchange = exchangeFromHarEntry(entry, { ...base, responseBody: body });
  if (!exchange) return undefined;
  const worthReporting =
    options.emitAll ||
    headOrUrlHasCandidate(exchange) ||
    hasTokenCandidate(exchange.requestBody ?? '') ||
    hasTokenCandidate(exchange.responseBody ?? '') ||
    // A body DevTools could not hand over may have held a token: the user should hear about it.
    (body.text === undefined && body.note !== undefined && body.note !== BINARY_BODY_NOTE);
  return worthReporting ? exchange : undefined;
}

function headOrUrlHasCandidate(exchange: CapturedExchange): boolean {
  return (
    hasTokenCandidate(exchange.url) ||
    exchange.url.includes('%') ||
    exchange.requestHeaders.some((header) => hasTokenCandidate(header.value)) ||
    exchange.responseHeaders.some((header) => hasTokenCandidate(header.value))
  );
}

function hasGetContent(entry: unknown): entry is DevtoolsRequestLike {
  return isRecord(entry) && typeof entry.getContent === 'function';
}

function bodyFromHar(entry: unknown, maxBytes: number): BodyText {
  const response = isRecord(entry) && isRecord(entry.response) ? entry.response : {};
  const content = isRecord(response.content) ? response.content : {};
  if (typeof content.text !== 'string') return {};
  const mimeType = typeof content.mimeType === 'string' ? content.mimeType : undefined;
  return decodeHarContent(content.text, content.encoding, mimeType, maxBytes);
}

/** False for responses that have no body by definition, or whose type cannot hold a token. */
function hasReadableBody(entry: unknown, traits: RequestTraits & { method: string }): boolean {
  const method = traits.method.toUpperCase();
  if (method === 'OPTIONS' || method === 'HEAD') return false;
  const response = isRecord(entry) && isRecord(entry.response) ? entry.response : {};
  const status = typeof response.status === 'number' ? response.status : 0;
  if (status === 204 || (status >= 100 && status < 200)) return false;
  return mayCarryTokenBody(traits.mimeType);
}

function traitsOf(entry: unknown): (RequestTraits & { method: string }) | undefined {
  if (!isRecord(entry) || !isRecord(entry.request) || typeof entry.request.url !== 'string') {
    return undefined;
  }
  const traits: RequestTraits & { method: string } = {
    url: entry.request.url,
    method: typeof entry.request.method === 'string' ? entry.request.method : '',
  };
  const mimeType = responseContentOf(entry).mimeType;
  if (mimeType) traits.mimeType = mimeType;
  // Chrome's non-standard HAR field.
  if (typeof entry._resourceType === 'string') traits.resourceType = entry._resourceType;
  return traits;
}

/** MIME type of the response and whether the HAR says it had a body. */
function responseContentOf(entry: unknown): { mimeType?: string; expectsBody: boolean } {
  const response = isRecord(entry) && isRecord(entry.response) ? entry.response : {};
  const content = isRecord(response.content) ? response.content : {};
  const mimeType = typeof content.mimeType === 'string' ? content.mimeType : undefined;
  const size = typeof content.size === 'number' ? content.size : undefined;
  const bodySize = typeof response.bodySize === 'number' ? response.bodySize : undefined;
  const expectsBody =
    (size ?? 0) > 0 ||
    (bodySize ?? 0) > 0 ||
    (size === undefined && bodySize === undefined && !!mimeType && mayCarryTokenBody(mimeType));
  return mimeType === undefined ? { expectsBody } : { mimeType, expectsBody };
}

/** Identity of a request across `onRequestFinished` and `getHAR`, which hand over separate objects. */
function keyOf(entry: unknown): string {
  if (!isRecord(entry)) return '';
  const request = isRecord(entry.request) ? entry.request : {};
  const response = isRecord(entry.response) ? entry.response : {};
  return [entry.startedDateTime, request.method, request.url, response.status]
    .map(String)
    .join(' ');
}

function entriesOf(log: unknown): unknown[] {
  const inner = isRecord(log) && isRecord(log.log) ? log.log : log;
  const entries = isRecord(inner) ? inner.entries : undefined;
  return Array.isArray(entries) ? entries.filter(isRecord) : [];
}

type Answer = { failed: string } | { content: unknown; encoding: unknown };

/** Call `getContent` in whichever convention it speaks; settles once, with a timeout. */
function askContent(request: DevtoolsRequestLike, timeoutMs: number): Promise<Answer> {
  return ask<Answer>(
    (args) => (request.getContent as (...args: unknown[]) => unknown).apply(request, args),
    (settle) => [(content: unknown, encoding: unknown) => settle({ content, encoding })],
    (value) => {
      if (Array.isArray(value)) return { content: value[0], encoding: value[1] };
      if (isRecord(value)) return { content: value.content, encoding: value.encoding };
      return { content: value, encoding: undefined };
    },
    (failed) => ({ failed }),
    timeoutMs,
  );
}

/** Call `getHAR` in whichever convention it speaks; resolves undefined on failure. */
function askHar(network: DevtoolsNetworkLike, timeoutMs: number): Promise<unknown> {
  return ask<unknown>(
    (args) => (network.getHAR as (...args: unknown[]) => unknown).apply(network, args),
    (settle) => [(log: unknown) => settle(log)],
    (value) => value,
    () => undefined,
    timeoutMs,
  );
}

/**
 * Call a DevTools function that answers by callback or by Promise. It is first called with the
 * callback; webextension-polyfill's promise wrappers refuse extra arguments by throwing, so on a
 * synchronous throw it is called again without one.
 */
function ask<T>(
  call: (args: unknown[]) => unknown,
  makeCallback: (settle: (value: T) => void) => unknown[],
  fromPromise: (value: unknown) => T,
  fromFailure: (reason: string) => T,
  timeoutMs: number,
): Promise<T> {
  return new Promise<T>((resolve) => {
    let settled = false;
    const settle = (value: T) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(value);
    };
    const timer = setTimeout(() => settle(fromFailure('no answer from DevTools')), timeoutMs);
    let returned: unknown;
    try {
      returned = call(makeCallback(settle));
    } catch {
      try {
        returned = call([]);
      } catch (error) {
        settle(fromFailure(error instanceof Error ? error.message : 'call failed'));
        return;
      }
    }
    if (isThenable(returned)) {
      returned.then(
        (value) => settle(fromPromise(value)),
        (error: unknown) =>
          settle(fromFailure(error instanceof Error ? error.message : 'rejected')),
      );
    }
  });
}

/** Run at most `limit` tasks at a time; the promises come back in input order. */
function mapWithConcurrency<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<R>,
): Promise<R>[] {
  const settlers: { resolve: (value: R) => void; reject: (reason: unknown) => void }[] = [];
  const results = items.map(
    () => new Promise<R>((resolve, reject) => settlers.push({ resolve, reject })),
  );
  let next = 0;
  const work = async () => {
    while (next < items.length) {
      const index = next++;
      const settler = settlers[index]!;
      await task(items[index]!).then(settler.resolve, settler.reject);
    }
  };
  for (let worker = 0; worker < Math.min(limit, items.length); worker++) void work();
  return results;
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}
