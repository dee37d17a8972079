// Readable (non-JSON) CLI output: one inspection as a report, a HAR scan as a table. Text only.
import type { Finding, Severity } from '../jose/findings';
import { findInnermost, verdictOf, type Inspection, type Verdict } from '../jose/inspect';
import { findSessionId } from '../uqudo/session-id';
import {
  formatBytes,
  summarizeUqudoResult,
  type DocumentSummary,
  type Level,
  type SummarySection,
  type UqudoSummary,
} from '../uqudo/summary';
import type { ScanResult } from './json';
import { clipText, formatValue, oneLine } from './text';
import { formatTimeClaims } from './times';

export { formatString, formatValue } from './text';

/** Output styling: ANSI colours only when writing to a terminal. */
export interface ReportStyle {
  color: boolean;
}

/** What the readable report needs besides the inspection. */
export interface ReportOptions {
  /** The time of the check in Unix seconds (the CLI's `--now`), for expired documents; default now. */
  now?: number;
}

/** Image references listed in the readable report's summary; the rest are counted. */
const MAX_SHOWN_IMAGES = 100;

const ANSI = { red: 31, green: 32, yellow: 33, blue: 34, dim: 2, bold: 1 } as const;

function paint(style: ReportStyle, code: keyof typeof ANSI, text: string): string {
  return style.color ? `\u001b[${ANSI[code]}m${text}\u001b[0m` : text;
}

const MARKERS: Record<Severity, { marker: string; color: keyof typeof ANSI }> = {
  error: { marker: '✖ error  ', color: 'red' },
  warning: { marker: '⚠ warning', color: 'yellow' },
  info: { marker: 'ℹ info   ', color: 'blue' },
};

/** Summary item levels, marked like the findings so the two read alike. */
const LEVEL_MARKERS: Record<Level, { marker: string; color: keyof typeof ANSI }> = {
  good: { marker: '✔', color: 'green' },
  warn: { marker: '!', color: 'yellow' },
  bad: { marker: '✖', color: 'red' },
  info: { marker: '·', color: 'dim' },
};

/** The verdict in words. Diagnostics only: a good result reads "signature valid", never "approved". */
function describeVerdict(verdict: Verdict): string {
  switch (verdict) {
    case 'valid':
      return 'signature valid';
    case 'invalid':
      return 'invalid';
    case 'unverified':
      return 'signature not verified (no key given)';
    case 'unsupported':
      return 'signature not checked (unsupported algorithm)';
    case 'malformed':
      return 'malformed (not a compact JWS/JWE)';
    case 'encrypted':
      return 'encrypted (give --decrypt-key to read it)';
  }
}

function verdictColor(verdict: Verdict): keyof typeof ANSI {
  if (verdict === 'valid') return 'green';
  if (verdict === 'invalid' || verdict === 'malformed') return 'red';
  return 'yellow';
}

/**
 * A readable report of one inspection: verdict, the Uqudo summary for an SDK result (also inside a
 * decrypted JWE), then header, payload, findings and any inner token.
 */
export function formatInspectionReport(
  inspection: Inspection,
  style: ReportStyle,
  options: ReportOptions = {},
): string {
  const verdict = verdictOf(inspection);
  const counts = countSeverities(inspection);
  const tally = [
    counts.error ? `${counts.error} error${counts.error === 1 ? '' : 's'}` : '',
    counts.warning ? `${counts.warning} warning${counts.warning === 1 ? '' : 's'}` : '',
  ]
    .filter(Boolean)
    .join(', ');
  const lines = [
    `${paint(style, 'bold', 'Verdict:')} ${paint(style, verdictColor(verdict), describeVerdict(verdict))}${tally ? ` — ${tally}` : ''}`,
  ];
  const sessionId = findSessionId(inspection);
  if (sessionId) lines.push(`${paint(style, 'bold', 'Session:')} ${oneLine(sessionId)}`);
  const result = findUqudoResult(inspection);
  if (result) {
    const summary = summarizeUqudoResult(
      result.payload,
      options.now === undefined ? {} : { now: options.now * 1000 },
    );
    lines.push('');
    appendLines(lines, formatUqudoSummary(summary, style));
  }
  lines.push('');
  const now = options.now ?? Date.now() / 1000;
  appendLines(lines, formatSection(inspection, style, '', now));
  lines.push(
    '',
    paint(style, 'dim', 'Diagnostics for developers: trust decisions belong on your backend.'),
  );
  return `${lines.join('\n')}\n`;
}

function formatSection(
  inspection: Inspection,
  style: ReportStyle,
  indent: string,
  now: number,
): string[] {
  const lines = [
    `${indent}${paint(style, 'bold', 'Format:')} ${inspection.format.toUpperCase()}   ${paint(style, 'bold', 'Kind:')} ${inspection.kind}   ${paint(style, 'bold', 'Signature:')} ${inspection.signature}`,
  ];
  if (inspection.header !== null) {
    lines.push(`${indent}${paint(style, 'bold', 'Header:')}`);
    appendLines(lines, indentLines(formatValue(inspection.header), `${indent}  `));
  }
  if (inspection.payload !== null && inspection.payload !== undefined) {
    lines.push(`${indent}${paint(style, 'bold', 'Payload:')}`);
    appendLines(lines, indentLines(formatValue(inspection.payload), `${indent}  `));
    const times = formatTimeClaims(inspection.payload, now);
    if (times.length > 0) {
      lines.push(`${indent}${paint(style, 'bold', 'Times:')}`);
      for (const line of times) lines.push(`${indent}  ${line}`);
    }
  }
  lines.push(`${indent}${paint(style, 'bold', 'Findings:')}`);
  if (inspection.findings.length === 0) lines.push(`${indent}  (none)`);
  for (const finding of inspection.findings)
    lines.push(`${indent}  ${formatFinding(finding, style)}`);
  if (inspection.inner) {
    lines.push('', `${indent}${paint(style, 'bold', 'Inner token (decrypted):')}`);
    appendLines(lines, formatSection(inspection.inner, style, `${indent}  `, now));
  }
  return lines;
}

/** The innermost token (a JWE's decrypted JWS) when it is a Uqudo SDK result. */
function findUqudoResult(inspection: Inspection): Inspection | undefined {
  const innermost = findInnermost(inspection);
  return innermost.kind === 'uqudo-result' ? innermost : undefined;
}

function formatUqudoSummary(summary: UqudoSummary, style: ReportStyle): string[] {
  const { bad, warn } = summary.overall;
  const tally = [
    bad ? paint(style, 'red', `${bad} bad`) : '',
    warn ? paint(style, 'yellow', `${warn} warn`) : '',
  ]
    .filter(Boolean)
    .join(', ');
  const lines = [`${paint(style, 'bold', 'Uqudo summary:')}${tally ? ` ${tally}` : ''}`];
  summary.documents.forEach((document, index) => {
    appendLines(lines, formatDocument(document, index, summary.documents.length, style));
  });
  if (summary.sections.length > 0) {
    lines.push(`  ${paint(style, 'bold', 'Session-wide')}`);
    for (const section of summary.sections)
      appendLines(lines, formatSummarySection(section, style));
  }
  if (summary.images.length > 0) {
    lines.push(`  ${paint(style, 'bold', `Image references (${summary.images.length}):`)}`);
    const rows = summary.images
      .slice(0, MAX_SHOWN_IMAGES)
      .map((image) => [image.key, image.id, image.path].map(clipText));
    const keyWidth = rows.reduce((width, row) => Math.max(width, row[0]!.length), 0);
    const idWidth = rows.reduce((width, row) => Math.max(width, row[1]!.length), 0);
    for (const [key, id, path] of rows) {
      lines.push(
        `    ${key!.padEnd(keyWidth)}  ${id!.padEnd(idWidth)}  ${paint(style, 'dim', path!)}`,
      );
    }
    const hidden = summary.images.length - rows.length;
    if (hidden > 0) lines.push(`    ${paint(style, 'dim', `… and ${hidden} more (see --json)`)}`);
  }
  if (summary.inlinePhotos.length > 0) {
    lines.push(`  ${paint(style, 'bold', `Inline photos (${summary.inlinePhotos.length}):`)}`);
    for (const photo of summary.inlinePhotos) {
      lines.push(
        `    ${clipText(photo.mimeType)}, about ${formatBytes(photo.approxBytes)}  ${paint(style, 'dim', clipText(photo.path))}`,
      );
    }
  }
  for (const note of summary.notes)
    lines.push(`  ${paint(style, 'dim', `Note: ${clipText(note)}`)}`);
  return lines;
}

function formatDocument(
  document: DocumentSummary,
  index: number,
  count: number,
  style: ReportStyle,
): string[] {
  const { highlights } = document;
  const lines = [
    `  ${paint(style, 'bold', `Document ${index + 1} of ${count}:`)} ${clipText(document.documentType)}`,
  ];
  const facts: [string, string][] = [];
  if (highlights.fullName) facts.push(['Name', clipText(highlights.fullName)]);
  if (highlights.documentNumber) facts.push(['Number', clipText(highlights.documentNumber)]);
  if (highlights.nationality) facts.push(['Nationality', clipText(highlights.nationality)]);
  if (highlights.dateOfExpiry) {
    const expiry = clipText(highlights.dateOfExpiry);
    facts.push([
      'Expiry',
      highlights.expired ? `${expiry} ${paint(style, 'red', 'EXPIRED')}` : expiry,
    ]);
  }
  for (const [label, value] of facts) lines.push(`    ${`${label}:`.padEnd(13)}${value}`);
  for (const section of document.sections) appendLines(lines, formatSummarySection(section, style));
  return lines;
}

/** A section's items with level markers; bad and warn items also say what they mean. */
function formatSummarySection(section: SummarySection, style: ReportStyle): string[] {
  const lines = [`    ${clipText(section.title)}`];
  for (const item of section.items) {
    const { marker, color } = LEVEL_MARKERS[item.level] ?? LEVEL_MARKERS.info;
    lines.push(
      `      ${paint(style, color, marker)} ${clipText(item.label)}: ${clipText(item.value)}`,
    );
    if (item.detail && (item.level === 'bad' || item.level === 'warn')) {
      lines.push(`        ${paint(style, 'dim', clipText(item.detail))}`);
    }
  }
  return lines;
}

function formatFinding(finding: Finding, style: ReportStyle): string {
  const { marker, color } = MARKERS[finding.severity] ?? MARKERS.info;
  return `${paint(style, color, marker)} ${finding.code}: ${oneLine(finding.message)}`;
}

function countSeverities(inspection: Inspection): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (let current: Inspection | undefined = inspection; current; current = current.inner) {
    for (const finding of current.findings) counts[finding.severity]++;
  }
  return counts;
}

/**
 * Appends one line at a time: `push(...more)` passes every line as an argument, and a hostile
 * token can make more lines (or image ids, or HAR rows) than a call can take.
 */
function appendLines(target: string[], more: readonly string[]): void {
  for (const line of more) target.push(line);
}

function indentLines(text: string, indent: string): string[] {
  return text.split('\n').map((line) => `${indent}${line}`);
}

/** A readable table of a HAR scan: one row per token, then notes about bodies that were not read. */
export function formatScanTable(
  results: readonly ScanResult[],
  summary: { entries: number; notes: readonly { entry: number; url: string; note: string }[] },
  style: ReportStyle,
): string {
  const lines: string[] = [];
  if (results.length === 0) {
    lines.push(
      `No tokens found in ${summary.entries} HAR entr${summary.entries === 1 ? 'y' : 'ies'}.`,
    );
  } else {
    const rows = results.map((result) => {
      const verdict = verdictOf(result.inspection);
      const problems = allFindings(result.inspection)
        .filter((finding) => finding.severity !== 'info')
        .map((finding) => finding.code);
      return {
        cells: [
          String(result.entry),
          result.location,
          oneLine(result.path ?? ''),
          verdict,
          result.inspection.kind,
          shortJti(findSessionId(result.inspection)),
          [...new Set(problems)].join(','),
          oneLine(shortUrl(result.url)),
        ],
        verdict,
      };
    });
    const heading = ['ENTRY', 'LOCATION', 'PATH', 'VERDICT', 'KIND', 'JTI', 'FINDINGS', 'URL'];
    const widths = heading.map((title, column) =>
      rows.reduce((width, row) => Math.max(width, row.cells[column]!.length), title.length),
    );
    const render = (cells: string[]) =>
      cells
        .map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column]!)))
        .join('  ');
    lines.push(paint(style, 'bold', render(heading)));
    for (const row of rows) {
      const text = render(row.cells);
      lines.push(row.verdict === 'valid' ? text : paint(style, verdictColor(row.verdict), text));
    }
    lines.push(
      '',
      `${results.length} token sighting${results.length === 1 ? '' : 's'} in ${summary.entries} HAR entr${summary.entries === 1 ? 'y' : 'ies'}.`,
    );
  }
  for (const note of summary.notes) {
    lines.push(
      paint(style, 'dim', `entry ${note.entry} (${oneLine(shortUrl(note.url))}): ${note.note}`),
    );
  }
  return `${lines.join('\n')}\n`;
}

function allFindings(inspection: Inspection): Finding[] {
  const findings: Finding[] = [];
  for (let current: Inspection | undefined = inspection; current; current = current.inner) {
    findings.push(...current.findings);
  }
  return findings;
}

function shortJti(jti: string | undefined): string {
  if (!jti) return '-';
  return jti.length > 13 ? `${jti.slice(0, 8)}…` : jti;
}

function shortUrl(url: string): string {
  return url.length > 80 ? `${url.slice(0, 79)}…` : url;
}
