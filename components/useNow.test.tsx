// @vitest-environment happy-dom
// Tests for useNow: re-renders with the current time on each interval tick and stops on unmount.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/preact';
import { useNow } from './useNow';

function Clock({ interval }: { interval?: number }) {
  return <output>{String(useNow(interval))}</output>;
}

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('useNow', () => {
  it('starts at Date.now() and advances every interval', () => {
    vi.useFakeTimers();
    vi.setSystemTime(1_000_000);
    render(<Clock />);
    expect(screen.getByRole('status').textContent).toBe('1000000');
    act(() => {
      vi.advanceTimersByTime(1000);
    });
    expect(screen.getByRole('status').textContent).toBe('1001000');
    act(() => {
      vi.advanceTimersByTime(3000);
    });
    expect(screen.getByRole('status').textContent).toBe('1004000');
  });

  it('honours a custom interval and stops ticking once unmounted', () => {
    vi.useFakeTimers();
    vi.setSystemTime(0);
    const { unmount } = render(<Clock interval={250} />);
    act(() => {
      vi.advanceTimersByTime(250);
    });
    expect(screen.getByRole('status').textContent).toBe('250');

    const reads = vi.spyOn(Date, 'now');
    act(() => {
      vi.advanceTimersByTime(500);
    });
    expect(screen.getByRole('status').textContent).toBe('750');
    expect(reads).toHaveBeenCalledTimes(2);

    unmount();
    reads.mockClear();
    vi.advanceTimersByTime(5000);
    expect(reads).not.toHaveBeenCalled();
  });
});
