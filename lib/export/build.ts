// The export and import entry points the store loads on first use (kept out of the panel's first bundle).
import { buildHarSubset } from './har';
import type { ExportChoice, ExportInput } from './report';
import { buildEvidenceReport } from './report';
import { nameExportFile } from './file-text';

export { parseReport } from './parse';

/** The text of an export, its download name and how much it holds. */
export interface BuiltExport {
  name: string;
  type: string;
  text: string;
  captures: number;
  sessions: number;
}

/** Builds the report (JSON) or the HAR subset of an export input. */
export async function buildExport(
  input: ExportInput,
  choice: ExportChoice,
  kind: 'report' | 'har',
): Promise<BuiltExport> {
  const report = await buildEvidenceReport(input, choice);
  const sessionId = input.scope.kind === 'all' ? undefined : report.sessions[0]?.id;
  const name = nameExportFile(kind, input.now, sessionId);
  const body = kind === 'report' ? report : await buildHarSubset(input, choice);
  return {
    name,
    type: kind === 'report' ? 'application/json' : 'application/har+json',
    text: `${JSON.stringify(body, null, 2)}\n`,
    captures: report.captures.length,
    sessions: report.sessions.length,
  };
}
