// Claim checks: exp/nbf/iat against an injectable clock with leeway (family rules come from the inspection profile).
import { formatDuration } from '../format/duration';
import { isRecord } from '../guards';
import { createFinding, type Finding } from './findings';

/** Inputs of the claim checks. */
export interface ClaimCheckOptions {
  /** Current time in Unix seconds. */
  now: number;
  /** Clock-skew leeway in seconds. */
  leeway: number;
}

/** Formats a NumericDate as ISO 8601 UTC, or the raw number when it is out of Date's range. */
export function formatNumericDate(value: number): string {
  const ms = value * 1000;
  if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) return String(value);
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

/** A claim value for a finding message: JSON, cut at 200 characters; `none` when absent. */
export function describeClaimValue(value: unknown): string {
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
        `"${name}" is not a NumericDate (whole seconds from 0 to ${MAX_NUMERIC_DATE}, the end of year 9999): ${describeClaimValue(value)}.`,
      ),
    );
    return undefined;
  }
  return value;
}

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

/**
 * Checks the registered time claims (exp, nbf, iat) and returns every failure (never only the
 * first). A payload that is not a JSON object has no claims: that is itself an error
 * (`claims-unchecked`). Family rules (issuer, audience, session binding) are the profile's.
 */
export function checkClaims(payload: unknown, options: ClaimCheckOptions): Finding[] {
  const findings: Finding[] = [];
  if (!isRecord(payload)) {
    findings.push(
      createFinding(
        'claims-unchecked',
        `The payload is ${describePayloadType(payload)}, not a JSON object, so no claim (exp, nbf, iat, iss, aud…) could be checked.`,
      ),
    );
  }
  checkTimeClaims(isRecord(payload) ? payload : {}, options.now, options.leeway, findings);
  return findings;
}
