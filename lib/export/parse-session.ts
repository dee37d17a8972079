// Reading one session of an untrusted report: ids, verdict, timeline and findings, each checked and capped.
import { isRecord } from '../guards';
import type { TimelineRole } from '../session/state';
import type { ReportSession, ReportTimelineEntry, TokenRef } from './schema';
import { readFindings, readNumber, readText } from './parse-values';

/** Timeline entries read per session. */
const MAX_TIMELINE = 1_000;
const ROLES: readonly TimelineRole[] = [
  'token-request',
  'access-token',
  'sdk-call',
  'result-returned',
  'result-posted',
  'other',
];

function readStrings(value: unknown, max = 64): string[] {
  if (!Array.isArray(value)) return [];
  return value.slice(0, max).flatMap((item) => readText(item, 256) ?? []);
}

function readTimelineEntry(value: unknown): ReportTimelineEntry | undefined {
  if (!isRecord(value)) return undefined;
  const requestId = readText(value.requestId, 64);
  const role = ROLES.find((r) => r === value.role) ?? 'other';
  if (requestId === undefined) return undefined;
  return {
    requestId,
    time: readNumber(value.time) ?? 0,
    method: readText(value.method, 32) ?? '',
    host: readText(value.host, 256) ?? '',
    path: readText(value.path) ?? '',
    status: Math.trunc(readNumber(value.status) ?? 0),
    where: readStrings(value.where, 16),
    role,
  };
}

function readTokenRef(value: unknown): TokenRef | undefined {
  if (!isRecord(value)) return undefined;
  const sha256 = typeof value.sha256 === 'string' && /^[0-9a-f]{64}$/.test(value.sha256);
  return {
    length: readNumber(value.length) ?? 0,
    segments: readNumber(value.segments) ?? 0,
    ...(sha256 && { sha256: value.sha256 as string }),
  };
}

function readOptional(value: Record<string, unknown>): Partial<ReportSession> {
  const verdict = readText(value.verdict, 16);
  const documentType = readText(value.documentType, 64);
  const faceMatchLevel = readNumber(value.faceMatchLevel);
  const expiresAt = readNumber(value.expiresAt);
  const nonce = readText(value.nonce, 256);
  const result = readTokenRef(value.result);
  const backendPostId = readText(value.backendPostId, 64);
  const tokenRequestId = readText(value.tokenRequestId, 64);
  return {
    ...(verdict !== undefined && { verdict }),
    ...(documentType !== undefined && { documentType }),
    ...(faceMatchLevel !== undefined && { faceMatchLevel }),
    ...(expiresAt !== undefined && { expiresAt }),
    ...(nonce !== undefined && { nonce }),
    ...(result && { result }),
    ...(backendPostId !== undefined && { backendPostId }),
    ...(tokenRequestId !== undefined && { tokenRequestId }),
  };
}

/** One session of a report, or undefined when it has no id. */
export function readSession(value: unknown): ReportSession | undefined {
  if (!isRecord(value)) return undefined;
  const id = readText(value.id, 256);
  if (id === undefined || id === '') return undefined;
  const timeline = Array.isArray(value.timeline)
    ? value.timeline.slice(0, MAX_TIMELINE).flatMap((entry) => readTimelineEntry(entry) ?? [])
    : [];
  const audClient = isRecord(value.audClient) ? value.audClient : {};
  return {
    id,
    face: value.face === true,
    aud: readStrings(value.aud),
    requests: Math.trunc(readNumber(value.requests) ?? timeline.length),
    timeline,
    audClient: {
      status: readText(audClient.status, 32) ?? 'cannot-tell',
      ...(readText(audClient.clientId, 256) !== undefined && {
        clientId: readText(audClient.clientId, 256),
      }),
      ...(readText(audClient.reason, 256) !== undefined && {
        reason: readText(audClient.reason, 256),
      }),
    },
    findings: readFindings(value.findings),
    ...readOptional(value),
  };
}
