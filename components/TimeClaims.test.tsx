// @vitest-environment happy-dom
// Tests for TimeClaims: dates, relative times, live countdown, expired vs valid, invalid claims.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/preact';
import { describeExpiry, formatCountdown } from '../lib/format/countdown';
import { TimeClaims, describeRelative, formatUtc } from './TimeClaims';

afterEach(cleanup);

const iat = 1_767_225_600; // 2026-01-01 00:00:00 UTC
const exp = iat + 1800;

function rowOf(container: Element, claim: string): HTMLElement {
  return container.querySelector(`tr[data-claim="${claim}"]`) as HTMLElement;
}

describe('formatting', () => {
  it('formats precise countdowns and UTC dates', () => {
    expect(formatCountdown(4 * 60 + 3)).toBe('4 min 03 s');
    expect(formatCountdown(42)).toBe('42 s');
    expect(formatCountdown(3600 + 5 * 60 + 9)).toBe('1 h 05 min 09 s');
    expect(formatUtc(iat * 1000)).toBe('2026-01-01 00:00:00 UTC');
  });

  it('describes relative times and expiry both ways', () => {
    const now = iat * 1000;
    // Relative times use the shared formatDuration: its two largest units.
    expect(describeRelative(now + 12 * 60_000, now)).toBe('in 12 min');
    expect(describeRelative(now + (12 * 60 + 30) * 1000, now)).toBe('in 12 min 30 s');
    expect(describeRelative(now - 45_000, now)).toBe('45 s ago');
    expect(describeRelative(now - (3 * 3600 + 2 * 60 + 5) * 1000, now)).toBe('3 h 2 min ago');
    expect(describeRelative(now + 7_200_000, now)).toBe('in 2 h');
    expect(describeRelative(now - (2 * 86400 + 5 * 3600) * 1000, now)).toBe('2 d 5 h ago');
    expect(describeRelative(now + 200, now)).toBe('now');
    expect(describeExpiry(now + 243_500, now)).toBe('expires in 4 min 03 s');
    expect(describeExpiry(now - 120_000, now)).toBe('expired 2 min ago');
    expect(describeExpiry(now - 300, now)).toBe('expired just now');
  });
});

describe('TimeClaims', () => {
  it('shows UTC dates, relative times and a countdown that follows `now`', () => {
    const payload = { iat, exp };
    const first = iat * 1000 + (1800 - 243) * 1000;
    const { container, rerender } = render(<TimeClaims payload={payload} now={first} />);
    expect(rowOf(container, 'iat').querySelector('.time-utc')!.textContent).toBe(
      '2026-01-01 00:00:00 UTC',
    );
    expect(rowOf(container, 'exp').querySelector('.time-utc')!.textContent).toBe(
      '2026-01-01 00:30:00 UTC',
    );
    expect(rowOf(container, 'iat').querySelector('.time-local')!.textContent).not.toBe('');
    expect(rowOf(container, 'iat').querySelector('.time-relative')!.textContent).toBe(
      '25 min 57 s ago',
    );
    const timer = screen.getByRole('timer');
    expect(timer.textContent).toBe('expires in 4 min 03 s');
    expect(timer.classList.contains('level-good')).toBe(true);
    expect(screen.getByText('lifetime (exp − iat): 30 min')).toBeTruthy();

    rerender(<TimeClaims payload={payload} now={first + 1000} />);
    expect(screen.getByRole('timer').textContent).toBe('expires in 4 min 02 s');
    expect(rowOf(container, 'iat').querySelector('.time-relative')!.textContent).toBe(
      '25 min 58 s ago',
    );
  });

  it('shows an expired token as expired, in the bad level', () => {
    render(<TimeClaims payload={{ iat, exp }} now={(exp + 125) * 1000} />);
    const timer = screen.getByRole('timer');
    expect(timer.textContent).toBe('expired 2 min 5 s ago');
    expect(timer.classList.contains('level-bad')).toBe(true);
  });

  it('flags a future nbf and a future iat', () => {
    const now = iat * 1000;
    render(<TimeClaims payload={{ iat: iat + 600, nbf: iat + 720 }} now={now} />);
    expect(screen.getByText('not valid yet: becomes valid in 12 min')).toBeTruthy();
    expect(screen.getByText('issued in the future (in 10 min)')).toBeTruthy();
    expect(screen.queryByRole('timer')).toBeNull();
  });

  it('shows non-numeric and out-of-range claims as invalid text without crashing', () => {
    const { container } = render(
      <TimeClaims payload={{ iat: 'yesterday', nbf: 1e300, exp: { when: 'soon' } }} now={0} />,
    );
    for (const claim of ['iat', 'nbf', 'exp']) {
      expect(rowOf(container, claim).querySelector('.time-invalid')!.textContent).toContain(
        'not a NumericDate',
      );
    }
    expect(rowOf(container, 'iat').querySelector('.time-raw')!.textContent).toBe('"yesterday"');
    expect(screen.queryByRole('timer')).toBeNull();
  });

  it('warns when a claim looks like milliseconds', () => {
    render(<TimeClaims payload={{ exp: exp * 1000 }} now={iat * 1000} />);
    expect(screen.getByText(/looks like milliseconds/)).toBeTruthy();
  });

  it('says so when the payload has no time claims or is not an object', () => {
    const { rerender } = render(<TimeClaims payload={{ sub: 'x' }} now={0} />);
    expect(screen.getByText('No time claims (iat, nbf, exp)')).toBeTruthy();
    rerender(<TimeClaims payload="plain text" now={0} />);
    expect(screen.getByText('No time claims (iat, nbf, exp)')).toBeTruthy();
  });
});
