// Shared pieces of an inspection: malformed results, payload reading, crit handling, naming and claim checks (JWS and JWE alike).
import { checkClaims } from './claims';
import { isRecord } from '../guards';
import { decodeUtf8 } from './decode';
import { createFinding, type Finding } from './findings';
import type { GenericKind, InspectOptions, Inspection } from './inspection';

/** An Inspection for text that is not a well-formed token: one `malformed` finding. */
export function malformedResult(
  message: string,
  header: Record<string, unknown> | null = null,
): Inspection {
  return {
    format: 'invalid',
    header,
    payload: null,
    signature: 'unverified',
    kind: 'unknown',
    findings: [createFinding('malformed', message)],
  };
}

/** Turns payload bytes into a JSON value when they parse, else text; reports UTF-8 and JSON problems. */
export function readPayload(bytes: Uint8Array, findings: Finding[]): unknown {
  const utf8 = decodeUtf8(bytes);
  if (!utf8.valid) {
    findings.push(
      createFinding(
        'invalid-utf8',
        'The payload is not valid UTF-8; undecodable bytes are shown as U+FFFD.',
      ),
    );
  }
  if (utf8.text.length === 0) {
    findings.push(createFinding('payload-not-json', 'The payload is empty.'));
    return '';
  }
  try {
    return JSON.parse(utf8.text) as unknown;
  } catch {
    findings.push(
      createFinding('payload-not-json', 'The payload is not JSON; it is shown as text.'),
    );
    return utf8.text;
  }
}

/** Quotes header names from the token for a message, bounded: they are untrusted input. */
function quoteNames(names: readonly string[]): string {
  const shown = names
    .slice(0, 5)
    .map((n) => JSON.stringify(n.length > 40 ? `${n.slice(0, 40)}…` : n));
  return names.length > 5 ? `${shown.join(', ')} and ${names.length - 5} more` : shown.join(', ');
}

/** Reports `crit` problems; returns the names to let jose accept so the signature can still be checked. */
export function checkCrit(
  header: Record<string, unknown>,
  understood: readonly string[],
  findings: Finding[],
): Record<string, boolean> | undefined {
  const crit = header.crit;
  if (crit === undefined) return undefined;
  if (
    !Array.isArray(crit) ||
    crit.length === 0 ||
    crit.some((c) => typeof c !== 'string' || c === '')
  ) {
    findings.push(
      createFinding(
        'crit-unsupported',
        '"crit" must be a non-empty array of header parameter names.',
      ),
    );
    return undefined;
  }
  const names = crit as string[];
  const unknown = names.filter((name) => !understood.includes(name));
  if (unknown.length > 0) {
    findings.push(
      createFinding(
        'crit-unsupported',
        `Critical header extension${unknown.length === 1 ? '' : 's'} ${quoteNames(unknown)} not understood; a compliant verifier must reject this token.`,
      ),
    );
  }
  const missing = names.filter((name) => !Object.hasOwn(header, name));
  if (missing.length > 0) {
    findings.push(
      createFinding('malformed', `"crit" names ${quoteNames(missing)}, absent from the header.`),
    );
  }
  return unknown.length > 0 ? Object.fromEntries(unknown.map((name) => [name, true])) : undefined;
}

/** The generic kind: `jwt` for a JSON-object payload, `unknown` for anything else. */
function classifyGeneric(payload: unknown): GenericKind {
  return isRecord(payload) ? 'jwt' : 'unknown';
}

/** Names a payload with the options' profile (the generic kinds without one). */
export function classifyPayload(payload: unknown, options: InspectOptions): string {
  return options.profile ? options.profile.classify(payload) : classifyGeneric(payload);
}

/**
 * The claim findings of a payload: the time claims with the options' clock (default now) and
 * leeway, then the profile's own rules for the payload's kind.
 */
export function claimFindings(payload: unknown, kind: string, options: InspectOptions): Finding[] {
  const now =
    typeof options.now === 'number' && Number.isFinite(options.now)
      ? options.now
      : Date.now() / 1000;
  const leeway =
    typeof options.leeway === 'number' && Number.isFinite(options.leeway)
      ? Math.max(0, options.leeway)
      : 0;
  const findings = checkClaims(payload, { now, leeway });
  if (options.profile?.checkClaims) findings.push(...options.profile.checkClaims(payload, kind));
  return findings;
}
