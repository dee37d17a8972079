// @vitest-environment happy-dom
// Tests for FindingList: ordering by severity, content of each row, empty state.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/preact';
import type { Finding } from '../lib/jose/findings';
import { FindingList, sortFindings } from './FindingList';

afterEach(cleanup);

const findings: Finding[] = [
  { severity: 'info', code: 'verified-with-key', message: 'Verified with key abc' },
  { severity: 'warning', code: 'jti-not-uuid', message: 'jti is not a UUID' },
  { severity: 'error', code: 'expired', message: 'Expired 2 min ago' },
  { severity: 'info', code: 'payload-not-json', message: 'Payload is text' },
  { severity: 'error', code: 'aud-mismatch', message: 'aud differs' },
];

describe('sortFindings', () => {
  it('puts errors first, then warnings, then info, stable within a severity', () => {
    expect(sortFindings(findings).map((finding) => finding.code)).toEqual([
      'expired',
      'aud-mismatch',
      'jti-not-uuid',
      'verified-with-key',
      'payload-not-json',
    ]);
    expect(findings[0]!.code).toBe('verified-with-key');
  });
});

describe('FindingList', () => {
  it('renders each finding with icon, severity word, message and code, errors first', () => {
    const { container } = render(<FindingList findings={findings} />);
    const rows = [...container.querySelectorAll('li.finding')];
    expect(rows).toHaveLength(5);
    expect(rows.map((row) => row.querySelector('.finding-severity')!.textContent)).toEqual([
      'error',
      'error',
      'warning',
      'info',
      'info',
    ]);
    const first = rows[0]!;
    expect(first.querySelector('.finding-message')!.textContent).toBe('Expired 2 min ago');
    expect(first.querySelector('.finding-code')!.textContent).toBe('expired');
    expect(first.querySelector('.finding-icon')!.getAttribute('aria-hidden')).toBe('true');
    expect(first.classList.contains('level-bad')).toBe(true);
    expect(rows[2]!.classList.contains('level-warn')).toBe(true);
  });

  it('says "No findings" for an empty list', () => {
    render(<FindingList findings={[]} />);
    expect(screen.getByText('No findings')).toBeTruthy();
  });
});

describe('FindingList — quoted values', () => {
  it('shows a value the engine quoted as data, with its bidi override named', () => {
    const spoof: Finding = {
      severity: 'error',
      code: 'key-not-found',
      message: 'No key with kid "x\u202e dilav erutangis ·" in jwks.json (known kids: "a").',
    };
    const { container } = render(<FindingList findings={[spoof]} />);
    const message = container.querySelector('.finding-message')!;
    expect(message.textContent).toBe(
      'No key with kid "x⟨U+202E⟩ dilav erutangis ·" in jwks.json (known kids: "a").',
    );
    expect(message.textContent).not.toContain('\u202e');
    expect([...message.querySelectorAll('.untrusted')].map((e) => e.textContent)).toEqual([
      '"x⟨U+202E⟩ dilav erutangis ·"',
      '"a"',
    ]);
  });
});
