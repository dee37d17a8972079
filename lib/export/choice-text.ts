// Wording of the export choices and the import drawer: what an export with personal data or secrets holds, reports.

/** The warning shown beside "Include personal data". */
export const PERSONAL_DATA_WARNING =
  'The file will contain names, document numbers, dates of birth, addresses, MRZ text and photos: share it only where that personal data may go.';

/** The warning shown beside "Also include secrets". */
export const SECRETS_WARNING =
  'The file will also contain tokens, cookies, Authorization headers and client secrets: anyone holding it can call Uqudo as you until they expire.';

/** The import panel's line about reports. */
export const IMPORT_REPORT_HINT =
  'An evidence report exported by this panel (a .json whose first field says "uqudo-inspector-report") reopens here too: its rows are marked imported and their checks shown as recorded, not re-run.';
