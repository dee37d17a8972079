// The evidence report's schema (version 1): what an export writes and an import reads back.
import type { TimelineRole } from '../session/state';

/** The report's `format` marker. */
export const REPORT_FORMAT = 'uqudo-inspector-report';
/** The schema version this build writes and reads. */
export const REPORT_VERSION = 1;

/** How a token appears in a report: by hash and length (or verbatim when secrets are included). */
export interface TokenRef {
  sha256?: string;
  length: number;
  /** Dot-separated segments (3 for a JWS, 5 for a JWE). */
  segments: number;
  /** The token itself: only when the user included personal data and secrets. */
  value?: string;
}

/** One finding as recorded (token or session finding). */
export interface ReportFinding {
  code: string;
  severity: string;
  message: string;
  recommendation?: string;
}

/** One inspection as recorded: verdict inputs, redacted header and claims, findings. */
export interface ReportInspection {
  format: string;
  signature: string;
  kind: string;
  header: unknown;
  /** The payload through the allow-list (RedactedValue markers where redacted). */
  claims: unknown;
  findings: ReportFinding[];
  inner?: ReportInspection;
}

/** One token row of the panel. */
export interface ReportCapture {
  id: string;
  /** The ReportRequest it was seen in, when that request was kept. */
  requestId?: string;
  time: number;
  source: string;
  method: string;
  url: string;
  status: number;
  location: string;
  path?: string;
  token: TokenRef;
  verdict?: string;
  kind?: string;
  jti: string;
  inspection?: ReportInspection;
}

/** One request's metadata (what the session view knows about it; never a body). */
export interface ReportRequest {
  id: string;
  time: number;
  method: string;
  url: string;
  host: string;
  path: string;
  status: number;
  source: string;
  uqSessionId?: string;
  uqNonce?: string;
  tokenRequest: boolean;
  clientSecretSent: boolean;
  requestedClientId?: string;
  grantedScopes?: string[];
  uqudoApi: boolean;
  plainHttpRemote: boolean;
  tokenInQuery: boolean;
  bodyNote?: string;
}

/** One entry of a session's timeline. */
export interface ReportTimelineEntry {
  requestId: string;
  time: number;
  method: string;
  host: string;
  path: string;
  status: number;
  where: string[];
  role: TimelineRole;
}

/** One Uqudo session as the session view built it. */
export interface ReportSession {
  id: string;
  face: boolean;
  verdict?: string;
  documentType?: string;
  faceMatchLevel?: number;
  expiresAt?: number;
  nonce?: string;
  aud: string[];
  result?: TokenRef;
  requests: number;
  timeline: ReportTimelineEntry[];
  accessToken?: { requestId?: string; clientId?: string; scopes: string[] };
  tokenRequestId?: string;
  audClient: { status: string; clientId?: string; aud?: string[]; reason?: string };
  backendPostId?: string;
  findings: ReportFinding[];
}

/** What the report covers. */
export type ReportScope =
  { kind: 'all' } | { kind: 'session'; sessionId: string } | { kind: 'capture'; captureId: string };

/** The whole report. */
export interface EvidenceReport {
  format: typeof REPORT_FORMAT;
  version: typeof REPORT_VERSION;
  /** ISO 8601 time of the export. */
  exportedAt: string;
  generator: string;
  scope: ReportScope;
  redaction: {
    personalData: 'redacted' | 'included';
    secrets: 'removed' | 'included';
    note: string;
  };
  sessions: ReportSession[];
  captures: ReportCapture[];
  requests: ReportRequest[];
}
