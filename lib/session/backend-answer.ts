// Issue 13 §1, passive: compare each result posted to the backend with the backend's answer.
import { verdictOf, type Inspection } from '../jose/inspect';
import { isExpiredWhenPosted } from './checks';
import type { ResultClaims } from './claims';
import { createSessionFinding, type SessionFinding } from './findings';
import type { ResultCopy, SessionState } from './state';

function errorCodes(inspection: Inspection): string[] {
  const codes: string[] = [];
  for (let current: Inspection | undefined = inspection; current; current = current.inner) {
    for (const finding of current.findings) {
      if (finding.severity === 'error' && !codes.includes(finding.code)) codes.push(finding.code);
    }
  }
  return codes;
}

/** Why a posted copy should have been refused; empty when nothing is known against it. */
function listInvalidReasons(
  copy: ResultCopy,
  state: SessionState,
  claims: ResultClaims,
  earlierPost: ResultCopy | undefined,
): string[] {
  const reasons: string[] = [];
  if (copy.inspection) {
    const verdict = verdictOf(copy.inspection);
    if (verdict === 'malformed') reasons.push('malformed');
    else if (verdict === 'invalid') reasons.push(...errorCodes(copy.inspection));
  }
  if (isExpiredWhenPosted(copy, claims) && !reasons.includes('expired')) reasons.push('expired');
  if (state.sent.some((s) => s.uqNonce !== undefined && s.uqNonce !== claims.nonce)) {
    reasons.push('wrong nonce');
  }
  if (earlierPost) reasons.push(`replayed (already posted in request ${earlierPost.evidence.id})`);
  return reasons;
}

function isSuccess(status: number): boolean {
  return status >= 200 && status < 300;
}

/**
 * For every posted copy: an invalid, expired, wrong-nonce or replayed result answered 2xx is
 * `backend-accepted-invalid`; a valid one (signature verified, nothing against it) answered 4xx/5xx
 * (and carrying a nonce) is `backend-rejected-valid`. Unknown statuses (0) and unverified results say nothing.
 */
export function checkBackendAnswers(state: SessionState, claims: ResultClaims): SessionFinding[] {
  const findings: SessionFinding[] = [];
  let first: ResultCopy | undefined;
  for (const copy of state.posted) {
    const earlier = first && first.evidence.id !== copy.evidence.id ? first : undefined;
    first ??= copy;
    const status = copy.evidence.status;
    if (status === 0) continue;
    const reasons = listInvalidReasons(copy, state, claims, earlier);
    const request = `${copy.evidence.method} ${copy.evidence.path}`;
    if (reasons.length > 0 && isSuccess(status)) {
      findings.push(
        createSessionFinding(
          'backend-accepted-invalid',
          `The backend answered ${status} to ${request} although the result is invalid: ${reasons.join(', ')}.`,
        ),
      );
    } else if (
      reasons.length === 0 &&
      // Without a nonce the backend cannot bind the result to its session: refusing it is fair.
      claims.nonce !== undefined &&
      status >= 400 &&
      copy.inspection &&
      verdictOf(copy.inspection) === 'valid'
    ) {
      findings.push(
        createSessionFinding(
          'backend-rejected-valid',
          `The backend answered ${status} to ${request} although the result is valid.`,
        ),
      );
    }
  }
  return findings;
}
