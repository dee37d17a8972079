// The notices after an export or a report import (loaded with the export code).

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
