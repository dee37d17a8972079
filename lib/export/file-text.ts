// Wording written into exported files: the report's redaction note and the download names.
import type { RedactionPolicy } from './redact';

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
