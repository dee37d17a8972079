// @vitest-environment happy-dom
// Tests for AccessRow: the button until access is granted, and the words for each state.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { AccessRow } from './AccessRow';

const ORIGIN = 'https://id.uqudo.io';

afterEach(() => cleanup());

describe('AccessRow', () => {
  it('asks on click and explains a refusal', () => {
    const onRequest = vi.fn();
    render(<AccessRow origin={ORIGIN} state="refused" onRequest={onRequest} />);
    fireEvent.click(screen.getByTestId('replay-access'));
    expect(onRequest).toHaveBeenCalledOnce();
    const words = screen.getByTestId('replay-access-state');
    expect(words.dataset.state).toBe('refused');
    expect(words.textContent).toMatch(/Access was refused/);
  });

  it('hides the button once granted and says nothing while the state is unknown', () => {
    const view = render(<AccessRow origin={ORIGIN} state="granted" onRequest={() => undefined} />);
    expect(screen.queryByTestId('replay-access')).toBeNull();
    expect(screen.getByTestId('replay-access-state').textContent).toBe(
      `The extension may call ${ORIGIN}.`,
    );
    view.rerender(<AccessRow origin={ORIGIN} state={undefined} onRequest={() => undefined} />);
    expect(screen.getByTestId('replay-access-state').dataset.state).toBe('unknown');
    expect(screen.getByTestId('replay-access-state').textContent).toBe('');
  });
});
