// Wording of export and import: the report's redaction note, the UI warning, file names, notices.
import type { RedactionPolicy } from './redact';

/** The warning shown beside "Include personal data". */
export const PERSONAL_DATA_WARNING =
  'The file will contain names, document numbers, dates of birth, addresses, MRZ text and photos: share it only where that personal data may go.';

/** The warning shown beside "Also include secrets". */
export const SECRETS_WARNING =
  'The file will also contain tokens, cookies, Authorization headers and client secrets: anyone holding it can call Uqudo as you until they expire.';

/** What the report says about its own redaction. */
export function describeRedaction(
  policy: Pick<RedactionPolicy, 'includePersonal' | 'includeSecrets'>,
): string {
  if (policy.includeSecrets) {
    return 'Exported with personal data and secrets included: tokens, cookies and credentials are verbatim.';
  }
  if (policy.includePersonal) {
    return 'Exported with personal data included; tokens are named by SHA-256, cookies, Authorization and client secrets are removed.';
  }
  return 'Redacted: every field outside an allow-list of check results keeps only its type and length; tokens are named by SHA-256 and length; images, cookies, Authorization and client secrets are removed.';
}

/** The download name of a report or HAR, e.g. `uqudo-report-2026-12-01T21-30-00Z.json`. */
export function nameExportFile(kind: 'report' | 'har', now: number, sessionId?: string): string {
  const stamp = new Date(now)
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/:/g, '-');
  const session = sessionId ? `-${sessionId.replace(/[^A-Za-z0-9-]/g, '').slice(0, 8)}` : '';
  return kind === 'report'
    ? `uqudo-report${session}-${stamp}.json`
    : `uqudo-requests${session}-${stamp}.har`;
}

/** The notice after an export. */
export function describeExported(name: string, captures: number, sessions: number): string {
  return `Exported ${captures} token${captures === 1 ? '' : 's'} and ${sessions} session${sessions === 1 ? '' : 's'} to ${name}.`;
}

/** The notice after a report was imported. */
export function describeReportImport(captures: number, sessions: number, skipped: number): string {
  const tail =
    skipped > 0 ? ` (${skipped} malformed entr${skipped === 1 ? 'y' : 'ies'} skipped)` : '';
  return `Imported a report: ${captures} token${captures === 1 ? '' : 's'} and ${sessions} session${sessions === 1 ? '' : 's'}, marked imported — as the exporting panel saw them, not re-checked${tail}.`;
}

/** The notice when a file looked like a report but is not a readable one. */
export function describeReportFailure(reason: string): string {
  return `This report cannot be imported: ${reason}`;
}

/** Labels of the export controls. */
export const EXPORT_TEXT = {
  all: 'Export',
  session: 'Export session',
  allTitle: 'Save an evidence report (JSON) or the requests (HAR) of every capture, redacted',
  sessionTitle:
    'Save an evidence report (JSON) or the requests (HAR) of the selected session, redacted',
  personal: 'Include personal data',
  secrets: 'Also include secrets',
  report: 'Report (JSON)',
  har: 'Requests (HAR)',
  redactedNote:
    'Names, document numbers, dates, addresses, MRZ, photos and tokens are redacted; tokens keep a SHA-256 to match reports.',
  imported: 'imported',
  importedTitle: 'Reopened from an evidence report: checks as recorded there, not re-run',
  importedDetail:
    'Imported from an evidence report: the verdict and findings are as the exporting panel recorded them, not re-checked here, and the token itself is not in the report.',
} as const;

/** The import panel's line about reports. */
export const IMPORT_REPORT_HINT =
  'An evidence report exported by this panel (a .json whose first field says "uqudo-inspector-report") reopens here too: its rows are marked imported and their checks shown as recorded, not re-run.';
