// HAR reading: untrusted HAR text/entries → CapturedExchange, with base64 bodies decoded as UTF-8.
import { isRecord } from '../guards';
import type { CapturedExchange, Header } from './exchange';
import { isBinaryMimeType } from './filter';

/** HAR files longer than this (UTF-16 code units) are refused rather than parsed. */
export const MAX_HAR_CHARS = 256 * 1024 * 1024;
/** Decoded body bytes kept per body; longer bodies are cut here with a note. */
const MAX_BODY_BYTES = 10 * 1024 * 1024;
/** Headers kept per side of an exchange. */
const MAX_HEADERS = 500;
/** Bytes inspected when deciding whether a body without a telling MIME type is binary. */
const BINARY_SNIFF_BYTES = 1024;

/** Note on a body that was not decoded because it is binary (images, NUL bytes…). */
export const BINARY_BODY_NOTE = 'binary body skipped';

/** Result of decoding one body: the text, and/or why it is missing or shortened. */
export interface BodyText {
  text?: string;
  note?: string;
}

/** Options for turning one HAR entry into an exchange. */
export interface HarEntryOptions {
  id: string;
  source: CapturedExchange['source'];
  entryIndex?: number;
  /** A body read elsewhere (DevTools `getContent`) that replaces `response.content.text`. */
  responseBody?: BodyText;
  /** Decoded body bytes kept (default {@link MAX_BODY_BYTES}). */
  maxBodyBytes?: number;
}

/** A parsed HAR: its usable exchanges and how many entries were skipped as unusable; or why not. */
export type ParsedHar =
  { ok: true; exchanges: CapturedExchange[]; skipped: number } | { ok: false; error: string };

/** The entries of a HAR document, not yet examined; or why the text is not a HAR. */
export type HarEntries = { ok: true; entries: unknown[] } | { ok: false; error: string };

/**
 * Read a HAR document's `log.entries` without examining them, so a caller can turn them into
 * exchanges one at a time. Fails only when the text is not JSON with a `log.entries` array (or is
 * over {@link MAX_HAR_CHARS}). Never throws.
 */
export function readHarEntries(text: string): HarEntries {
  if (typeof text !== 'string') return { ok: false, error: 'HAR input is not text' };
  if (text.length > MAX_HAR_CHARS) {
    return {
      ok: false,
      error: `HAR file too large (${Math.round(text.length / 1048576)} MB; limit ${MAX_HAR_CHARS / 1048576} MB)`,
    };
  }
  let document: unknown;
  try {
    document = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    return {
      ok: false,
      error: `not JSON: ${error instanceof Error ? error.message : 'parse error'}`,
    };
  }
  const log = isRecord(document) ? document.log : undefined;
  const entries = isRecord(log) ? log.entries : undefined;
  if (!Array.isArray(entries)) return { ok: false, error: 'not a HAR file: no log.entries array' };
  return { ok: true, entries };
}

/** Entry `index` of a HAR file as an exchange (id `har-<index>`); undefined when unusable. */
export function exchangeFromHarFileEntry(
  entry: unknown,
  index: number,
): CapturedExchange | undefined {
  return exchangeFromHarEntry(entry, { id: `har-${index}`, source: 'har', entryIndex: index });
}

/**
 * Parse a HAR document. Fails only when the text is not JSON with a `log.entries` array (or is over
 * {@link MAX_HAR_CHARS}); entries that are not usable (no request URL, wrong types) are skipped.
 * Exchanges get ids `har-<index>` and keep their index in `log.entries`. Never throws.
 */
export function parseHar(text: string): ParsedHar {
  const read = readHarEntries(text);
  if (!read.ok) return read;
  const exchanges: CapturedExchange[] = [];
  read.entries.forEach((entry: unknown, index) => {
    const exchange = exchangeFromHarFileEntry(entry, index);
    if (exchange) exchanges.push(exchange);
  });
  return { ok: true, exchanges, skipped: read.entries.length - exchanges.length };
}

/**
 * One HAR entry (from a file, `getHAR()` or `onRequestFinished`) as an exchange; undefined when the
 * entry has no request URL. Missing or mistyped fields become defaults (status 0, time 0, no
 * headers). The response body comes from `options.responseBody` when given, else from
 * `response.content.text` (base64 decoded when `encoding` is `base64`). Never throws.
 */
export function exchangeFromHarEntry(
  entry: unknown,
  options: HarEntryOptions,
): CapturedExchange | undefined {
  if (!isRecord(entry)) return undefined;
  const request = entry.request;
  if (!isRecord(request) || typeof request.url !== 'string' || request.url === '') return undefined;
  const response = isRecord(entry.response) ? entry.response : {};
  const content = isRecord(response.content) ? response.content : {};
  const postData = isRecord(request.postData) ? request.postData : {};

  const time = typeof entry.startedDateTime === 'string' ? Date.parse(entry.startedDateTime) : NaN;
  const status =
    typeof response.status === 'number' && Number.isFinite(response.status) ? response.status : 0;
  const responseMimeType = typeof content.mimeType === 'string' ? content.mimeType : undefined;
  const maxBytes = options.maxBodyBytes ?? MAX_BODY_BYTES;

  const exchange: CapturedExchange = {
    id: options.id,
    time: Number.isFinite(time) ? time : 0,
    method: typeof request.method === 'string' ? request.method : '',
    url: urlWithQuery(request.url, request.queryString),
    status,
    requestHeaders: headersOf(request.headers),
    responseHeaders: headersOf(response.headers),
    source: options.source,
  };
  if (options.entryIndex !== undefined) exchange.entryIndex = options.entryIndex;

  const requestBody = requestBodyOf(postData, maxBytes);
  if (requestBody !== undefined) exchange.requestBody = requestBody;
  if (typeof postData.mimeType === 'string' && postData.mimeType !== '') {
    exchange.requestMimeType = postData.mimeType;
  }
  if (responseMimeType) exchange.responseMimeType = responseMimeType;

  const body =
    options.responseBody ??
    (typeof content.text === 'string'
      ? decodeHarContent(content.text, content.encoding, responseMimeType, maxBytes)
      : missingBody(content, options.source));
  if (body.text !== undefined) exchange.responseBody = body.text;
  if (body.note !== undefined) exchange.bodyNote = body.note;
  return exchange;
}

/**
 * Decode HAR/DevTools body content: base64 → bytes → UTF-8 (invalid sequences become U+FFFD);
 * binary content (binary MIME type or NUL bytes) is skipped with a note; longer than `maxBytes`
 * → cut with a note; invalid base64 → a note. Never throws.
 */
export function decodeHarContent(
  text: string,
  encoding: unknown,
  mimeType: string | undefined,
  maxBytes: number = MAX_BODY_BYTES,
): BodyText {
  if (text === '') return { text: '' };
  if (encoding !== 'base64') {
    if (isBinaryMimeType(mimeType)) return { note: BINARY_BODY_NOTE };
    // Length in UTF-16 code units stands in for bytes: a cheap bound, which is all a cap needs.
    if (text.length > maxBytes)
      return { text: text.slice(0, maxBytes), note: tooLargeNote(maxBytes) };
    return { text };
  }
  if (isBinaryMimeType(mimeType)) return { note: BINARY_BODY_NOTE };
  const compact = text.replace(/\s+/g, '');
  // 4 base64 characters carry 3 bytes: cut on a 4-character boundary to stay decodable.
  const maxChars = Math.ceil(maxBytes / 3) * 4;
  const truncated = compact.length > maxChars;
  const bytes = decodeBase64(truncated ? compact.slice(0, maxChars) : compact);
  if (bytes === undefined) return { note: 'body is not valid base64' };
  const kept = bytes.length > maxBytes ? bytes.subarray(0, maxBytes) : bytes;
  if (hasNulByte(kept)) return { note: BINARY_BODY_NOTE };
  const decoded = new TextDecoder('utf-8', { fatal: false }).decode(kept);
  return truncated || kept.length < bytes.length
    ? { text: decoded, note: tooLargeNote(maxBytes) }
    : { text: decoded };
}

function tooLargeNote(maxBytes: number): string {
  return `body larger than ${formatBytes(maxBytes)}: only the first ${formatBytes(maxBytes)} examined`;
}

function formatBytes(bytes: number): string {
  return bytes >= 1048576 ? `${Math.round(bytes / 1048576)} MB` : `${Math.round(bytes / 1024)} KB`;
}

/** Standard base64 (not base64url, which is jose's business) → bytes; undefined when invalid. */
function decodeBase64(base64: string): Uint8Array | undefined {
  try {
    const binary = atob(base64);
    const bytes = new Uint8Array(binary.length);
    for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
    return bytes;
  } catch {
    return undefined;
  }
}

function hasNulByte(bytes: Uint8Array): boolean {
  return bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0);
}

/** Why a response body is absent, when the HAR says there should have been one. */
function missingBody(
  content: Record<string, unknown>,
  source: CapturedExchange['source'],
): BodyText {
  const size = typeof content.size === 'number' ? content.size : 0;
  if (size <= 0) return {};
  return source === 'har'
    ? { note: 'response body not included in the HAR (export it "with content")' }
    : { note: 'response body not available' };
}

function requestBodyOf(postData: Record<string, unknown>, maxBytes: number): string | undefined {
  if (typeof postData.text === 'string') {
    return postData.text.length > maxBytes ? postData.text.slice(0, maxBytes) : postData.text;
  }
  // Some HAR writers give form posts as `params` only.
  if (Array.isArray(postData.params)) {
    const form = new URLSearchParams();
    for (const param of postData.params.slice(0, MAX_HEADERS)) {
      if (isRecord(param) && typeof param.name === 'string') {
        form.append(param.name, typeof param.value === 'string' ? param.value : '');
      }
    }
    const text = form.toString();
    return text === '' ? undefined : text;
  }
  return undefined;
}

/** The URL, with the HAR `queryString` appended when the URL itself carries no query. */
function urlWithQuery(url: string, queryString: unknown): string {
  if (url.includes('?') || !Array.isArray(queryString) || queryString.length === 0) return url;
  const query = new URLSearchParams();
  for (const param of queryString.slice(0, MAX_HEADERS)) {
    if (isRecord(param) && typeof param.name === 'string' && typeof param.value === 'string') {
      query.append(param.name, param.value);
    }
  }
  const text = query.toString();
  if (text === '') return url;
  const hash = url.indexOf('#');
  return hash === -1 ? `${url}?${text}` : `${url.slice(0, hash)}?${text}${url.slice(hash)}`;
}

function headersOf(headers: unknown): Header[] {
  if (!Array.isArray(headers)) return [];
  const result: Header[] = [];
  for (const header of headers) {
    if (result.length >= MAX_HEADERS) break;
    if (isRecord(header) && typeof header.name === 'string' && typeof header.value === 'string') {
      result.push({ name: header.name, value: header.value });
    }
  }
  return result;
}
