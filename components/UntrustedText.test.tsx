// @vitest-environment happy-dom
// Tests for UntrustedText and VisibleText: quoted, isolated, invisible characters shown, long text shortened.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from '@testing-library/preact';
import { MAX_UNTRUSTED_CHARS, UntrustedText, VisibleText } from './UntrustedText';

afterEach(cleanup);

describe('UntrustedText', () => {
  it('quotes the text inside a bidi isolate and names a right-to-left override', () => {
    const { container } = render(<UntrustedText text={'abc\u202e · signature valid'} />);
    const shown = container.querySelector('.untrusted')!;
    expect(shown.textContent).toBe('"abc⟨U+202E⟩ · signature valid"');
    expect(shown.textContent).not.toContain('\u202e');
    expect(shown.querySelector('bdi')).not.toBeNull();
    expect(shown.querySelector('.untrusted-invisible')!.textContent).toBe('⟨U+202E⟩');
  });

  it('names zero-width, control, isolate and tag characters one by one', () => {
    const { container } = render(
      <UntrustedText text={'a\u200bb\u0007c\u2066d\u{e0041}e\u00adf'} quoted={false} />,
    );
    expect(container.textContent).toBe('a⟨U+200B⟩b⟨U+0007⟩c⟨U+2066⟩d⟨U+E0041⟩e⟨U+00AD⟩f');
    expect(container.querySelectorAll('.untrusted-invisible')).toHaveLength(5);
  });

  it('shortens long text and says how long it was', () => {
    const text = 'k'.repeat(MAX_UNTRUSTED_CHARS + 50);
    const { container } = render(<UntrustedText text={text} />);
    expect(container.textContent).toBe(
      `"${'k'.repeat(MAX_UNTRUSTED_CHARS)}…" (${(MAX_UNTRUSTED_CHARS + 50).toLocaleString('en-US')} chars)`,
    );
  });

  it('keeps Arabic and other ordinary text as it is', () => {
    const { container } = render(<VisibleText text="محمد Ali ✔" />);
    expect(container.textContent).toBe('محمد Ali ✔');
    expect(container.querySelector('.untrusted-invisible')).toBeNull();
  });
});
