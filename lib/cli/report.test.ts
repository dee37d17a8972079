// Tests for the readable CLI report: string shortening, escaping, and the Uqudo summary section.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Inspection } from '../jose/inspect';
import { formatInspectionReport, formatScanTable, formatString, formatValue } from './report';

/** 2026-01-01T00:00:00Z in Unix seconds: after the UAE ID fixture's expiry, before the passport's. */
const NOW = 1_767_225_600;

function fixture(name: string): Record<string, any> {
  return JSON.parse(
    readFileSync(new URL(`../uqudo/fixtures/${name}.json`, import.meta.url), 'utf8'),
  ) as Record<string, any>;
}

function signed(payload: unknown, kind: Inspection['kind'] = 'uqudo-result'): Inspection {
  return {
    format: 'jws',
    header: { alg: 'RS256', kid: 'rsa-main' },
    payload,
    signature: 'valid',
    kind,
    findings: [],
  };
}

/** The report's lines from the "Uqudo summary:" heading up to the blank line that ends it. */
function summaryLines(report: string): string[] {
  const lines = report.split('\n');
  const from = lines.findIndex((line) => line.startsWith('Uqudo summary:'));
  if (from < 0) return [];
  const end = lines.indexOf('', from);
  return lines.slice(from, end < 0 ? undefined : end);
}

describe('formatString', () => {
  it('keeps strings up to 120 characters whole', () => {
    const text = 'a'.repeat(120);
    expect(formatString(text)).toBe(`"${text}"`);
  });

  it('shows the first 60 characters and the length of a longer string', () => {
    const text = `${'b'.repeat(60)}${'c'.repeat(61)}`;
    expect(formatString(text)).toBe(`"${'b'.repeat(60)}…" (121 chars)`);
  });

  it('does not split a surrogate pair at the cut', () => {
    const text = `${'d'.repeat(59)}😀${'e'.repeat(100)}`;
    expect(formatString(text)).toBe(`"${'d'.repeat(59)}…" (${text.length} chars)`);
  });

  it('escapes terminal control characters, also in the shortened part', () => {
    const shown = formatString(`\u001b[2J${'x'.repeat(200)}`);
    expect(shown).not.toContain('\u001b');
    expect(shown).toMatch(/^"\\u001b\[2Jx+…" \(204 chars\)$/);
  });
});

describe('formatValue', () => {
  it('escapes terminal control and bidi characters and shortens long strings', () => {
    const shown = formatValue({
      'k\u001b[2J': 'evil\u001b]0;title\u0007\u202e',
      long: 'x'.repeat(500),
    });
    expect(shown).not.toMatch(/[\u001b\u0007\u202e]/);
    expect(shown).toContain('\\u001b[2J');
    expect(shown).toContain('⟨U+202E⟩');
    expect(shown).toContain(`"long": "${'x'.repeat(60)}…" (500 chars)`);
  });

  it('writes any nesting depth in size linear in it (deep levels on one line)', () => {
    let deep: unknown = 1;
    for (let level = 0; level < 50_000; level++) deep = [deep];
    const shown = formatValue(deep);
    expect(shown.length).toBeLessThan(2 * 100_001 + 1000);
    expect(shown.replace(/\s/g, '')).toBe(`${'['.repeat(50_000)}1${']'.repeat(50_000)}`);
  });
});

describe('formatInspectionReport — Uqudo summary', () => {
  it('puts the summary after the verdict and before the token details', () => {
    const report = formatInspectionReport(
      signed(fixture('passport')),
      { color: false },
      { now: NOW },
    );
    const lines = report.split('\n');
    const verdict = lines.findIndex((line) => line.startsWith('Verdict: signature valid'));
    const summary = lines.findIndex((line) => line.startsWith('Uqudo summary:'));
    const format = lines.findIndex((line) => line.startsWith('Format: JWS'));
    expect(verdict).toBe(0);
    expect(summary).toBeGreaterThan(verdict);
    expect(format).toBeGreaterThan(summary);
    expect(report).not.toMatch(/approved/i);
  });

  it('lists each document’s highlights, section items with level markers, images and photos', () => {
    const lines = summaryLines(
      formatInspectionReport(signed(fixture('passport')), { color: false }, { now: NOW }),
    );
    expect(lines[0]).toBe('Uqudo summary: 2 warn');
    expect(lines).toEqual(
      expect.arrayContaining([
        '  Document 1 of 1: PASSPORT',
        '    Name:        TEST SAMPLE',
        '    Number:      SAMPLE001',
        '    Nationality: UTO',
        '    Expiry:      2033-01-01',
        '    Document fraud checks',
        '      ✔ Screen detection: 3 / 100',
        '      ! Print detection: 24.5 / 100',
        '      · Camera resolution: 1920x1080, optimal',
        '  Session-wide',
        '    Source',
        '      · SDK type: KYC_MOBILE',
        '  Image references (4):',
        '    frontImageId       65a1f0c2e4b0a1b2c3d4e5f7  $.data.documents[0].scan.frontImageId',
        '  Inline photos (1):',
        '    image/jpeg, about 1.6 KB  $.data.documents[0].reading.data.photo',
      ]),
    );
    // A warn item says what it means on the next line; a good one does not.
    const print = lines.indexOf('      ! Print detection: 24.5 / 100');
    expect(lines[print + 1]).toMatch(
      /^ {8}Higher means more likely that the document is a printed/,
    );
    const screen = lines.indexOf('      ✔ Screen detection: 3 / 100');
    expect(lines[screen + 1]).toMatch(/^ {6}\S/);
    // The base64 photo itself is never part of the summary.
    expect(lines.join('\n')).not.toContain('/9j/4AAQ');
  });

  it('flags an expired document (by the given clock) and marks bad items', () => {
    const uaeId = signed(fixture('uae-id'));
    const lines = summaryLines(formatInspectionReport(uaeId, { color: false }, { now: NOW }));
    expect(lines[0]).toMatch(/^Uqudo summary: \d+ bad, \d+ warn$/);
    expect(lines).toContain('    Expiry:      2024-06-30 EXPIRED');
    expect(lines).toContain('      ✖ Lookup status: FAILED');
    expect(lines).toContain('        The government database lookup failed.');
    const before = summaryLines(
      formatInspectionReport(uaeId, { color: false }, { now: Date.UTC(2024, 0, 1) / 1000 }),
    );
    expect(before).toContain('    Expiry:      2024-06-30');
    expect(before.join('\n')).not.toContain('EXPIRED');
  });

  it('summarizes the decrypted inner result of a JWE', () => {
    const jwe: Inspection = {
      format: 'jwe',
      header: { alg: 'RSA-OAEP-256', enc: 'A256GCM' },
      payload: 'eyJ.inner.jws',
      signature: 'unverified',
      kind: 'uqudo-result',
      inner: signed(fixture('face-session')),
      findings: [],
    };
    const report = formatInspectionReport(jwe, { color: false }, { now: NOW });
    const lines = summaryLines(report);
    expect(lines).toContain('    Face session');
    expect(lines).toContain('      ✔ Match level: 5 of 5');
    expect(lines).toContain(
      '    auditTrailImageId  65c300000000000000000001  $.data.face.auditTrailImageId',
    );
    expect(report.indexOf('Uqudo summary:')).toBeLessThan(report.indexOf('Inner token'));
  });

  it('leaves the summary out for other kinds of token', () => {
    // (A JWE that was not decrypted is covered through runCli in run.test.ts.)
    const jwt = signed({ sub: 'someone', data: { documents: [] } }, 'jwt');
    expect(formatInspectionReport(jwt, { color: false })).not.toContain('Uqudo summary');
    const accessToken = signed({ scope: 'KYC_INFO_SDK' }, 'uqudo-access-token');
    expect(formatInspectionReport(accessToken, { color: false })).not.toContain('Uqudo summary');
  });

  it('escapes and shortens untrusted text in the summary, and notes an odd payload', () => {
    const payload = fixture('passport');
    payload.data.documents[0].documentType = 'PASS\u001b[2JPORT';
    payload.data.verifications[0].documentType = 'PASS\u001b[2JPORT';
    payload.data.documents[0].reading.data.mrz.documentNumber = `N${'9'.repeat(300)}`;
    const lines = summaryLines(formatInspectionReport(signed(payload), { color: false }));
    expect(lines).toContain('  Document 1 of 1: PASS⟨U+001B⟩[2JPORT');
    const number = lines.find((line) => line.startsWith('    Number:'));
    expect(number).toMatch(/^ {4}Number: {6}N9{59}… \(\d+ chars\)$/);
    expect(lines.join('\n')).not.toContain('\u001b');

    const odd = summaryLines(
      formatInspectionReport(signed({ iss: 'https://id.uqudo.io' }), { color: false }),
    );
    expect(odd[0]).toBe('Uqudo summary:');
    expect(odd.some((line) => line.startsWith('  Note: '))).toBe(true);
  });

  it('lists at most 100 image references and counts the rest', () => {
    const payload = fixture('passport');
    payload.data.documents[0].extra = Object.fromEntries(
      Array.from({ length: 150_000 }, (_, index) => [`x${index}ImageId`, `id-${index}`]),
    );
    // Also more payload lines than one push(...lines) call can take.
    const report = formatInspectionReport(signed(payload), { color: false });
    expect(report).toContain('"x149999ImageId": "id-149999"');
    const lines = summaryLines(report);
    const heading = lines.findIndex((line) => /^ {2}Image references \(\d+\):$/.test(line));
    const count = Number(/\((\d+)\)/.exec(lines[heading]!)![1]);
    expect(count).toBeGreaterThan(100);
    expect(lines[heading + 101]).toBe(`    … and ${count - 100} more (see --json)`);
    expect(lines[heading + 102]).toMatch(/^ {2}\S/);
  });

  it('colours level markers and the EXPIRED flag only when colour is on', () => {
    const uaeId = signed(fixture('uae-id'));
    const plain = formatInspectionReport(uaeId, { color: false }, { now: NOW });
    expect(plain).not.toContain('\u001b[');
    const coloured = formatInspectionReport(uaeId, { color: true }, { now: NOW });
    expect(coloured).toContain('2024-06-30 \u001b[31mEXPIRED\u001b[0m');
    expect(coloured).toContain('\u001b[31m✖\u001b[0m Lookup status: FAILED');
    expect(coloured).toContain('\u001b[33m!\u001b[0m Match level: 2 of 5');
    expect(coloured).toContain('\u001b[32m✔\u001b[0m Face match: match');
  });
});

describe('formatScanTable', () => {
  it('lays out more rows than one call can take arguments', () => {
    const inspection = signed({ sub: 'x' }, 'jwt');
    const results = Array.from({ length: 150_000 }, (_, entry) => ({
      entry,
      url: 'https://id.uqudo.io/api/v2/info',
      location: 'response.body',
      path: entry === 149_999 ? '$.a.much.longer.path' : '$.t',
      inspection,
    }));
    const lines = formatScanTable(results, { entries: 150_000, notes: [] }, { color: false }).split(
      '\n',
    );
    expect(lines[0]).toMatch(/^ENTRY +LOCATION +PATH {18}VERDICT/);
    expect(lines[1]).toMatch(/^0 +response\.body +\$\.t {19}valid +jwt /);
    expect(lines).toContain('150000 token sightings in 150000 HAR entries.');
  });
});
