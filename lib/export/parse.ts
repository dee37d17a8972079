// parseReport: an evidence report file (untrusted) → validated, capped rows and sessions to reopen as imported.
import type { CapturedExchange, Sighting, SightingLocation } from '../capture/exchange';
import { isRecord } from '../guards';
import type { Inspection, SignatureStatus } from '../jose/inspect';
import type { TokenKind } from '../uqudo/classify';
import { REPORT_FORMAT, REPORT_VERSION, type ReportFinding, type ReportSession } from './schema';
import { readSession } from './parse-session';
import { copyJson, readFindings, readNumber, readText, type Budget } from './parse-values';

/** Rows and sessions read at most from one report. */
const MAX_CAPTURES = 50_000;
const MAX_SESSIONS = 10_000;
/** JSON nodes copied from one report's headers and claims in all (linear, bounded work). */
const MAX_NODES = 2_000_000;

/** One row to reopen: an exchange summary, its sighting and the inspection as recorded. */
interface ImportedCapture {
  exchange: CapturedExchange;
  sighting: Sighting;
  inspection: Inspection;
}

/** A report read back. */
export interface ImportedReport {
  exportedAt: string;
  redaction: string;
  captures: ImportedCapture[];
  sessions: ReportSession[];
  /** Entries left out because they were malformed. */
  skipped: number;
}

const LOCATIONS: readonly SightingLocation[] = [
  'request.header',
  'request.body',
  'request.query',
  'response.header',
  'response.body',
];
const FORMATS = ['jws', 'jwe', 'invalid'] as const;
const SIGNATURES: readonly SignatureStatus[] = ['valid', 'invalid', 'unverified', 'unsupported'];
const KINDS: readonly TokenKind[] = ['uqudo-result', 'uqudo-access-token', 'jwt', 'unknown'];

function pick<T extends string>(value: unknown, allowed: readonly T[]): T | undefined {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value)
    ? (value as T)
    : undefined;
}

function readInspection(value: unknown, budget: Budget, depth: number): Inspection | undefined {
  if (!isRecord(value) || depth > 2) return undefined;
  const format = pick(value.format, FORMATS);
  const signature = pick(value.signature, SIGNATURES);
  const kind = pick(value.kind, KINDS);
  if (!format || !signature || !kind) return undefined;
  const header = copyJson(value.header, budget);
  const inner = readInspection(value.inner, budget, depth + 1);
  return {
    format,
    header: isRecord(header) ? header : null,
    payload: copyJson(value.claims, budget),
    signature,
    kind,
    findings: readFindings(value.findings).map(({ recommendation: _, ...f }: ReportFinding) => ({
      ...f,
      severity: pick(f.severity, ['error', 'warning', 'info'] as const) ?? 'error',
    })),
    ...(inner && { inner }),
  };
}

/** The placeholder a row shows for its token: the token when included, else its hash. */
function describeImportedToken(value: unknown): string {
  if (!isRecord(value)) return '‹token not in the report›';
  if (typeof value.value === 'string' && value.value.length <= 4 * 1024 * 1024) return value.value;
  const sha = typeof value.sha256 === 'string' && /^[0-9a-f]{64}$/.test(value.sha256);
  const length = readNumber(value.length) ?? 0;
  return sha
    ? `‹token sha256:${value.sha256 as string}, ${length} chars›`
    : `‹token, ${length} chars›`;
}

function readCapture(value: unknown, index: number, budget: Budget): ImportedCapture | undefined {
  if (!isRecord(value)) return undefined;
  const location = pick(value.location, LOCATIONS);
  if (!location) return undefined;
  // A row is reopened with its recorded checks; one exported before its check finished is skipped.
  const inspection = readInspection(value.inspection, budget, 0);
  if (!inspection) return undefined;
  const path = readText(value.path);
  const exchange: CapturedExchange = {
    id: `imported-${index}`,
    time: readNumber(value.time) ?? 0,
    method: readText(value.method, 32) ?? '',
    url: readText(value.url) ?? '',
    status: Math.trunc(readNumber(value.status) ?? 0),
    requestHeaders: [],
    responseHeaders: [],
    source: 'har',
  };
  const sighting: Sighting = {
    location,
    ...(path !== undefined && { path }),
    token: describeImportedToken(value.token),
  };
  return { exchange, sighting, inspection };
}

function fail(error: string): { ok: false; error: string } {
  return { ok: false, error };
}

/**
 * Reads an evidence report: checks the format and version, then every row and session (types,
 * enumerations, lengths capped, JSON copied within a node budget); malformed entries are skipped
 * and counted. Never throws; the result's findings and claims are data to render as text.
 */
export function parseReport(
  text: string,
): { ok: true; report: ImportedReport } | { ok: false; error: string } {
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch {
    return fail('the file is not JSON.');
  }
  if (!isRecord(root) || root.format !== REPORT_FORMAT)
    return fail('it is not an evidence report.');
  if (root.version !== REPORT_VERSION) {
    return fail(
      `its version (${String(readText(root.version, 16) ?? root.version)}) is not ${REPORT_VERSION}.`,
    );
  }
  if (!Array.isArray(root.captures) || !Array.isArray(root.sessions)) {
    return fail('it has no captures or sessions list.');
  }
  const budget: Budget = { nodes: MAX_NODES };
  let skipped =
    Math.max(0, root.captures.length - MAX_CAPTURES) +
    Math.max(0, root.sessions.length - MAX_SESSIONS);
  const captures: ImportedCapture[] = [];
  root.captures.slice(0, MAX_CAPTURES).forEach((entry, index) => {
    const capture = readCapture(entry, index, budget);
    if (capture) captures.push(capture);
    else skipped += 1;
  });
  const sessions: ReportSession[] = [];
  for (const entry of root.sessions.slice(0, MAX_SESSIONS)) {
    const session = readSession(entry);
    if (session) sessions.push(session);
    else skipped += 1;
  }
  const redaction = isRecord(root.redaction) ? readText(root.redaction.note) : undefined;
  return {
    ok: true,
    report: {
      exportedAt: readText(root.exportedAt, 64) ?? '',
      redaction: redaction ?? '',
      captures,
      sessions,
      skipped,
    },
  };
}
