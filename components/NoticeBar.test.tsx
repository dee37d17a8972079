// @vitest-environment happy-dom
// Tests for NoticeBar: unavailable bodies, dropped captures and dismissable notices.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
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
    const harNotice = screen.getByText('HAR import failed: not JSON').closest('p')!;
    fireEvent.click(within(harNotice as HTMLElement).getByLabelText('Dismiss'));
    expect(onDismiss).toHaveBeenCalledWith(4);
  });

  it('wraps the URL inside the notice text and hides a dismissed count until it grows', () => {
    const props = {
      notices: [],
      unavailableBodies: { count: 2, lastUrl: 'https://a.example/r', lastNote: 'read as Blob' },
      dropped: 3,
      onDismiss: vi.fn(),
    };
    const view = render(<NoticeBar {...props} />);
    const notice = screen.getByTestId('notice-unavailable');
    // One text element holds the sentence and the URL, so the URL flows with the words.
    const text = notice.querySelector('.notice-text')!;
    expect(text.querySelector('.notice-url')?.textContent).toBe('https://a.example/r');
    expect(notice.firstElementChild).toBe(text);
    fireEvent.click(within(notice).getByLabelText('Dismiss'));
    expect(screen.queryByTestId('notice-unavailable')).toBeNull();
    fireEvent.click(within(screen.getByTestId('notice-dropped')).getByLabelText('Dismiss'));
    expect(view.container.textContent).toBe('');
    view.rerender(
      <NoticeBar {...props} unavailableBodies={{ ...props.unavailableBodies, count: 3 }} />,
    );
    expect(screen.getByTestId('notice-unavailable').textContent).toContain('3 bodies');
    expect(screen.queryByTestId('notice-dropped')).toBeNull();
  });
});
