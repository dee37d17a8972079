// Wording of export and import that loads with the panel: the buttons and the imported mark.

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
