// extractSessionEvidence: the small, capped facts about one exchange that the session view needs.
import type { CapturedExchange, Header } from '../capture/exchange';
import { isLoopbackHost } from '../permissions/origin-policy';
import { TOKEN_ENDPOINT_PATH, isUqudoApiPath } from '../uqudo/api-paths';
import { isUqudoHost } from '../uqudo/classify';

/** Longest URL, header value or id kept in evidence (UTF-16 code units). */
export const MAX_EVIDENCE_TEXT = 2048;
/** Token-endpoint answers larger than this are not parsed for their scope. */
const MAX_TOKEN_ANSWER_CHARS = 64 * 1024;
/** Token-request bodies larger than this are not parsed for client credentials. */
const MAX_TOKEN_REQUEST_CHARS = 64 * 1024;
const MAX_SCOPES = 64;
const MAX_SCOPE_LENGTH = 128;

/** What the session view keeps about one exchange (never a secret's value, never a body). */
export interface SessionEvidence {
  id: string;
  time: number;
  method: string;
  /** The URL, capped at MAX_EVIDENCE_TEXT. */
  url: string;
  /** Host name (lower case), '' when the URL does not parse. */
  host: string;
  /** Path of the URL, capped. */
  path: string;
  status: number;
  source: CapturedExchange['source'];
  /** Request header values, capped. */
  uqSessionId?: string;
  uqNonce?: string;
  uqUserId?: string;
  /** The request went to a Uqudo token endpoint (`/api/oauth/token`). */
  tokenRequest: boolean;
  /** The token request carried a client secret (form `client_secret` or HTTP Basic credentials). */
  clientSecretSent: boolean;
  /** `client_id` of the token request's form, capped. */
  requestedClientId?: string;
  /** Scopes of a token-endpoint JSON answer. */
  grantedScopes?: string[];
  /** A token-endpoint JSON answer carried an `access_token`. */
  accessTokenIssued: boolean;
  /** The request went to a Uqudo API (a Uqudo host, or Uqudo's API paths on any host such as the sandbox). */
  uqudoApi: boolean;
  /** Plain `http:` to a host that is not loopback. */
  plainHttpRemote: boolean;
  /** Something shaped like a JWS/JWE sits in the URL query. */
  tokenInQuery: boolean;
}

function cap(text: string): string {
  return text.length > MAX_EVIDENCE_TEXT ? text.slice(0, MAX_EVIDENCE_TEXT) : text;
}

function headerValue(headers: readonly Header[] | undefined, name: string): string | undefined {
  if (!Array.isArray(headers)) return undefined;
  for (const header of headers) {
    if (typeof header?.name === 'string' && header.name.toLowerCase() === name) {
      return typeof header.value === 'string' ? header.value : undefined;
    }
  }
  return undefined;
}

interface ParsedUrl {
  protocol: string;
  host: string;
  path: string;
  query: string;
}

function parseUrl(url: string): ParsedUrl | undefined {
  try {
    const parsed = new URL(url);
    return {
      protocol: parsed.protocol,
      host: parsed.hostname.toLowerCase(),
      path: parsed.pathname,
      query: parsed.search,
    };
  } catch {
    return undefined;
  }
}

/** Percent-decoding can hide a token's `eyJ` prefix; a malformed escape leaves the text as it is. */
function hasTokenInQuery(query: string): boolean {
  if (query === '') return false;
  const text = cap(query);
  let decoded = text;
  try {
    decoded = decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    // keep the raw text
  }
  return /eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*\./.test(decoded);
}

function readTokenRequest(exchange: CapturedExchange): {
  clientSecretSent: boolean;
  requestedClientId?: string;
} {
  const basic = /^\s*basic\s/i.test(headerValue(exchange.requestHeaders, 'authorization') ?? '');
  const body = exchange.requestBody;
  if (typeof body !== 'string' || body.length > MAX_TOKEN_REQUEST_CHARS) {
    return { clientSecretSent: basic };
  }
  let fields: Record<string, unknown> = {};
  const trimmed = body.trimStart();
  if (trimmed.startsWith('{')) {
    try {
      const parsed = JSON.parse(trimmed) as unknown;
      if (typeof parsed === 'object' && parsed !== null) fields = parsed as Record<string, unknown>;
    } catch {
      // not JSON after all: no fields
    }
  } else {
    fields = Object.fromEntries(new URLSearchParams(body));
  }
  const secret = fields.client_secret;
  const clientId = fields.client_id;
  return {
    clientSecretSent: basic || (typeof secret === 'string' && secret !== ''),
    ...(typeof clientId === 'string' && clientId !== '' && { requestedClientId: cap(clientId) }),
  };
}

function readTokenAnswer(exchange: CapturedExchange): {
  accessTokenIssued: boolean;
  grantedScopes?: string[];
} {
  const body = exchange.responseBody;
  if (typeof body !== 'string' || body.length > MAX_TOKEN_ANSWER_CHARS) {
    return { accessTokenIssued: false };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return { accessTokenIssued: false };
  }
  if (typeof parsed !== 'object' || parsed === null) return { accessTokenIssued: false };
  const answer = parsed as Record<string, unknown>;
  const scope = answer.scope;
  return {
    accessTokenIssued: typeof answer.access_token === 'string' && answer.access_token !== '',
    ...(typeof scope === 'string' && { grantedScopes: splitScopes(scope) }),
  };
}

/** Space-separated scopes, capped in number and length. */
export function splitScopes(scope: string): string[] {
  return scope
    .slice(0, MAX_SCOPES * MAX_SCOPE_LENGTH)
    .split(/\s+/)
    .filter((s) => s !== '')
    .slice(0, MAX_SCOPES)
    .map((s) => s.slice(0, MAX_SCOPE_LENGTH));
}

/**
 * The capped facts the session view needs from one exchange, computed once at capture time: where
 * it went, Uqudo's `UQ-*` headers, token-endpoint traffic (whether a client secret was sent — never
 * its value — and the scopes granted), plain-http transport and tokens in the URL. Work is at most
 * linear in the request/response body of token-endpoint exchanges and constant otherwise; never throws.
 */
export function extractSessionEvidence(exchange: CapturedExchange): SessionEvidence {
  const url = typeof exchange.url === 'string' ? exchange.url : '';
  const parsed = parseUrl(url);
  const path = cap(parsed?.path ?? '');
  const host = parsed?.host ?? '';
  const tokenRequest = path.endsWith(TOKEN_ENDPOINT_PATH);
  const evidence: SessionEvidence = {
    id: String(exchange.id),
    time: Number.isFinite(exchange.time) ? exchange.time : 0,
    method: cap(String(exchange.method ?? '')).toUpperCase(),
    url: cap(url),
    host,
    path,
    status: Number.isInteger(exchange.status) ? exchange.status : 0,
    source: exchange.source,
    tokenRequest,
    clientSecretSent: false,
    accessTokenIssued: false,
    uqudoApi: isUqudoHost(host) || isUqudoApiPath(path),
    // The one loopback rule (origin policy) wants URL.hostname's form: IPv6 in brackets.
    plainHttpRemote:
      parsed?.protocol === 'http:' &&
      !isLoopbackHost(host.includes(':') && !host.startsWith('[') ? `[${host}]` : host),
    tokenInQuery: hasTokenInQuery(parsed?.query ?? ''),
  };
  const uqSessionId = headerValue(exchange.requestHeaders, 'uq-session-id');
  const uqNonce = headerValue(exchange.requestHeaders, 'uq-nonce');
  const uqUserId = headerValue(exchange.requestHeaders, 'uq-user-id');
  if (uqSessionId !== undefined) evidence.uqSessionId = cap(uqSessionId);
  if (uqNonce !== undefined) evidence.uqNonce = cap(uqNonce);
  if (uqUserId !== undefined) evidence.uqUserId = cap(uqUserId);
  if (tokenRequest) Object.assign(evidence, readTokenRequest(exchange), readTokenAnswer(exchange));
  return evidence;
}
