// Tests for the CLI's JSON shaping and argument parsing.
import { describe, expect, it } from 'vitest';
import type { Inspection } from '../jose/inspect';
import { parseArguments, parseNow } from './args';
import { toInspectionJson, toScanJson } from './json';

const inspection: Inspection = {
  format: 'jwe',
  header: { alg: 'RSA-OAEP-256', enc: 'A256GCM' },
  payload: null,
  signature: 'unverified',
  kind: 'unknown',
  findings: [{ severity: 'info', code: 'encrypted', message: 'Encrypted.' }],
};

describe('toInspectionJson', () => {
  it('keeps exactly the contract keys, in order, with inner only when present', () => {
    const extended = {
      ...inspection,
      engineExtra: 1,
      inner: { ...inspection, format: 'jws', inner: undefined, debug: true },
      findings: [{ ...inspection.findings[0]!, detail: 'x' }],
    } as unknown as Inspection;
    const json = toInspectionJson(extended);
    expect(Object.keys(json)).toEqual([
      'format',
      'header',
      'payload',
      'signature',
      'kind',
      'inner',
      'findings',
    ]);
    expect(Object.keys(json.inner as object)).toEqual([
      'format',
      'header',
      'payload',
      'signature',
      'kind',
      'findings',
    ]);
    expect(json.findings).toEqual([{ severity: 'info', code: 'encrypted', message: 'Encrypted.' }]);
    expect(Object.keys(toInspectionJson(inspection))).not.toContain('inner');
  });

  it('adds path to a scan result only when there is one', () => {
    expect(
      Object.keys(toScanJson({ entry: 1, url: 'u', location: 'response.body', inspection })),
    ).toEqual(['entry', 'url', 'location', 'inspection']);
    expect(
      toScanJson({ entry: 1, url: 'u', location: 'request.query', path: 't', inspection }).path,
    ).toBe('t');
  });
});

describe('parseArguments / parseNow', () => {
  it('parses repeatable and = forms, and -- ends the options', () => {
    const parsed = parseArguments([
      'inspect',
      '--keys',
      'a.json',
      '--keys=b.pem',
      '--allow-alg',
      'RS256',
      '--leeway=30',
      '--expect-session-id',
      's1',
      '--json',
      '--',
      '-not-an-option',
    ]);
    expect(parsed).toEqual({
      ok: true,
      args: {
        command: 'inspect',
        input: '-not-an-option',
        keyFiles: ['a.json', 'b.pem'],
        expectations: { sessionId: 's1' },
        allowedAlgs: ['RS256'],
        leeway: 30,
        json: true,
        strict: false,
        help: false,
      },
    });
  });

  it('reads Unix seconds and ISO 8601, and refuses anything else', () => {
    expect(parseNow('1767225600')).toBe(1_767_225_600);
    expect(parseNow('1767225600.5')).toBe(1_767_225_600.5);
    expect(parseNow('2026-01-01T00:00:00Z')).toBe(1_767_225_600);
    expect(parseNow('2026-01-01T04:00:00+04:00')).toBe(1_767_225_600);
    expect(parseNow('2026-01-01T00:00:00.250Z')).toBe(1_767_225_600.25);
    expect(parseNow('2026-01-01')).toBe(1_767_225_600);
    for (const bad of ['yesterday', '', '-5', '1e9', '2026-13-45T00:00:00Z', 'Jan 1 2026']) {
      expect(parseNow(bad)).toBeUndefined();
    }
  });
});
