// CopyButton: copies a text to the clipboard on click (Clipboard API with an execCommand fallback).
import { useEffect, useState } from 'preact/hooks';

/** How long the "Copied" / "Copy failed" feedback stays before the label comes back. */
export const COPY_FEEDBACK_MS = 1500;

/** Props of {@link CopyButton}. */
export interface CopyButtonProps {
  /**
   * The text to copy, or a function producing it (for values that are costly to serialise). A
   * function that throws copies nothing: the button says "Cannot copy" and its tooltip says why.
   */
  text: string | (() => string);
  /** Visible button label, e.g. "Copy" or "Copy JSON". */
  label: string;
  /** Tooltip; defaults to the label. */
  title?: string;
}

type CopyState = 'idle' | 'copied' | 'failed' | 'refused';

const FEEDBACK_WORDS: Partial<Record<CopyState, string>> = {
  copied: 'Copied',
  failed: 'Copy failed',
  refused: 'Cannot copy',
};

/**
 * Copies `text` to the clipboard. Tries `navigator.clipboard.writeText` first and falls back to a
 * hidden textarea + `document.execCommand('copy')`, because DevTools panels often reject the
 * Clipboard API (no focus / permission policy). Resolves to whether the copy succeeded; never throws.
 */
export async function copyText(text: string): Promise<boolean> {
  const clipboard = typeof navigator !== 'undefined' ? navigator.clipboard : undefined;
  if (clipboard && typeof clipboard.writeText === 'function') {
    try {
      await clipboard.writeText(text);
      return true;
    } catch {
      // Rejected (typical inside DevTools): fall through to the legacy path.
    }
  }
  return copyWithTextarea(text);
}

function copyWithTextarea(text: string): boolean {
  if (typeof document === 'undefined' || typeof document.execCommand !== 'function') return false;
  const textarea = document.createElement('textarea');
  textarea.value = text;
  textarea.setAttribute('readonly', '');
  textarea.setAttribute('aria-hidden', 'true');
  textarea.style.position = 'fixed';
  textarea.style.top = '0';
  textarea.style.left = '0';
  textarea.style.opacity = '0';
  const previousFocus = document.activeElement;
  document.body.appendChild(textarea);
  try {
    textarea.select();
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    textarea.remove();
    if (previousFocus instanceof HTMLElement) previousFocus.focus();
  }
}

/** A small button that copies `text` and briefly shows "Copied" (or "Copy failed"). */
export function CopyButton({ text, label, title }: CopyButtonProps) {
  const [state, setState] = useState<CopyState>('idle');
  const [refusal, setRefusal] = useState<string | undefined>(undefined);

  useEffect(() => {
    if (state === 'idle') return undefined;
    const timer = setTimeout(() => setState('idle'), COPY_FEEDBACK_MS);
    return () => clearTimeout(timer);
  }, [state]);

  const onClick = (event: Event) => {
    // Copy buttons sit inside clickable rows (tree toggles, list rows): keep the click here.
    event.stopPropagation();
    let value: string;
    try {
      value = typeof text === 'function' ? text() : text;
    } catch (error) {
      setRefusal(error instanceof Error ? error.message : String(error));
      setState('refused');
      return;
    }
    setRefusal(undefined);
    void copyText(value).then((ok) => setState(ok ? 'copied' : 'failed'));
  };

  const shown = FEEDBACK_WORDS[state] ?? label;
  return (
    <button
      type="button"
      class={`copy-button${state === 'idle' ? '' : ` copy-${state}`}`}
      title={state === 'refused' && refusal ? `Cannot copy: ${refusal}` : (title ?? label)}
      onClick={onClick}
    >
      <span aria-live="polite">{shown}</span>
    </button>
  );
}
