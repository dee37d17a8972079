// buildHarSubset: the requests of an export's scope as a HAR 1.2 log, headers and bodies redacted like the report.
import type { CapturedExchange, Header } from '../capture/exchange';
import { BODY_ALLOWED } from './allow-list';
import { hashTokens } from './hash';
import type { LogEntry } from './log';
import { redactJson, type RedactionPolicy } from './redact';
import { redactFreeText, redactUrl } from './redact-text';
import {
  collectTokens,
  createPolicy,
  selectExport,
  type ExportChoice,
  type ExportInput,
} from './report';
import { describeTokenMarker, isTokenText } from './scrub';
import { describeRedaction } from './file-text';

/** Headers and form fields that carry credentials: removed unless secrets are included. */
const SECRET_NAMES =
  /^(cookie|set-cookie|authorization|proxy-authorization)$|secret|password|api[-_]?key|token/i;
/** Headers whose values say nothing about a person and are kept. */
const KEPT_HEADERS = new Set([
  'accept',
  'accept-encoding',
  'cache-control',
  'connection',
  'content-encoding',
  'content-length',
  'content-type',
  'date',
  'host',
  'server',
  'transfer-encoding',
  'uq-nonce',
  'uq-session-id',
  'vary',
  'x-content-type-options',
]);
/** Headers holding a URL: kept with the URL's query redacted. */
const URL_HEADERS = new Set(['location', 'origin', 'referer']);
/** Form fields kept in a form body. */
const KEPT_FORM_FIELDS = new Set(['grant_type', 'scope', 'client_id']);

function redactHeader(header: Header, policy: RedactionPolicy): Header | undefined {
  const name = header.name.toLowerCase();
  if (policy.includeSecrets) return header;
  if (SECRET_NAMES.test(name) && !name.startsWith('uq-') && !name.startsWith('access-control-')) {
    return { name: header.name, value: '‹removed›' };
  }
  if (URL_HEADERS.has(name)) return { name: header.name, value: redactUrl(header.value, policy) };
  if (policy.includePersonal || KEPT_HEADERS.has(name) || name.startsWith('access-control-')) {
    return { name: header.name, value: redactFreeText(header.value, policy) };
  }
  return { name: header.name, value: `‹redacted, ${header.value.length} chars›` };
}

function headerOf(headers: readonly Header[], name: string): string {
  return headers.find((h) => h.name.toLowerCase() === name)?.value ?? '';
}

function redactForm(body: string, policy: RedactionPolicy): string {
  const out = new URLSearchParams();
  for (const [name, value] of new URLSearchParams(body)) {
    if (SECRET_NAMES.test(name)) out.append(name, '‹removed›');
    else if (policy.includePersonal || KEPT_FORM_FIELDS.has(name)) {
      out.append(name, redactFreeText(value, policy));
    } else out.append(name, `‹redacted, ${value.length} chars›`);
  }
  return out.toString();
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  const start = text.trimStart()[0];
  if (start !== '{' && start !== '[') return { ok: false };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/** A body through the same rules as the report: JSON by allow-list, forms by field, tokens by hash. */
function redactBody(body: string, mimeType: string, policy: RedactionPolicy): string {
  if (policy.includeSecrets || body === '') return body;
  if (isTokenText(body)) return describeTokenMarker(policy.hashOf(body.trim()), body.length);
  const json = parseJson(body);
  if (json.ok) return JSON.stringify(redactJson(json.value, BODY_ALLOWED, policy, 'flat'));
  if (/x-www-form-urlencoded/i.test(mimeType)) return redactForm(body, policy);
  if (/^image\//i.test(mimeType) && !policy.includePersonal) return `‹image, ${body.length} chars›`;
  return policy.includePersonal
    ? redactFreeText(body, policy)
    : `‹redacted body, ${body.length} chars›`;
}

function toQuery(url: string, policy: RedactionPolicy): { name: string; value: string }[] {
  try {
    return [...new URL(url).searchParams].map(([name, value]) => ({
      name,
      value: policy.includePersonal
        ? redactFreeText(value, policy)
        : `‹redacted, ${value.length} chars›`,
    }));
  } catch {
    return [];
  }
}

function toEntry(exchange: CapturedExchange, policy: RedactionPolicy) {
  const requestType = exchange.requestMimeType ?? headerOf(exchange.requestHeaders, 'content-type');
  const responseType =
    exchange.responseMimeType ?? headerOf(exchange.responseHeaders, 'content-type');
  const redactHeaders = (headers: readonly Header[]) =>
    headers.flatMap((h) => redactHeader(h, policy) ?? []);
  const responseText = exchange.responseBody ?? '';
  return {
    startedDateTime: new Date(Number.isFinite(exchange.time) ? exchange.time : 0).toISOString(),
    time: 0,
    request: {
      method: exchange.method,
      url: redactUrl(exchange.url, policy),
      httpVersion: '',
      cookies: [],
      headers: redactHeaders(exchange.requestHeaders),
      queryString: toQuery(exchange.url, policy),
      headersSize: -1,
      bodySize: -1,
      ...(exchange.requestBody !== undefined && {
        postData: {
          mimeType: requestType,
          text: redactBody(exchange.requestBody, requestType, policy),
        },
      }),
    },
    response: {
      status: exchange.status,
      statusText: '',
      httpVersion: '',
      cookies: [],
      headers: redactHeaders(exchange.responseHeaders),
      content: {
        size: responseText.length,
        mimeType: responseType,
        text: redactBody(responseText, responseType, policy),
      },
      redirectURL: '',
      headersSize: -1,
      bodySize: -1,
    },
    cache: {},
    timings: { send: 0, wait: 0, receive: 0 },
    ...(exchange.bodyNote && { comment: redactFreeText(exchange.bodyNote, policy) }),
  };
}

/**
 * The scope's requests as a HAR 1.2 document: cookies, Authorization and client secrets removed,
 * other headers kept only when known to be harmless, bodies through the report's allow-list,
 * tokens named by hash (personal data and secrets only as the choice says). Linear in the input.
 */
export async function buildHarSubset(input: ExportInput, choice: ExportChoice) {
  const selection = selectExport(input);
  const policy = createPolicy(choice, await hashTokens(collectTokens(selection)));
  const pageTraffic = selection.entries.filter((e: LogEntry) => e.exchange.source !== 'replay');
  return {
    log: {
      version: '1.2',
      creator: { name: input.generator, version: '1' },
      comment: describeRedaction(policy),
      entries: pageTraffic.map((e) => toEntry(e.exchange, policy)),
    },
  };
}
