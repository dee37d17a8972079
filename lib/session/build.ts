// buildSession: one session's accumulated state → the Session the view shows (claims, timeline, findings).
import { verdictOf, type Verdict } from '../jose/inspect';
import { checkBackendAnswers } from './backend-answer';
import { checkCrossRequest, checkIntegration, type AudClientCheck } from './checks';
import { readResultClaims, type ResultClaims } from './claims';
import type { SessionEvidence } from './evidence';
import type { SessionFinding } from './findings';
import type { ResultCopy, SessionState, TimelineRole } from './state';

/**
 * Scopes the web SDK needs in the page. ASSUMPTION: Uqudo does not document per-endpoint scopes;
 * `KYC_SCAN_SDK` is observed in real token answers and is what the SDK's own `/api/v2/…` calls
 * need in the sandbox, while `KYC_INFO_SDK` opens the Info API (any session's result and images),
 * which belongs on the backend. Overridable through SessionOptions.sdkScopes.
 */
const DEFAULT_SDK_SCOPES: readonly string[] = ['KYC_SCAN_SDK'];

/** Options of the session checks. */
export interface SessionOptions {
  /** Scopes an access token in the page may carry without `excess-scope-in-browser`. */
  sdkScopes?: readonly string[];
}

/** One request of a session's timeline. */
interface TimelineEntry {
  exchangeId: string;
  time: number;
  method: string;
  path: string;
  host: string;
  status: number;
  /** Where the session's tokens sat in this request ("response.body", "request.body $.jwsResult"…). */
  where: string[];
  role: TimelineRole;
}

/** One Uqudo session as the session view shows it. */
export interface Session {
  /** The result's `jti`, or `data.sessionId` for face sessions (else the `UQ-Session-ID` used). */
  id: string;
  face: boolean;
  /** The verdict of the result Uqudo returned (else of the first copy posted); none before a result. */
  verdict?: Verdict;
  documentType?: string;
  faceMatchLevel?: number;
  /** `exp` of the result, Unix seconds. */
  expiresAt?: number;
  nonce?: string;
  aud: string[];
  /** The result token as first seen (returned, else posted). */
  resultToken?: string;
  /** How many captured requests the session spans (its timeline length). */
  requests: number;
  timeline: TimelineEntry[];
  accessToken?: { exchangeId?: string; clientId?: string; scopes: string[] };
  tokenRequestId?: string;
  /** Whether the access token was issued to the result's `aud`. */
  audClient: AudClientCheck;
  /** The request that posted the result to the integrator's backend (the first one), for issue 13. */
  backendPostId?: string;
  findings: SessionFinding[];
}

function toEntry(evidence: SessionEvidence, where: string[], role: TimelineRole): TimelineEntry {
  return {
    exchangeId: evidence.id,
    time: evidence.time,
    method: evidence.method,
    path: evidence.path,
    host: evidence.host,
    status: evidence.status,
    where,
    role,
  };
}

function buildTimeline(state: SessionState): TimelineEntry[] {
  const entries = state.exchanges.map((e) => toEntry(e.evidence, e.where, e.role));
  const ids = new Set(entries.map((e) => e.exchangeId));
  const token = state.accessToken;
  const extra: [SessionEvidence | undefined, TimelineRole, string][] = [
    [token?.tokenRequest ?? state.precedingTokenRequest, 'token-request', 'request.body'],
    [token?.issuedBy, 'access-token', 'response.body $.access_token'],
  ];
  for (const [evidence, role, where] of extra) {
    if (evidence && !ids.has(evidence.id)) {
      ids.add(evidence.id);
      entries.push(toEntry(evidence, [where], role));
    }
  }
  return entries.sort((a, b) => a.time - b.time);
}

function primaryCopy(state: SessionState): ResultCopy | undefined {
  return state.returned.find((c) => c.inspection) ?? state.returned[0] ?? state.posted[0];
}

/** Builds the Session of one state; pure, linear in the state's size. */
export function buildSession(state: SessionState, options: SessionOptions = {}): Session {
  const primary = primaryCopy(state);
  const claims: ResultClaims = primary?.inspection
    ? readResultClaims(primary.inspection)
    : { face: false, aud: [] };
  const sdkScopes = options.sdkScopes ?? DEFAULT_SDK_SCOPES;
  const cross = checkCrossRequest(state, claims);
  const findings = [
    ...cross.findings,
    ...checkIntegration(state, claims, sdkScopes),
    ...checkBackendAnswers(state, claims),
  ];
  const timeline = buildTimeline(state);
  const token = state.accessToken;
  const tokenRequest = token?.tokenRequest ?? (token ? undefined : state.precedingTokenRequest);
  return {
    id: state.id,
    face: claims.face,
    ...(primary?.inspection && { verdict: verdictOf(primary.inspection) }),
    ...(claims.documentType !== undefined && { documentType: claims.documentType }),
    ...(claims.faceMatchLevel !== undefined && { faceMatchLevel: claims.faceMatchLevel }),
    ...(claims.exp !== undefined && { expiresAt: claims.exp }),
    ...(claims.nonce !== undefined && { nonce: claims.nonce }),
    aud: claims.aud,
    ...(primary && { resultToken: primary.token }),
    requests: timeline.length,
    timeline,
    ...(token && {
      accessToken: {
        ...(token.issuedBy && { exchangeId: token.issuedBy.id }),
        ...(token.clientId !== undefined && { clientId: token.clientId }),
        scopes: token.scopes,
      },
    }),
    ...(tokenRequest && { tokenRequestId: tokenRequest.id }),
    audClient: cross.audClient,
    ...(state.posted[0] && { backendPostId: state.posted[0].evidence.id }),
    findings,
  };
}
