// Tests for the shared text and duration formatters, the record guard and NumericDate conversion.
import { describe, expect, it } from 'vitest';
import { isRecord } from '../guards';
import { readNumericDateMs } from '../numeric-date';
import { formatClockDuration, formatRoughDuration } from './duration';
import { capText, shortenId } from './text';

describe('text', () => {
  it('caps text with an ellipsis and shortens long ids only', () => {
    expect(capText('abcdef', 3)).toBe('abc…');
    expect(capText('abc', 3)).toBe('abc');
    expect(shortenId('3f2a9c1e-7b4d-4e8f-9a01-23456789abcd')).toBe('3f2a9c1e…');
    expect(shortenId('1234567890123')).toBe('1234567890123');
  });
});

describe('durations', () => {
  it('rounds to seconds, minutes or hours', () => {
    expect(formatRoughDuration(-5)).toBe('0 s');
    expect(formatRoughDuration(119_000)).toBe('119 s');
    expect(formatRoughDuration(120_000)).toBe('2 min');
    expect(formatRoughDuration(119 * 60_000)).toBe('119 min');
    expect(formatRoughDuration(5 * 3_600_000)).toBe('5 h');
  });

  it('counts down like a clock', () => {
    expect(formatClockDuration(-1)).toBe('00:00');
    expect(formatClockDuration(249_999)).toBe('04:09');
    expect(formatClockDuration(3_849_000)).toBe('1:04:09');
  });
});

describe('guards and dates', () => {
  it('accepts plain objects only', () => {
    expect(isRecord({})).toBe(true);
    expect(isRecord([])).toBe(false);
    expect(isRecord(null)).toBe(false);
    expect(isRecord('x')).toBe(false);
  });

  it('converts finite NumericDates to milliseconds', () => {
    expect(readNumericDateMs(1.5)).toBe(1500);
    expect(readNumericDateMs(Number.NaN)).toBeUndefined();
    expect(readNumericDateMs('1')).toBeUndefined();
  });
});
