// JSON output of the CLI: the contract's Inspection object (written by lib/format/json, linear in any nesting).
import type { Finding } from '../jose/findings';
import type { Inspection } from '../jose/inspect';

/** One token in a HAR file, as `scan --json` prints it. */
export interface ScanResult {
  entry: number;
  url: string;
  location: string;
  path?: string;
  inspection: Inspection;
}

/**
 * The Inspection exactly as the CLI contract shapes it: `format`, `header`, `payload`, `signature`,
 * `kind`, `inner` (only when present) and `findings` of `{severity, code, message}` — nothing else,
 * even if the engine adds fields.
 */
export function toInspectionJson(inspection: Inspection): Record<string, unknown> {
  const json: Record<string, unknown> = {
    format: inspection.format,
    header: inspection.header ?? null,
    payload: inspection.payload === undefined ? null : inspection.payload,
    signature: inspection.signature,
    kind: inspection.kind,
  };
  if (inspection.inner) json.inner = toInspectionJson(inspection.inner);
  json.findings = inspection.findings.map((finding: Finding) => ({
    severity: finding.severity,
    code: finding.code,
    message: finding.message,
  }));
  return json;
}

/** A scan result in the contract's shape (`path` only when meaningful). */
export function toScanJson(result: ScanResult): Record<string, unknown> {
  const json: Record<string, unknown> = {
    entry: result.entry,
    url: result.url,
    location: result.location,
  };
  if (result.path !== undefined) json.path = result.path;
  json.inspection = toInspectionJson(result.inspection);
  return json;
}
