// The evidence slice of the store: export a report or HAR subset of the captures, reopen a report as imported.
import type { ExchangeLog } from '../export/log';
import type { ExportCapture } from '../export/report';
import type { ReportScope, ReportSession } from '../export/schema';
import type { DownloadFile } from '../export/download';
import { describeExported, describeReportFailure, describeReportImport } from '../export/text';
import { applyInspection, type Capture } from './capture';
import type { CapturedExchange, Sighting } from '../capture/exchange';

/** What the store keeps about imported reports. */
export interface EvidenceState {
  /** Sessions of imported reports, as their exporting panel built them (untrusted: render as text). */
  importedSessions: readonly ReportSession[];
}

/** An export the user asked for. */
interface ExportRequest {
  scope: ReportScope;
  kind: 'report' | 'har';
  includePersonal: boolean;
  /** Honoured only with includePersonal. */
  includeSecrets: boolean;
}

/** Outcome of an export. */
type ExportResult = { ok: true; name: string; bytes: number } | { ok: false; error: string };
/** Outcome of a report import (shaped like a HAR import's, plus the sessions). */
type ReportImportResult =
  { ok: true; exchanges: 0; tokens: number; sessions: number } | { ok: false; error: string };

/** Export and import actions (`store.evidence`). */
export interface EvidenceActions {
  /** Builds the export (loaded on first use) and hands it to the download port. */
  exportEvidence(request: ExportRequest): Promise<ExportResult>;
  /** Reopens a report's rows and sessions, marked imported; failures become a notice. */
  importReport(text: string): Promise<ReportImportResult>;
}

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

/** An empty evidence state. */
export const INITIAL_EVIDENCE_STATE: EvidenceState = Object.freeze({ importedSessions: [] });

/** True when a file's text announces an evidence report (checked on its first few KB, not parsed). */
export function isReportText(text: string): boolean {
  return /^\s*\{[\s\S]{0,4096}?"format"\s*:\s*"uqudo-inspector-report"/.test(text.slice(0, 8192));
}

/** Creates the evidence actions. */
export function createEvidenceSlice(deps: EvidenceDeps): EvidenceActions {
  return {
    async exportEvidence(request) {
      const { buildExport } = await import('../export/build');
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
    },

    async importReport(text) {
      const { parseReport } = await import('../export/build');
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
    },
  };
}
