// The evidence slice of the store: export a report or HAR subset of the captures, reopen a report as imported.
import type {
  EvidenceDeps,
  EvidenceState,
  ExportRequest,
  ExportResult,
  ReportImportResult,
} from '../export/evidence-run';

export type { EvidenceState } from '../export/evidence-run';

/** Export and import actions (`store.evidence`). */
export interface EvidenceActions {
  /** Builds the export (loaded on first use) and hands it to the download port. */
  exportEvidence(request: ExportRequest): Promise<ExportResult>;
  /** Reopens a report's rows and sessions, marked imported; failures become a notice. */
  importReport(text: string): Promise<ReportImportResult>;
}

/** An empty evidence state. */
export const INITIAL_EVIDENCE_STATE: EvidenceState = Object.freeze({ importedSessions: [] });

/** True when a file's text announces an evidence report (checked on its first few KB, not parsed). */
export function isReportText(text: string): boolean {
  return /^\s*\{[\s\S]{0,4096}?"format"\s*:\s*"uqudo-inspector-report"/.test(text.slice(0, 8192));
}

/** Creates the evidence actions; their code (and the export builder) loads on first use. */
export function createEvidenceSlice(deps: EvidenceDeps): EvidenceActions {
  return {
    async exportEvidence(request) {
      const { runExport } = await import('../export/evidence-run');
      return runExport(deps, request);
    },
    async importReport(text) {
      const { runReportImport } = await import('../export/evidence-run');
      return runReportImport(deps, text);
    },
  };
}
