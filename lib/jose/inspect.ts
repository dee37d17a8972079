// inspectToken: find, decode, verify, decrypt and check one compact JWS/JWE → one Inspection (never throws).
import { malformedResult } from './checks';
import { decodeHeaderSegment, isJsonObject } from './decode';
import { MAX_TOKEN_LENGTH, normalizeTokenInput } from './find';
import { createFinding, type Finding } from './findings';
import { inspectJws } from './jws';
import type { DecryptionKey, KeyResolver } from './keys';
import { SEGMENT_NAMES, countDots, findInvalidCharacter, stripPadding } from './segments';

/** Compact serialization the token was recognised as. */
type TokenFormat = 'jws' | 'jwe' | 'invalid';
/** Outcome of the signature check. */
export type SignatureStatus = 'valid' | 'invalid' | 'unverified' | 'unsupported';
/** What the token is, judged from its payload and context. */
export type TokenKind = 'uqudo-result' | 'uqudo-access-token' | 'jwt' | 'unknown';

/** Claims the caller expects; each one given is checked and a mismatch is an error finding. */
export interface Expectations {
  iss?: string;
  aud?: string;
  jti?: string;
  nonce?: string;
  sessionId?: string;
}

/** Everything known about one token after inspection. Same shape as the CLI's --json output. */
export interface Inspection {
  format: TokenFormat;
  header: Record<string, unknown> | null;
  payload: unknown;
  signature: SignatureStatus;
  kind: TokenKind;
  inner?: Inspection;
  findings: Finding[];
}

export interface InspectOptions {
  /** Where verification keys come from (static keys or a JWKS URL loader). Absent → `unverified`. */
  keys?: KeyResolver;
  /** Private key for JWE decryption. */
  decryptionKey?: DecryptionKey;
  expectations?: Expectations;
  /** Current time in Unix seconds (default: Date.now()/1000). */
  now?: number;
  /** Clock-skew leeway in seconds for exp/nbf/iat (default 0). */
  leeway?: number;
  /** JWS algorithms accepted (default: asymmetric RS/PS/ES/EdDSA). */
  allowedAlgs?: readonly string[];
  /** Shared secret for HMAC (HS*) tokens; without it HS* is `unsupported`. */
  hmacSecret?: Uint8Array;
  /** Context: the token was seen as a Bearer credential or in a token-endpoint response. */
  seenAs?: 'bearer' | 'token-endpoint';
  /** Context: the URL where the token was seen (helps classify Uqudo hosts). */
  url?: string;
}

/** Overall judgement of an inspection, for badges and exit codes. */
export type Verdict =
  'valid' | 'invalid' | 'unverified' | 'unsupported' | 'malformed' | 'encrypted';

async function inspectAt(raw: string, options: InspectOptions, depth: number): Promise<Inspection> {
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
  const format = dots === 2 ? 'jws' : 'jwe';
  const segments = token.split('.');
  const names = SEGMENT_NAMES[format];
  for (const [index, segment] of segments.entries()) {
    const invalid = findInvalidCharacter(segment);
    if (invalid)
      return malformedResult(
        `The ${names[index] ?? 'segment'} contains ${invalid}, outside base64url.`,
      );
  }
  const decoded = decodeHeaderSegment(stripPadding(segments[0] ?? ''));
  if (!decoded.ok) return malformedResult(`Cannot read the header: ${decoded.reason}.`);
  return format === 'jws'
    ? inspectJws(token, segments, decoded.header, options)
    : // JWE decryption (and jose's key-management code) loads on the first encrypted token only.
      (await import('./jwe')).inspectJwe(
        token,
        segments,
        decoded.header,
        options,
        depth,
        inspectAt,
      );
}

/**
 * Inspects one compact JWS or JWE: decodes it, checks the header policy, verifies the signature
 * with the configured keys only, decrypts a JWE (inspecting a nested JWS as `inner`), checks the
 * claims and classifies the token. Never throws: every problem becomes a finding.
 */
export async function inspectToken(
  token: string,
  options: InspectOptions = {},
): Promise<Inspection> {
  try {
    return await inspectAt(token, options, 0);
  } catch (error) {
    return describeInspectionFailure(error);
  }
}

/** The Inspection for an inspection that threw (a safety net: inspectToken itself never should). */
export function describeInspectionFailure(error: unknown): Inspection {
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

function innermost(inspection: Inspection): Inspection {
  let current = inspection;
  while (current.inner) current = current.inner;
  return current;
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
  return innermost(inspection).signature;
}

/** The Uqudo session id: `data.sessionId` for face sessions, else `jti` (looking into a nested JWS). */
export function sessionIdOf(inspection: Inspection): string | undefined {
  const payload = innermost(inspection).payload;
  if (!isJsonObject(payload)) return undefined;
  const data = payload.data;
  if (isJsonObject(data) && typeof data.sessionId === 'string') return data.sessionId;
  return typeof payload.jti === 'string' ? payload.jti : undefined;
}
