// The evidence actions' work, loaded on first export or report import: build and download, or reopen a report.
import type { CapturedExchange, Sighting } from '../capture/exchange';
import { applyInspection, type Capture } from '../store/capture';
import { buildExport, parseReport } from './build';
import type { DownloadFile } from './download';
import type { ExchangeLog } from './log';
import type { ExportCapture } from './report';
import type { ReportScope, ReportSession } from './schema';
import { describeExported, describeReportFailure, describeReportImport } from './notice-text';

/** What the store keeps about imported reports. */
export interface EvidenceState {
  /** Sessions of imported reports, as their exporting panel built them (untrusted: render as text). */
  importedSessions: readonly ReportSession[];
}

/** An export the user asked for. */
export interface ExportRequest {
  scope: ReportScope;
  kind: 'report' | 'har';
  includePersonal: boolean;
  /** Honoured only with includePersonal. */
  includeSecrets: boolean;
}

/** Outcome of an export. */
export type ExportResult = { ok: true; name: string; bytes: number } | { ok: false; error: string };
/** Outcome of a report import (shaped like a HAR import's, plus the sessions). */
export type ReportImportResult =
  { ok: true; exchanges: 0; tokens: number; sessions: number } | { ok: false; error: string };

/** What the slice needs from the store. */
export interface EvidenceDeps {
  log: ExchangeLog;
  /** Every capture, newest first. */
  captures: () => readonly Capture[];
  /** Builds list rows of an exchange (fresh ids). */
  capturesOf: (exchange: CapturedExchange, sightings: readonly Sighting[]) => Capture[];
  /** Inserts finished rows. */
  accept: (captures: Capture[]) => void;
  getState: () => EvidenceState;
  setState: (patch: EvidenceState) => void;
  now: () => number;
  notify: (level: 'info' | 'warning' | 'error', text: string) => void;
  download: (file: DownloadFile) => void;
}

/** Builds the export and hands it to the download port; nothing matching is a warning. */
export async function runExport(deps: EvidenceDeps, request: ExportRequest): Promise<ExportResult> {
  const captures: ExportCapture[] = deps
    .captures()
    .filter((c) => !c.imported)
    .reverse();
  const built = await buildExport(
    {
      entries: deps.log.list(),
      captures,
      scope: request.scope,
      now: deps.now(),
      generator: 'Uqudo Inspector',
    },
    { includePersonal: request.includePersonal, includeSecrets: request.includeSecrets },
    request.kind,
  );
  if (built.captures === 0 && built.sessions === 0) {
    const error = 'Nothing to export: no captured token matches.';
    deps.notify('warning', error);
    return { ok: false, error };
  }
  deps.download({ name: built.name, type: built.type, text: built.text });
  deps.notify('info', describeExported(built.name, built.captures, built.sessions));
  return { ok: true, name: built.name, bytes: built.text.length };
}

/** Reopens a report's rows and sessions, marked imported (recorded checks, never re-run). */
export async function runReportImport(
  deps: EvidenceDeps,
  text: string,
): Promise<ReportImportResult> {
  const parsed = parseReport(text);
  if (!parsed.ok) {
    deps.notify('error', describeReportFailure(parsed.error));
    return parsed;
  }
  const { captures, sessions, skipped } = parsed.report;
  const rows = captures.flatMap((entry) =>
    deps.capturesOf(entry.exchange, [entry.sighting]).map((capture) => {
      // Recorded checks, never re-run: the token itself is not in the report.
      const row: Capture = { ...applyInspection(capture, entry.inspection), imported: true };
      return row;
    }),
  );
  deps.accept(rows);
  deps.setState({ importedSessions: [...deps.getState().importedSessions, ...sessions] });
  deps.notify('info', describeReportImport(rows.length, sessions.length, skipped));
  return { ok: true, exchanges: 0, tokens: rows.length, sessions: sessions.length };
}
