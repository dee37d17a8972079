// buildEvidenceReport: captures, their requests and sessions → a redacted, versioned JSON evidence report.
import type { Sighting } from '../capture/exchange';
import type { Inspection, Verdict } from '../jose/inspect';
import { toTokenKind, type TokenKind } from '../uqudo/classify';
import type { Session } from '../session/build';
import { groupSessions } from '../session/group';
import type { SessionItem } from '../session/state';
import { CLAIMS_ALLOWED, HEADER_ALLOWED } from './allow-list';
import { hashTokens } from './hash';
import type { LogEntry } from './log';
import { redactJson, type RedactionPolicy } from './redact';
import { describeToken, redactFreeText, redactUrl } from './redact-text';
import {
  REPORT_FORMAT,
  REPORT_VERSION,
  type EvidenceReport,
  type ReportCapture,
  type ReportFinding,
  type ReportInspection,
  type ReportRequest,
  type ReportScope,
  type ReportSession,
} from './schema';
import { findTokenPieces } from './scrub';
import { describeRedaction } from './file-text';

/** What an export reads of a list row (the store's Capture satisfies it). */
export interface ExportCapture {
  id: string;
  exchange: { time: number; method: string; url: string; status: number; source: string };
  sighting: Sighting;
  inspection?: Inspection;
  verdict?: Verdict;
  kind?: TokenKind;
  jti: string;
}

/** What to export from. */
export interface ExportInput {
  entries: readonly LogEntry[];
  captures: readonly ExportCapture[];
  scope: ReportScope;
  /** Export time, milliseconds since the epoch. */
  now: number;
  /** e.g. "Uqudo Inspector 0.1.0". */
  generator: string;
}

/** What the user chose to include (both off by default; secrets only with personal data). */
export interface ExportChoice {
  includePersonal: boolean;
  includeSecrets: boolean;
}

/** The part of the input a scope selects. */
interface Selection {
  entries: LogEntry[];
  captures: ExportCapture[];
  sessions: Session[];
}

function toItems(entries: readonly LogEntry[], byId: Map<string, ExportCapture>): SessionItem[] {
  return entries.map((entry) => ({
    evidence: entry.evidence,
    sightings: entry.captureIds.flatMap((id) => {
      const capture = byId.get(id);
      if (!capture) return [];
      return [
        { ...capture.sighting, ...(capture.inspection && { inspection: capture.inspection }) },
      ];
    }),
  }));
}

function selectSession(session: Session, input: ExportInput, byKey: Map<string, LogEntry>) {
  const entries = session.timeline.flatMap((e) => byKey.get(e.exchangeId) ?? []);
  const ids = new Set(entries.flatMap((e) => e.captureIds));
  return { entries, captures: input.captures.filter((c) => ids.has(c.id)), sessions: [session] };
}

/** The sessions, requests and rows the scope covers. */
export function selectExport(input: ExportInput): Selection {
  const byId = new Map(input.captures.map((c) => [c.id, c]));
  const sessions = groupSessions(toItems(input.entries, byId));
  const byKey = new Map(input.entries.map((e) => [e.key, e]));
  const scope = input.scope;
  if (scope.kind === 'all') {
    return { entries: [...input.entries], captures: [...input.captures], sessions };
  }
  if (scope.kind === 'session') {
    const session = sessions.find((s) => s.id === scope.sessionId);
    return session
      ? selectSession(session, input, byKey)
      : { entries: [], captures: [], sessions: [] };
  }
  const capture = byId.get(scope.captureId);
  if (!capture) return { entries: [], captures: [], sessions: [] };
  const entry = input.entries.find((e) => e.captureIds.includes(capture.id));
  const session = entry && sessions.find((s) => s.timeline.some((t) => t.exchangeId === entry.key));
  if (session) return selectSession(session, input, byKey);
  return { entries: entry ? [entry] : [], captures: [capture], sessions: [] };
}

/** Every token the selection mentions, so each can be named by its hash. */
export function collectTokens(selection: Selection): string[] {
  const tokens: string[] = [];
  const addText = (text: string | undefined) => {
    if (text) for (const piece of findTokenPieces(text)) tokens.push(piece);
  };
  for (const capture of selection.captures) {
    tokens.push(capture.sighting.token);
    addText(capture.exchange.url);
  }
  for (const session of selection.sessions)
    if (session.resultToken) tokens.push(session.resultToken);
  for (const { exchange } of selection.entries) {
    addText(exchange.url);
    addText(exchange.requestBody);
    addText(exchange.responseBody);
    for (const header of [...exchange.requestHeaders, ...exchange.responseHeaders]) {
      addText(header.value);
    }
  }
  return tokens;
}

function toFinding(
  finding: { code: string; severity: string; message: string; recommendation?: string },
  policy: RedactionPolicy,
): ReportFinding {
  return {
    code: finding.code,
    severity: finding.severity,
    message: redactFreeText(finding.message, policy),
    ...(finding.recommendation !== undefined && { recommendation: finding.recommendation }),
  };
}

function toInspection(inspection: Inspection, policy: RedactionPolicy): ReportInspection {
  return {
    format: inspection.format,
    signature: inspection.signature,
    kind: toTokenKind(inspection.kind),
    header: redactJson(inspection.header, HEADER_ALLOWED, policy),
    claims: redactJson(inspection.payload, CLAIMS_ALLOWED, policy),
    findings: inspection.findings.map((f) => toFinding(f, policy)),
    ...(inspection.inner && { inner: toInspection(inspection.inner, policy) }),
  };
}

function toCapture(
  capture: ExportCapture,
  requestId: string | undefined,
  policy: RedactionPolicy,
): ReportCapture {
  const { exchange, sighting } = capture;
  return {
    id: capture.id,
    ...(requestId !== undefined && { requestId }),
    time: exchange.time,
    source: exchange.source,
    method: exchange.method,
    url: redactUrl(exchange.url, policy),
    status: exchange.status,
    location: sighting.location,
    ...(sighting.path !== undefined && { path: redactFreeText(sighting.path, policy) }),
    token: describeToken(sighting.token, policy),
    ...(capture.verdict && { verdict: capture.verdict }),
    ...(capture.kind && { kind: capture.kind }),
    jti: redactFreeText(capture.jti, policy),
    ...(capture.inspection && { inspection: toInspection(capture.inspection, policy) }),
  };
}

function toRequest(entry: LogEntry, policy: RedactionPolicy): ReportRequest {
  const e = entry.evidence;
  return {
    id: entry.key,
    time: e.time,
    method: e.method,
    url: redactUrl(e.url, policy),
    host: e.host,
    path: redactFreeText(e.path, policy),
    status: e.status,
    source: e.source,
    ...(e.uqSessionId !== undefined && { uqSessionId: redactFreeText(e.uqSessionId, policy) }),
    ...(e.uqNonce !== undefined && { uqNonce: redactFreeText(e.uqNonce, policy) }),
    tokenRequest: e.tokenRequest,
    clientSecretSent: e.clientSecretSent,
    ...(e.requestedClientId !== undefined && { requestedClientId: e.requestedClientId }),
    ...(e.grantedScopes && { grantedScopes: e.grantedScopes }),
    uqudoApi: e.uqudoApi,
    plainHttpRemote: e.plainHttpRemote,
    tokenInQuery: e.tokenInQuery,
    ...(entry.exchange.bodyNote && { bodyNote: redactFreeText(entry.exchange.bodyNote, policy) }),
  };
}

function toSession(session: Session, policy: RedactionPolicy): ReportSession {
  const { accessToken, audClient } = session;
  return {
    id: session.id,
    face: session.face,
    ...(session.verdict && { verdict: session.verdict }),
    ...(session.documentType !== undefined && { documentType: session.documentType }),
    ...(session.faceMatchLevel !== undefined && { faceMatchLevel: session.faceMatchLevel }),
    ...(session.expiresAt !== undefined && { expiresAt: session.expiresAt }),
    ...(session.nonce !== undefined && { nonce: session.nonce }),
    aud: session.aud,
    ...(session.resultToken && { result: describeToken(session.resultToken, policy) }),
    requests: session.requests,
    timeline: session.timeline.map(({ exchangeId, ...entry }) => ({
      requestId: exchangeId,
      ...entry,
      path: redactFreeText(entry.path, policy),
    })),
    ...(accessToken && {
      accessToken: {
        ...(accessToken.exchangeId && { requestId: accessToken.exchangeId }),
        ...(accessToken.clientId !== undefined && { clientId: accessToken.clientId }),
        scopes: accessToken.scopes,
      },
    }),
    ...(session.tokenRequestId && { tokenRequestId: session.tokenRequestId }),
    audClient: { ...audClient },
    ...(session.backendPostId && { backendPostId: session.backendPostId }),
    findings: session.findings.map((f) => toFinding(f, policy)),
  };
}

/** The policy of a choice over hashed tokens (secrets only ever with personal data). */
export function createPolicy(choice: ExportChoice, hashes: Map<string, string>): RedactionPolicy {
  return {
    includePersonal: choice.includePersonal,
    includeSecrets: choice.includePersonal && choice.includeSecrets,
    hashOf: (token) => hashes.get(token),
  };
}

/**
 * Builds the evidence report of a scope: its sessions (timeline, findings), token rows (verdict,
 * findings, claims through the allow-list) and request metadata. Personal data, tokens, signatures
 * and images are redacted unless the choice includes them. Linear in the input; never throws on
 * hostile captures (every string is capped, every JSON walk bounded).
 */
export async function buildEvidenceReport(
  input: ExportInput,
  choice: ExportChoice,
): Promise<EvidenceReport> {
  const selection = selectExport(input);
  const policy = createPolicy(choice, await hashTokens(collectTokens(selection)));
  const requestOf = new Map<string, string>();
  for (const entry of selection.entries)
    for (const id of entry.captureIds) requestOf.set(id, entry.key);
  return {
    format: REPORT_FORMAT,
    version: REPORT_VERSION,
    exportedAt: new Date(input.now).toISOString(),
    generator: input.generator,
    scope: input.scope,
    redaction: {
      personalData: policy.includePersonal ? 'included' : 'redacted',
      secrets: policy.includeSecrets ? 'included' : 'removed',
      note: describeRedaction(policy),
    },
    sessions: selection.sessions.map((s) => toSession(s, policy)),
    captures: selection.captures.map((c) => toCapture(c, requestOf.get(c.id), policy)),
    requests: selection.entries.map((e) => toRequest(e, policy)),
  };
}
