// Claim checks: exp/nbf/iat against an injectable clock with leeway, and the caller's expectations (iss, aud, jti, nonce, session id).
import { isJsonObject } from './decode';
import { createFinding, type Finding } from './findings';
import type { Expectations } from './inspect';

/** Inputs of the claim checks. */
export interface ClaimCheckOptions {
  /** Current time in Unix seconds. */
  now: number;
  /** Clock-skew leeway in seconds. */
  leeway: number;
  expectations?: Expectations;
}

const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/** True for a UUID in 8-4-4-4-12 hex form (the shape of Uqudo session ids). */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

const DURATION_UNITS: readonly (readonly [string, number])[] = [
  ['d', 86_400],
  ['h', 3_600],
  ['min', 60],
  ['s', 1],
];

/**
 * A duration in its two largest units, the second left out when zero; the sign is ignored and
 * part seconds are dropped: "45 s", "5 min 3 s", "1 h", "3 h 2 min", "2 d 5 h". Used by the claim
 * findings and the panel's relative times alike. "an unbounded time" when not finite.
 */
export function formatDuration(totalSeconds: number): string {
  if (!Number.isFinite(totalSeconds)) return 'an unbounded time';
  const seconds = Math.floor(Math.abs(totalSeconds));
  const largest = DURATION_UNITS.findIndex(([, size]) => seconds >= size);
  if (largest < 0) return '0 s';
  const [name, size] = DURATION_UNITS[largest]!;
  const text = `${Math.floor(seconds / size)} ${name}`;
  const next = DURATION_UNITS[largest + 1];
  // Only the adjacent smaller unit: "1 h 5 s" would read as a typo for "1 h 5 min".
  const rest = next ? Math.floor((seconds % size) / next[1]) : 0;
  return next && rest > 0 ? `${text} ${rest} ${next[0]}` : text;
}

/**
 * "in 12 min", "3 h 2 min ago" or "now" for a time `target` seen from `now` (both Unix seconds),
 * in {@link formatDuration}'s words. The panel and the CLI say relative times with this.
 */
export function describeRelativeTime(target: number, now: number): string {
  const diff = target - now;
  if (Math.abs(diff) < 1) return 'now';
  const text = formatDuration(diff);
  return diff > 0 ? `in ${text}` : `${text} ago`;
}

/** "expires in 12 min", "expired 3 min ago" or "expired just now" for an `exp` seen from `now` (Unix seconds). */
export function describeExpiryTime(exp: number, now: number): string {
  const diff = exp - now;
  if (diff > 0) return `expires in ${formatDuration(diff)}`;
  if (diff > -1) return 'expired just now';
  return `expired ${formatDuration(diff)} ago`;
}

/** Formats a NumericDate as ISO 8601 UTC, or the raw number when it is out of Date's range. */
export function formatNumericDate(value: number): string {
  const ms = value * 1000;
  if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) return String(value);
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'none';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

function describePayloadType(payload: unknown): string {
  if (Array.isArray(payload)) return 'a JSON array';
  if (payload === null) return 'JSON null';
  if (typeof payload === 'string') return payload === '' ? 'empty' : 'text (or a JSON string)';
  return `a JSON ${typeof payload}`;
}

function leewayNote(leeway: number): string {
  return leeway > 0 ? `, leeway ${leeway} s` : '';
}

/** Largest NumericDate accepted: 9999-12-31T23:59:59Z, the last second of a four-digit year. */
export const MAX_NUMERIC_DATE = 253_402_300_799;

/** True for an integer NumericDate from 1970 to the end of year 9999 (what the claim checks accept). */
export function isNumericDate(value: unknown): value is number {
  return (
    Number.isSafeInteger(value) && (value as number) >= 0 && (value as number) <= MAX_NUMERIC_DATE
  );
}

/** Reads a time claim; returns a finding when present but not an integer NumericDate in range. */
function readTime(
  payload: Record<string, unknown>,
  name: string,
  findings: Finding[],
): number | undefined {
  const value = payload[name];
  if (value === undefined) return undefined;
  if (!isNumericDate(value)) {
    findings.push(
      createFinding(
        'claim-invalid',
        `"${name}" is not a NumericDate (whole seconds from 0 to ${MAX_NUMERIC_DATE}, the end of year 9999): ${describeValue(value)}.`,
      ),
    );
    return undefined;
  }
  return value;
}

/** The Uqudo `data` object of a payload, if any. */
function dataOf(payload: Record<string, unknown>): Record<string, unknown> | undefined {
  return isJsonObject(payload.data) ? payload.data : undefined;
}

/**
 * Checks registered time claims and the caller's expectations; returns every failure (never only
 * the first). A payload that is not a JSON object has no claims: that is itself an error
 * (`claims-unchecked`), and the expectations fail against it.
 */
/** exp, nbf and iat against the clock with leeway; each present claim must be a NumericDate. */
function checkTimeClaims(
  claims: Record<string, unknown>,
  now: number,
  leeway: number,
  findings: Finding[],
): void {
  const exp = readTime(claims, 'exp', findings);
  if (exp !== undefined && now - leeway >= exp) {
    findings.push(
      createFinding(
        'expired',
        `Expired ${formatDuration(now - exp)} ago (exp ${formatNumericDate(exp)}${leewayNote(leeway)}).`,
      ),
    );
  }
  const nbf = readTime(claims, 'nbf', findings);
  if (nbf !== undefined && now + leeway < nbf) {
    findings.push(
      createFinding(
        'not-yet-valid',
        `Not valid for another ${formatDuration(nbf - now)} (nbf ${formatNumericDate(nbf)}${leewayNote(leeway)}).`,
      ),
    );
  }
  const iat = readTime(claims, 'iat', findings);
  if (iat !== undefined && iat > now + leeway) {
    findings.push(
      createFinding(
        'issued-in-future',
        `Issued ${formatDuration(iat - now)} in the future (iat ${formatNumericDate(iat)}${leewayNote(leeway)}); check the clocks.`,
      ),
    );
  }
}

/** The caller's expectations (iss, aud, jti, nonce, session id); each one given must match. */
function checkExpectations(
  claims: Record<string, unknown>,
  expected: Expectations,
  findings: Finding[],
): void {
  const jti = claims.jti;
  const data = dataOf(claims);
  if (expected.iss !== undefined && claims.iss !== expected.iss) {
    findings.push(
      createFinding(
        'iss-mismatch',
        `Expected iss ${describeValue(expected.iss)}, the token has ${describeValue(claims.iss)}.`,
      ),
    );
  }
  if (expected.aud !== undefined) {
    const aud = claims.aud;
    const matches =
      typeof aud === 'string'
        ? aud === expected.aud
        : Array.isArray(aud) && aud.includes(expected.aud);
    if (!matches) {
      findings.push(
        createFinding(
          'aud-mismatch',
          `Expected aud ${describeValue(expected.aud)}, the token has ${describeValue(aud)}.`,
        ),
      );
    }
  }
  if (expected.jti !== undefined && jti !== expected.jti) {
    findings.push(
      createFinding(
        'jti-mismatch',
        `Expected jti (session id) ${describeValue(expected.jti)}, the token has ${describeValue(jti)}.`,
      ),
    );
  }
  if (expected.nonce !== undefined) {
    // Uqudo echoes the integrator's nonce in data.nonce; plain OIDC tokens carry it at the top level.
    const nonce = data && 'nonce' in data ? data.nonce : claims.nonce;
    if (nonce !== expected.nonce) {
      findings.push(
        createFinding(
          'nonce-mismatch',
          `Expected nonce ${describeValue(expected.nonce)}, data.nonce is ${describeValue(nonce)}.`,
        ),
      );
    }
  }
  if (expected.sessionId !== undefined) {
    // Face sessions bind the session through data.sessionId; other flows use jti.
    const faceSession = data !== undefined && typeof data.sessionId === 'string';
    const actual = faceSession ? data.sessionId : jti;
    if (actual !== expected.sessionId) {
      findings.push(
        createFinding(
          'session-id-mismatch',
          `Expected session id ${describeValue(expected.sessionId)}, ${faceSession ? 'data.sessionId' : 'jti'} is ${describeValue(actual)}.`,
        ),
      );
    }
  }
}

export function checkClaims(payload: unknown, options: ClaimCheckOptions): Finding[] {
  const findings: Finding[] = [];
  if (!isJsonObject(payload)) {
    findings.push(
      createFinding(
        'claims-unchecked',
        `The payload is ${describePayloadType(payload)}, not a JSON object, so no claim (exp, nbf, iat, iss, aud…) could be checked.`,
      ),
    );
  }
  const claims = isJsonObject(payload) ? payload : {};
  checkTimeClaims(claims, options.now, options.leeway, findings);
  const jti = claims.jti;
  if (typeof jti === 'string' && !isUuid(jti)) {
    findings.push(
      createFinding(
        'jti-not-uuid',
        `jti ${describeValue(jti)} is not a UUID (Uqudo session ids are).`,
      ),
    );
  }

  checkExpectations(claims, options.expectations ?? {}, findings);
  return findings;
}
