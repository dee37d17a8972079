// Cross-request and integration checks of one session: nonce, session id, altered copies, client, transport, scopes.
import type { ResultClaims } from './claims';
import { createSessionFinding, type SessionFinding } from './findings';
import type { ResultCopy, SessionState } from './state';

/** Whether the access token was issued to the result's `aud`; `cannot-tell` when either is unknown. */
export type AudClientCheck =
  | { status: 'match'; clientId: string }
  | { status: 'mismatch'; clientId: string; aud: string[] }
  | { status: 'cannot-tell'; reason: string };

/** Longest untrusted value quoted in a message. */
const MAX_QUOTE = 80;

/** Quotes an untrusted value for a message, capped. */
function quote(value: string): string {
  const text = value.length > MAX_QUOTE ? `${value.slice(0, MAX_QUOTE)}…` : value;
  return JSON.stringify(text);
}

function describeRequest(copy: { evidence: { method: string; path: string } }): string {
  return `${copy.evidence.method} ${copy.evidence.path}`;
}

function checkNonce(state: SessionState, claims: ResultClaims): SessionFinding[] {
  const sent = state.sent.filter((s) => s.uqNonce !== undefined);
  const wrong = sent.filter((s) => s.uqNonce !== claims.nonce);
  if (state.returned.length + state.posted.length === 0 || wrong.length === 0) return [];
  const first = wrong[0]!;
  const carried =
    claims.nonce === undefined ? 'carries no data.nonce' : `carries ${quote(claims.nonce)}`;
  return [
    createSessionFinding(
      'nonce-mismatch',
      `The SDK sent UQ-Nonce ${quote(first.uqNonce!)} on ${describeRequest(first)}, but the result ${carried}.`,
    ),
  ];
}

function checkSessionId(state: SessionState, claims: ResultClaims): SessionFinding[] {
  if (claims.sessionId === undefined) return [];
  const wrong = state.sent.find(
    (s) => s.uqSessionId !== undefined && s.uqSessionId !== claims.sessionId,
  );
  if (!wrong) return [];
  const field = claims.face ? 'data.sessionId' : 'jti';
  return [
    createSessionFinding(
      'session-id-mismatch',
      `${describeRequest(wrong)} used UQ-Session-ID ${quote(wrong.uqSessionId!)}, but the result's ${field} is ${quote(claims.sessionId)}.`,
    ),
  ];
}

/** How a posted copy differs from the returned one. */
function describeAlteration(posted: string, returned: string): string {
  if (returned.startsWith(posted))
    return `truncated (${posted.length} of ${returned.length} characters)`;
  const [ph, pp] = posted.split('.');
  const [rh, rp] = returned.split('.');
  if (ph === rh && pp === rp) return 'its signature changed';
  if (ph !== rh && pp !== rp) return 're-encoded or altered (header and payload differ)';
  return ph === rh ? 'its payload differs (re-encoded or altered)' : 'its header differs';
}

function checkAltered(state: SessionState): SessionFinding[] {
  if (state.returned.length === 0) return [];
  const returned = new Set(state.returned.map((c) => c.token));
  const reference = state.returned[0]!.token;
  const findings: SessionFinding[] = [];
  for (const copy of state.posted) {
    if (returned.has(copy.token)) continue;
    findings.push(
      createSessionFinding(
        'result-altered',
        `The result posted in ${describeRequest(copy)} is not the one Uqudo returned: ${describeAlteration(copy.token, reference)}.`,
      ),
    );
  }
  return findings;
}

/** Compares the access token's client with the result's `aud`. */
function checkAudClient(state: SessionState, claims: ResultClaims): AudClientCheck {
  const clientId = state.accessToken?.clientId;
  if (!state.accessToken) return { status: 'cannot-tell', reason: 'no access token captured' };
  if (clientId === undefined) {
    return { status: 'cannot-tell', reason: "the access token's claims name no client" };
  }
  if (claims.aud.length === 0) return { status: 'cannot-tell', reason: 'the result has no aud' };
  return claims.aud.includes(clientId)
    ? { status: 'match', clientId }
    : { status: 'mismatch', clientId, aud: claims.aud };
}

function checkPostedTwice(state: SessionState): SessionFinding[] {
  const exchanges = new Set(state.posted.map((c) => c.evidence.id));
  if (exchanges.size < 2) return [];
  return [
    createSessionFinding(
      'result-posted-twice',
      `The result was posted to the backend ${exchanges.size} times (${[...new Set(state.posted.map(describeRequest))].join(', ')}).`,
    ),
  ];
}

/** Checks across the session's requests: nonce, session id, altered copies, client, repeated posts. */
export function checkCrossRequest(
  state: SessionState,
  claims: ResultClaims,
): { findings: SessionFinding[]; audClient: AudClientCheck } {
  const audClient = checkAudClient(state, claims);
  const findings = [
    ...checkNonce(state, claims),
    ...checkSessionId(state, claims),
    ...checkAltered(state),
  ];
  if (audClient.status === 'mismatch') {
    findings.push(
      createSessionFinding(
        'aud-client-mismatch',
        `The access token was issued to client ${quote(audClient.clientId)}, but the result's aud is ${audClient.aud.map(quote).join(', ')}.`,
      ),
    );
  }
  findings.push(...checkPostedTwice(state));
  return { findings, audClient };
}

/** True when the copy's `exp` had passed when it was posted (falls back to the inspection's finding). */
export function isExpiredWhenPosted(copy: ResultCopy, claims: ResultClaims): boolean {
  if (claims.exp !== undefined && copy.evidence.time > 0)
    return claims.exp * 1000 <= copy.evidence.time;
  return copy.inspection?.findings.some((f) => f.code === 'expired') ?? false;
}

function checkSecretAndScope(state: SessionState, sdkScopes: readonly string[]): SessionFinding[] {
  const findings: SessionFinding[] = [];
  const token = state.accessToken;
  const request = token ? token.tokenRequest : state.precedingTokenRequest;
  if (request?.clientSecretSent && request.source !== 'replay') {
    findings.push(
      createSessionFinding(
        'secret-in-browser',
        `The page sent a client secret to the token endpoint (${request.method} ${request.path}).`,
      ),
    );
  }
  const extra = token ? token.scopes.filter((s) => !sdkScopes.includes(s)) : [];
  if (extra.length > 0) {
    findings.push(
      createSessionFinding(
        'excess-scope-in-browser',
        `The page held an access token with scopes the SDK does not need: ${extra.map(quote).join(', ')} (assumed SDK scopes: ${sdkScopes.join(' ') || 'none'}).`,
      ),
    );
  }
  return findings;
}

function checkTransport(state: SessionState, claims: ResultClaims): SessionFinding[] {
  const findings: SessionFinding[] = [];
  const overHttp = state.posted.find((c) => c.evidence.plainHttpRemote);
  if (overHttp) {
    findings.push(
      createSessionFinding(
        'result-over-http',
        `The result was sent over plain http to ${quote(overHttp.evidence.host)} (${describeRequest(overHttp)}).`,
      ),
    );
  }
  const inUrl = state.inUrl[0];
  if (inUrl) {
    findings.push(
      createSessionFinding(
        'result-in-url',
        `The result sat in the URL query${inUrl.path === undefined ? '' : ` (parameter ${quote(inUrl.path)})`} of ${describeRequest(inUrl)}.`,
      ),
    );
  }
  const expired = state.posted.find((c) => isExpiredWhenPosted(c, claims));
  if (expired) {
    findings.push(
      createSessionFinding(
        'expired-result-posted',
        `An expired result was posted to the backend (${describeRequest(expired)}).`,
      ),
    );
  }
  return findings;
}

/** What the traffic shows about the integration: secret, scopes, transport, nonce, expiry. */
export function checkIntegration(
  state: SessionState,
  claims: ResultClaims,
  sdkScopes: readonly string[],
): SessionFinding[] {
  const findings = [...checkSecretAndScope(state, sdkScopes), ...checkTransport(state, claims)];
  const hasResult = state.returned.length + state.posted.length > 0;
  const nonceSent = state.sent.some((s) => s.uqNonce !== undefined && s.uqNonce !== '');
  const hasClaims = state.returned.concat(state.posted).some((c) => c.inspection?.payload);
  if (hasResult && hasClaims && claims.nonce === undefined && !nonceSent) {
    findings.push(
      createSessionFinding('no-nonce', 'Neither the SDK requests nor the result carry a nonce.'),
    );
  }
  return findings;
}
