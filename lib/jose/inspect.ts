// inspectToken: find, decode, verify, decrypt and check one compact JWS/JWE → one Inspection (never throws).
import { malformedResult } from './checks';
import { decodeHeaderSegment } from './decode';
import { MAX_TOKEN_LENGTH, normalizeTokenInput } from './find';
import { createFinding } from './findings';
import type { GenericKind, InspectOptions, Inspection, Verdict } from './inspection';
import { inspectJws } from './jws';
import { SEGMENT_NAMES, countDots, findInvalidCharacter, stripPadding } from './segments';

// The shapes live in ./inspection (so jws, jwe and signature need not import this file back).
export type {
  GenericKind,
  InspectOptions,
  Inspection,
  InspectionProfile,
  SignatureStatus,
  Verdict,
} from './inspection';

/**
 * Three segments of base64url characters (no padding) between two dots: the common shape, tested
 * in one native pass (no backtracking: the dots are outside the class). Such a token has no
 * character to report, and inspectJws may skip its own alphabet checks.
 */
const CLEAN_JWS = /^[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*$/;

/** Why a segment is outside base64url, or undefined when none is. */
function findInvalidSegment(
  segments: readonly string[],
  names: readonly string[],
): string | undefined {
  for (let index = 0; index < segments.length; index++) {
    const invalid = findInvalidCharacter(segments[index] as string);
    if (invalid) return `The ${names[index] ?? 'segment'} contains ${invalid}, outside base64url.`;
  }
  return undefined;
}

/** Inspects a normalized, size-checked token of `dots` + 1 segments. */
function inspectSegments(
  token: string,
  dots: number,
  options: InspectOptions,
  depth: number,
): Promise<Inspection> | Inspection {
  const format = dots === 2 ? 'jws' : 'jwe';
  const segments = token.split('.');
  const clean = format === 'jws' && CLEAN_JWS.test(token);
  const invalid = clean ? undefined : findInvalidSegment(segments, SEGMENT_NAMES[format]);
  if (invalid) return malformedResult(invalid);
  const decoded = decodeHeaderSegment(
    clean ? (segments[0] as string) : stripPadding(segments[0] ?? ''),
  );
  if (!decoded.ok) return malformedResult(`Cannot read the header: ${decoded.reason}.`);
  return format === 'jws'
    ? inspectJws(token, segments, decoded.header, options, clean)
    : inspectEncrypted(token, segments, decoded.header, options, depth);
}

async function inspectEncrypted(
  token: string,
  segments: string[],
  header: Record<string, unknown>,
  options: InspectOptions,
  depth: number,
): Promise<Inspection> {
  // JWE decryption (and jose's key-management code) loads on the first encrypted token only.
  const { inspectJwe } = await import('./jwe');
  return inspectJwe(token, segments, header, options, depth, inspectAt);
}

/** Inspects any text as a token (no promise turn of its own on the way to a JWS's signature check). */
function inspectAt(
  raw: string,
  options: InspectOptions,
  depth: number,
): Promise<Inspection> | Inspection {
  const token = typeof raw === 'string' ? normalizeTokenInput(raw) : '';
  if (token === '') return malformedResult('The token is empty.');
  if (token.length > MAX_TOKEN_LENGTH) {
    return malformedResult(
      `The token is ${(token.length / 1048576).toFixed(1)} MB, over the ${MAX_TOKEN_LENGTH / 1048576} MB limit.`,
    );
  }
  const dots = countDots(token);
  if (dots !== 2 && dots !== 4) {
    return malformedResult(
      `Expected 3 segments (JWS) or 5 (JWE) separated by dots, found ${dots + 1}.`,
    );
  }
  return inspectSegments(token, dots, options, depth);
}

/**
 * Inspects one compact JWS or JWE: decodes it, checks the header policy, verifies the signature
 * with the configured keys only, decrypts a JWE (inspecting a nested JWS as `inner`), checks the
 * claims and names the token with the options' profile. Never throws: every problem becomes a
 * finding.
 */
export async function inspectToken<K extends string = GenericKind>(
  token: string,
  options: InspectOptions<K> = {},
): Promise<Inspection<K | 'unknown'>> {
  try {
    // The profile is the only source of kinds besides 'unknown' (malformed and failed inspections).
    return (await inspectAt(token, options as InspectOptions, 0)) as Inspection<K | 'unknown'>;
  } catch (error) {
    return describeInspectionFailure(error);
  }
}

/** The Inspection for an inspection that threw (a safety net: inspectToken itself never should). */
export function describeInspectionFailure(error: unknown): Inspection<'unknown'> {
  return {
    format: 'invalid',
    header: null,
    payload: null,
    signature: 'unverified',
    kind: 'unknown',
    findings: [
      createFinding(
        'internal-error',
        `Inspection stopped unexpectedly: ${error instanceof Error ? error.message : String(error)}`,
      ),
    ],
  };
}

function hasError(inspection: Inspection): boolean {
  for (let current: Inspection | undefined = inspection; current; current = current.inner) {
    if (current.findings.some((f) => f.severity === 'error')) return true;
  }
  return false;
}

/** The innermost inspection: the nested JWS of a decrypted JWE, else the inspection itself. */
export function findInnermost<I extends Inspection>(inspection: I): I {
  let current: Inspection = inspection;
  while (current.inner) current = current.inner;
  // `inner` has the outer inspection's type (Inspection<K> nests Inspection<K>).
  return current as I;
}

/**
 * One-word judgement: `malformed` when not a token, `encrypted` when a JWE was not decrypted,
 * `invalid` when there is any error finding (here or in the inner token), else the (innermost)
 * signature status.
 */
export function verdictOf(inspection: Inspection): Verdict {
  if (inspection.format === 'invalid') return 'malformed';
  if (inspection.format === 'jwe' && inspection.findings.some((f) => f.code === 'encrypted'))
    return 'encrypted';
  if (hasError(inspection)) return 'invalid';
  return findInnermost(inspection).signature;
}
