// @vitest-environment happy-dom
// Tests for ImportPanel: pasting text and picking a HAR file.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { ImportPanel } from './ImportPanel';

afterEach(cleanup);

describe('ImportPanel', () => {
  it('submits pasted text and shows the outcome', () => {
    const onPaste = vi
      .fn()
      .mockReturnValueOnce({ ok: false, error: 'Paste a token first.' })
      .mockReturnValueOnce({ ok: true, tokens: 2 });
    render(<ImportPanel onPaste={onPaste} onHarFile={() => undefined} onClose={() => undefined} />);
    const submit = screen.getByTestId('paste-submit') as HTMLButtonElement;
    expect(submit.disabled).toBe(true);
    fireEvent.input(screen.getByTestId('paste-token'), { target: { value: 'x' } });
    fireEvent.click(submit);
    expect(screen.getByRole('status').textContent).toBe('Paste a token first.');
    fireEvent.input(screen.getByTestId('paste-token'), { target: { value: 'a b' } });
    fireEvent.click(submit);
    expect(onPaste).toHaveBeenLastCalledWith('a b');
    expect(screen.getByRole('status').textContent).toBe('Added 2 tokens to the list.');
    expect((screen.getByTestId('paste-token') as HTMLTextAreaElement).value).toBe('');
  });

  it('hands a picked HAR file over', () => {
    const onHarFile = vi.fn();
    render(<ImportPanel onPaste={vi.fn()} onHarFile={onHarFile} onClose={() => undefined} />);
    const picker = screen.getByTestId('har-file');
    const file = new File(['{}'], 'b.har');
    Object.defineProperty(picker, 'files', { value: [file], configurable: true });
    fireEvent.input(picker);
    expect(onHarFile).toHaveBeenCalledWith(file);
  });
});
