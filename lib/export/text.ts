// Wording of export and import that loads with the panel: the buttons, the imported mark, the notices.

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
