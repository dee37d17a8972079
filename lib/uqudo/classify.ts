// Classifying a decoded token: Uqudo SDK result, Uqudo access token, another JWT, or unknown.
import { isRecord } from '../guards';
import type { GenericKind, Inspection } from '../jose/inspect';
import { isUqudoApiPath } from './api-paths';

/** What a token is, judged from its payload and where it was seen. */
export type TokenKind = 'uqudo-result' | 'uqudo-access-token' | GenericKind;

const TOKEN_KINDS = [
  'uqudo-result',
  'uqudo-access-token',
  'jwt',
  'unknown',
] as const satisfies readonly TokenKind[];

/** Where the token was seen, when known. */
export interface ClassifyContext {
  /** `bearer`: sent in an Authorization header; `token-endpoint`: returned by an OAuth token endpoint. */
  seenAs?: 'bearer' | 'token-endpoint';
  /** The URL of the request where it was seen. */
  url?: string;
}

/** Keys that appear in the `data` object of Uqudo SDK results (a face session's: face, sessionId, nonce). */
const UQUDO_DATA_KEYS = [
  'documents',
  'verifications',
  'face',
  'sessionId',
  'source',
  'nonce',
  'backgroundCheck',
  'deviceAttestation',
] as const;

const KYC_SCOPE = /(^|[\s,])KYC_[A-Z0-9_]+/;

/** True for `uqudo.io` and any subdomain of it (id.uqudo.io, auth.dev.uqudo.io…). */
export function isUqudoHost(hostname: string): boolean {
  if (typeof hostname !== 'string') return false;
  const host = hostname.trim().toLowerCase().replace(/\.$/, '');
  return host === 'uqudo.io' || host.endsWith('.uqudo.io');
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname;
  } catch {
    return undefined;
  }
}

/**
 * The Uqudo kind of an inspection (the nested JWS's for a decrypted JWE); `unknown` for a kind
 * Uqudo's profile does not name (an inspection made without it).
 */
export function readTokenKind(inspection: Inspection): TokenKind {
  return toTokenKind(inspection.inner?.kind ?? inspection.kind);
}

/** A kind name as a TokenKind; `unknown` for one Uqudo's profile does not produce. */
export function toTokenKind(kind: string): TokenKind {
  return (TOKEN_KINDS as readonly string[]).includes(kind) ? (kind as TokenKind) : 'unknown';
}

function pathOf(url: string): string | undefined {
  try {
    return new URL(url).pathname;
  } catch {
    return undefined;
  }
}

/** True when the payload's `data` object has the shape of a Uqudo SDK result. */
function hasUqudoData(payload: Record<string, unknown>): boolean {
  const data = payload.data;
  if (!isRecord(data)) return false;
  if (Array.isArray(data.documents) || Array.isArray(data.verifications)) return true;
  return UQUDO_DATA_KEYS.some((key) => key in data && data[key] !== undefined);
}

/** True when `scope` or `authorities` carry Uqudo's KYC_* permissions. */
function hasKycScope(payload: Record<string, unknown>): boolean {
  const values: unknown[] = [];
  for (const name of ['scope', 'scp', 'authorities']) {
    const value = payload[name];
    if (Array.isArray(value)) values.push(...value);
    else values.push(value);
  }
  return values.some((value) => typeof value === 'string' && KYC_SCOPE.test(value));
}

/** True when the request went to a Uqudo API: a Uqudo host, or the Info/SDK API paths (sandbox too). */
function isUqudoApiUrl(url: string): boolean {
  const host = hostOf(url);
  if (host !== undefined && isUqudoHost(host)) return true;
  const path = pathOf(url);
  return path !== undefined && isUqudoApiPath(path);
}

/**
 * Classifies a decoded payload. `uqudo-result`: a `data` object shaped like Uqudo's, or `iss` on a
 * Uqudo host; `uqudo-access-token`: returned by a token endpoint, sent as a Bearer to a Uqudo API,
 * or carrying KYC_* scopes (or issued by a Uqudo `auth.` host); `jwt`: any other JSON object
 * payload; `unknown` otherwise. Never throws.
 */
export function classifyToken(payload: unknown, context: ClassifyContext = {}): TokenKind {
  if (context.seenAs === 'token-endpoint') return 'uqudo-access-token';
  const claims = isRecord(payload) ? payload : undefined;
  if (claims && hasUqudoData(claims)) return 'uqudo-result';
  if (claims && hasKycScope(claims)) return 'uqudo-access-token';
  if (
    context.seenAs === 'bearer' &&
    typeof context.url === 'string' &&
    isUqudoApiUrl(context.url)
  ) {
    return 'uqudo-access-token';
  }
  if (claims && typeof claims.iss === 'string') {
    const issuerHost = hostOf(claims.iss) ?? claims.iss;
    if (isUqudoHost(issuerHost)) {
      // Uqudo's authorisation server (auth.uqudo.io) issues access tokens, not results.
      const host = issuerHost.toLowerCase();
      return host.startsWith('auth.') || 'client_id' in claims
        ? 'uqudo-access-token'
        : 'uqudo-result';
    }
  }
  return claims ? 'jwt' : 'unknown';
}
