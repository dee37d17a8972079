// @vitest-environment happy-dom
// Tests for NoticeBar: unavailable bodies, dropped captures and dismissable notices.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { NoticeBar } from './NoticeBar';

afterEach(cleanup);

describe('NoticeBar', () => {
  it('renders nothing when there is nothing to say', () => {
    const { container } = render(
      <NoticeBar
        notices={[]}
        unavailableBodies={undefined}
        dropped={0}
        onDismiss={() => undefined}
      />,
    );
    expect(container.textContent).toBe('');
  });

  it('explains unavailable bodies and dropped captures, and dismisses notices', () => {
    const onDismiss = vi.fn();
    render(
      <NoticeBar
        notices={[{ id: 4, level: 'error', text: 'HAR import failed: not JSON' }]}
        unavailableBodies={{ count: 2, lastUrl: 'https://a.example/r', lastNote: 'read as Blob' }}
        dropped={1}
        onDismiss={onDismiss}
      />,
    );
    expect(screen.getByTestId('notice-unavailable').textContent).toContain(
      '2 bodies were not available to DevTools (last: https://a.example/r — read as Blob)',
    );
    expect(screen.getByTestId('notice-dropped').textContent).toContain(
      '1 older capture was dropped',
    );
    fireEvent.click(screen.getByLabelText('Dismiss'));
    expect(onDismiss).toHaveBeenCalledWith(4);
  });
});
