// @vitest-environment happy-dom
// Tests for EmptyState: the reload hint and clearing a filter that hides everything.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { EmptyState } from './EmptyState';

afterEach(cleanup);

describe('EmptyState', () => {
  it('tells the user to reload when nothing was captured', () => {
    render(<EmptyState filtered={false} />);
    expect(screen.getByText('No tokens captured yet')).toBeTruthy();
    expect(screen.getByText('Reload the page')).toBeTruthy();
  });

  it('offers to clear a filter that hides everything', () => {
    const onClearFilter = vi.fn();
    render(<EmptyState filtered onClearFilter={onClearFilter} />);
    fireEvent.click(screen.getByText('Clear filter'));
    expect(onClearFilter).toHaveBeenCalledTimes(1);
  });
});
