// @vitest-environment happy-dom
// Tests for CopyButton: Clipboard API, execCommand fallback, feedback text and its reset.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { COPY_FEEDBACK_MS, CopyButton, copyText } from './CopyButton';

function mockClipboard(writeText: (text: string) => Promise<void>) {
  Object.defineProperty(navigator, 'clipboard', {
    value: { writeText: vi.fn(writeText) },
    configurable: true,
  });
  return navigator.clipboard.writeText as ReturnType<typeof vi.fn>;
}

function mockExecCommand(result: boolean) {
  const exec = vi.fn((_command: string) => result);
  Object.defineProperty(document, 'execCommand', { value: exec, configurable: true });
  return exec;
}

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('copyText', () => {
  it('uses navigator.clipboard.writeText when it works', async () => {
    const writeText = mockClipboard(async () => undefined);
    const exec = mockExecCommand(true);
    await expect(copyText('abc')).resolves.toBe(true);
    expect(writeText).toHaveBeenCalledWith('abc');
    expect(exec).not.toHaveBeenCalled();
  });

  it('falls back to a hidden textarea and execCommand when the Clipboard API rejects', async () => {
    mockClipboard(async () => {
      throw new DOMException('Document is not focused', 'NotAllowedError');
    });
    let copiedFrom: string | undefined;
    const exec = vi.fn((command: string) => {
      copiedFrom = document.querySelector('textarea')?.value;
      return command === 'copy';
    });
    Object.defineProperty(document, 'execCommand', { value: exec, configurable: true });
    await expect(copyText('fallback text')).resolves.toBe(true);
    expect(exec).toHaveBeenCalledWith('copy');
    expect(copiedFrom).toBe('fallback text');
    expect(document.querySelector('textarea')).toBeNull();
  });

  it('reports failure when both paths fail', async () => {
    mockClipboard(async () => {
      throw new Error('denied');
    });
    mockExecCommand(false);
    await expect(copyText('x')).resolves.toBe(false);
  });
});

describe('CopyButton', () => {
  it('copies the text, shows "Copied", then returns to its label', async () => {
    vi.useFakeTimers();
    const writeText = mockClipboard(async () => undefined);
    render(<CopyButton text="eyJhbGciOi" label="Copy token" />);
    const button = screen.getByRole('button', { name: 'Copy token' });
    fireEvent.click(button);
    await vi.waitFor(() => expect(button.textContent).toBe('Copied'));
    expect(writeText).toHaveBeenCalledWith('eyJhbGciOi');
    act(() => {
      vi.advanceTimersByTime(COPY_FEEDBACK_MS + 10);
    });
    expect(button.textContent).toBe('Copy token');
  });

  it('evaluates a lazy text only when clicked', async () => {
    const writeText = mockClipboard(async () => undefined);
    const produce = vi.fn(() => '{"a":1}');
    render(<CopyButton text={produce} label="Copy JSON" title="Copy the whole value" />);
    expect(produce).not.toHaveBeenCalled();
    const button = screen.getByRole('button', { name: 'Copy JSON' });
    expect(button.getAttribute('title')).toBe('Copy the whole value');
    fireEvent.click(button);
    await vi.waitFor(() => expect(button.textContent).toBe('Copied'));
    expect(produce).toHaveBeenCalledTimes(1);
    expect(writeText).toHaveBeenCalledWith('{"a":1}');
  });

  it('says "Copy failed" when nothing could copy', async () => {
    mockClipboard(async () => {
      throw new Error('denied');
    });
    mockExecCommand(false);
    render(<CopyButton text="x" label="Copy" />);
    const button = screen.getByRole('button', { name: 'Copy' });
    fireEvent.click(button);
    await vi.waitFor(() => expect(button.textContent).toBe('Copy failed'));
  });
});
