// Tests for the one duration home: claim-style durations, relative times, countdowns and replay timings.
import { describe, expect, it } from 'vitest';
import {
  describeExpiryTime,
  describeRelativeTime,
  formatDuration,
  formatElapsedMs,
} from './duration';

const NOW = 1_760_000_000;

describe('formatDuration', () => {
  it.each([
    [0, '0 s'],
    [12, '12 s'],
    [303, '5 min 3 s'],
    [3600, '1 h'],
    [3660, '1 h 1 min'],
    [7325, '2 h 2 min'],
    [93_784, '1 d 2 h'],
    [2 * 86_400, '2 d'],
    [-65, '1 min 5 s'],
    // Only adjacent units, and part seconds are dropped (as in the panel's countdown).
    [3605, '1 h'],
    [86_400 + 59, '1 d'],
    [59.9, '59 s'],
    [0.4, '0 s'],
    [Number.POSITIVE_INFINITY, 'an unbounded time'],
    [Number.NaN, 'an unbounded time'],
  ])('%d s → %s', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });
});

describe('describeRelativeTime / describeExpiryTime', () => {
  it("say relative times in the duration formatter's words", () => {
    expect(describeRelativeTime(NOW + 720, NOW)).toBe('in 12 min');
    expect(describeRelativeTime(NOW - 3 * 3600 - 120, NOW)).toBe('3 h 2 min ago');
    expect(describeRelativeTime(NOW, NOW)).toBe('now');
    expect(describeExpiryTime(NOW + 65, NOW)).toBe('expires in 1 min 5 s');
    expect(describeExpiryTime(NOW - 180, NOW)).toBe('expired 3 min ago');
    expect(describeExpiryTime(NOW, NOW)).toBe('expired just now');
  });
});

describe('formatElapsedMs', () => {
  it('says milliseconds under a second, else tenths of seconds', () => {
    expect(formatElapsedMs(85.4)).toBe('85 ms');
    expect(formatElapsedMs(999)).toBe('999 ms');
    expect(formatElapsedMs(1234)).toBe('1.2 s');
  });
});
