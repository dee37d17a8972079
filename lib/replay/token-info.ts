// What an access token says about itself (expiry, scopes, issuer) and OAuth token-response parsing. Pure.
import { isRecord } from '../guards';
import type { Inspection } from '../jose/inspect';
import { readTokenKind, type TokenKind } from '../uqudo/classify';
import { readNumericDateMs } from '../numeric-date';
import { REPLAY_TEXT } from './replay-text';

/** What decoding the access token told us. Nothing here is trusted: it only drives hints. */
export interface TokenInfo {
  state: 'checking' | 'ready';
  format?: 'jws' | 'jwe' | 'invalid';
  kind?: TokenKind;
  /** `exp` in milliseconds since the epoch, when the token carries one. */
  expiresAt?: number;
  /** `iat` in milliseconds since the epoch, when the token carries one. */
  issuedAt?: number;
  /** From `scope` (space-separated), `scp` or `authorities`, when present. */
  scopes: string[];
  issuer?: string;
  /** A remark worth showing (not a JWT, looks like an SDK result, no expiry…). */
  note?: string;
}

/** Tokens longer than this are not access tokens. */
export const MAX_TOKEN_CHARS = 64 * 1024;

/** Reads scopes from the usual claims: `scope` (space-separated), `scp` and `authorities`. */
export function readScopes(payload: unknown): string[] {
  if (!isRecord(payload)) return [];
  const scopes: string[] = [];
  const add = (value: unknown) => {
    if (typeof value === 'string') scopes.push(...value.split(/\s+/).filter(Boolean));
    else if (Array.isArray(value)) for (const item of value) add(item);
  };
  add(payload.scope);
  add(payload.scp);
  add(payload.authorities);
  return [...new Set(scopes)].slice(0, 100).map((scope) => scope.slice(0, 200));
}

/** True when the token's `exp` has passed at `now` (milliseconds). Unknown expiry is not expired. */
export function isTokenExpired(info: TokenInfo | undefined, now: number): boolean {
  return info?.expiresAt !== undefined && info.expiresAt <= now;
}

/** True when the token names scopes but not KYC_INFO_SDK (the Info API will answer 403). */
export function lacksInfoScope(info: TokenInfo): boolean {
  return info.scopes.length > 0 && !info.scopes.includes('KYC_INFO_SDK');
}

/** What an access token's inspection tells the user (expiry, scopes, issuer, a note). */
export function describeToken(inspection: Inspection): TokenInfo {
  const source = inspection.inner ?? inspection;
  const payload = source.payload;
  const info: TokenInfo = {
    state: 'ready',
    format: inspection.format,
    kind: readTokenKind(inspection),
    scopes: readScopes(payload),
  };
  if (inspection.format === 'invalid') {
    info.note = REPLAY_TEXT.noteNotJwt;
    return info;
  }
  if (!isRecord(payload)) {
    info.note = REPLAY_TEXT.noteNoClaims;
    return info;
  }
  const exp = readNumericDateMs(payload.exp);
  const iat = readNumericDateMs(payload.iat);
  if (exp !== undefined) info.expiresAt = exp;
  if (iat !== undefined) info.issuedAt = iat;
  if (typeof payload.iss === 'string') info.issuer = payload.iss.slice(0, 200);
  if (source.kind === 'uqudo-result') {
    info.note = REPLAY_TEXT.noteSdkResult;
  } else if (exp === undefined) {
    info.note = REPLAY_TEXT.noteNoExp;
  }
  return info;
}

/** The `access_token` of a token endpoint's JSON answer, when it holds a plausible one. */
export function readAccessToken(body: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(body);
    if (!isRecord(parsed) || typeof parsed.access_token !== 'string') return undefined;
    const token = parsed.access_token.trim();
    return token === '' || token.length > MAX_TOKEN_CHARS ? undefined : token;
  } catch {
    return undefined;
  }
}

/** The token response as shown in the list: the access token itself stays in the (masked) field. */
export function redactAccessToken(body: string): string {
  try {
    const parsed: unknown = JSON.parse(body);
    if (!isRecord(parsed) || typeof parsed.access_token !== 'string') return body;
    return JSON.stringify({ ...parsed, access_token: REPLAY_TEXT.redactedAccessToken }, null, 2);
  } catch {
    return body;
  }
}

/** A form-encoded token request body with the client secret emptied (for the kept copy). */
export function removeClientSecret(body: string): string {
  const params = new URLSearchParams(body);
  if (params.has('client_secret')) params.set('client_secret', '');
  return params.toString();
}
