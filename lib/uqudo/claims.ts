// Uqudo's claim rules: the jti shape of session ids and the integrator's expectations (iss, aud, jti, nonce, session id).
import { isRecord, isUuid } from '../guards';
import { describeClaimValue } from '../jose/claims';
import type { Finding, Severity } from '../jose/findings';
import type { TokenKind } from './classify';

/** Claims the integrator expects of an SDK result; each one given is checked, a mismatch is an error. */
export interface Expectations {
  iss?: string;
  aud?: string;
  jti?: string;
  nonce?: string;
  sessionId?: string;
}

/** The finding codes of Uqudo's claim rules and their fixed severities. */
const UQUDO_CLAIM_SEVERITIES = {
  'iss-mismatch': 'error',
  'aud-mismatch': 'error',
  'jti-mismatch': 'error',
  'nonce-mismatch': 'error',
  /** The expected session id differs from data.sessionId (face sessions) or jti. */
  'session-id-mismatch': 'error',
  'jti-not-uuid': 'warning',
} as const satisfies Record<string, Severity>;

type UqudoClaimCode = keyof typeof UQUDO_CLAIM_SEVERITIES;

function createClaimFinding(code: UqudoClaimCode, message: string): Finding {
  return { severity: UQUDO_CLAIM_SEVERITIES[code], code, message };
}

/** The expectations on registered claims (iss, aud, jti). */
function checkRegisteredClaims(
  claims: Record<string, unknown>,
  expected: Expectations,
  findings: Finding[],
): void {
  if (expected.iss !== undefined && claims.iss !== expected.iss) {
    findings.push(
      createClaimFinding(
        'iss-mismatch',
        `Expected iss ${describeClaimValue(expected.iss)}, the token has ${describeClaimValue(claims.iss)}.`,
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
        createClaimFinding(
          'aud-mismatch',
          `Expected aud ${describeClaimValue(expected.aud)}, the token has ${describeClaimValue(aud)}.`,
        ),
      );
    }
  }
  if (expected.jti !== undefined && claims.jti !== expected.jti) {
    findings.push(
      createClaimFinding(
        'jti-mismatch',
        `Expected jti (session id) ${describeClaimValue(expected.jti)}, the token has ${describeClaimValue(claims.jti)}.`,
      ),
    );
  }
}

/** The session binding: the nonce Uqudo echoes and the session id (data.sessionId or jti). */
function checkSessionBinding(
  claims: Record<string, unknown>,
  expected: Expectations,
  findings: Finding[],
): void {
  const data = isRecord(claims.data) ? claims.data : undefined;
  if (expected.nonce !== undefined) {
    // Uqudo echoes the integrator's nonce in data.nonce; plain OIDC tokens carry it at the top level.
    const nonce = data && 'nonce' in data ? data.nonce : claims.nonce;
    if (nonce !== expected.nonce) {
      findings.push(
        createClaimFinding(
          'nonce-mismatch',
          `Expected nonce ${describeClaimValue(expected.nonce)}, data.nonce is ${describeClaimValue(nonce)}.`,
        ),
      );
    }
  }
  if (expected.sessionId !== undefined) {
    // Face sessions bind the session through data.sessionId; other flows use jti.
    const faceSession = data !== undefined && typeof data.sessionId === 'string';
    const actual = faceSession ? data.sessionId : claims.jti;
    if (actual !== expected.sessionId) {
      findings.push(
        createClaimFinding(
          'session-id-mismatch',
          `Expected session id ${describeClaimValue(expected.sessionId)}, ${faceSession ? 'data.sessionId' : 'jti'} is ${describeClaimValue(actual)}.`,
        ),
      );
    }
  }
}

/**
 * Uqudo's claim findings for a payload of `kind`: a string jti that is not a UUID is a warning on
 * any token; the expectations are checked against SDK results only (an access token or another
 * JWT has its own iss, aud and jti, so the result's expectations would fail it for no reason). A
 * result whose payload is not a JSON object fails every expectation as a missing claim.
 */
export function checkUqudoClaims(
  payload: unknown,
  kind: TokenKind,
  expectations: Expectations = {},
): Finding[] {
  const findings: Finding[] = [];
  const claims = isRecord(payload) ? payload : {};
  if (typeof claims.jti === 'string' && !isUuid(claims.jti)) {
    findings.push(
      createClaimFinding(
        'jti-not-uuid',
        `jti ${describeClaimValue(claims.jti)} is not a UUID (Uqudo session ids are).`,
      ),
    );
  }
  if (kind !== 'uqudo-result') return findings;
  checkRegisteredClaims(claims, expectations, findings);
  checkSessionBinding(claims, expectations, findings);
  return findings;
}
