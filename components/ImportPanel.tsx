// ImportPanel: paste a token (e.g. from mobile logs) or pick a HAR file; both use the capture pipeline.
import { useState } from 'preact/hooks';
import { IMPORT_REPORT_HINT } from '../lib/export/choice-text';
import type { PasteResult } from '../lib/store';

export interface ImportPanelProps {
  onPaste: (text: string) => PasteResult;
  onHarFile: (file: File) => void;
  onClose: () => void;
}

/** The paste box and HAR picker shown under the toolbar. */
export function ImportPanel({ onPaste, onHarFile, onClose }: ImportPanelProps) {
  const [text, setText] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | undefined>();

  const submit = (event: Event) => {
    event.preventDefault();
    const result = onPaste(text);
    if (result.ok) {
      setMessage({
        ok: true,
        text:
          result.tokens === 1
            ? 'Added 1 token to the list.'
            : `Added ${result.tokens} tokens to the list.`,
      });
      setText('');
    } else {
      setMessage({ ok: false, text: result.error });
    }
  };

  return (
    <section class="side-panel import-panel" aria-label="Paste a token or import a HAR file">
      <header class="side-panel-head">
        <h2>Paste a token</h2>
        <button type="button" aria-label="Close" title="Close" onClick={onClose}>
          ×
        </button>
      </header>
      <form onSubmit={submit}>
        <label class="field">
          <span>
            A compact JWS or JWE, a <code>Bearer …</code> header, or a log line that contains tokens
          </span>
          <textarea
            data-testid="paste-token"
            rows={4}
            spellcheck={false}
            autocomplete="off"
            value={text}
            onInput={(event) => setText(event.currentTarget.value)}
          />
        </label>
        <div class="form-actions">
          <button type="submit" data-testid="paste-submit" disabled={text.trim() === ''}>
            Check token
          </button>
          {message && (
            <span class={message.ok ? 'form-ok' : 'form-error'} role="status">
              {message.text}
            </span>
          )}
        </div>
      </form>
      <h2>Import a HAR file or an evidence report</h2>
      <p class="muted">
        Export one from the Network panel (“Save all as HAR with content”), then pick it here or
        drop it anywhere on this panel. Every token in it is checked like live traffic.
      </p>
      <p class="muted">{IMPORT_REPORT_HINT}</p>
      <input
        type="file"
        accept=".har,.json,application/json"
        data-testid="har-file"
        aria-label="HAR file or evidence report"
        // File inputs fire input then change on selection; onInput behaves the same with and
        // without preact/compat.
        onInput={(event) => {
          const file = event.currentTarget.files?.[0];
          event.currentTarget.value = '';
          if (file) onHarFile(file);
        }}
      />
    </section>
  );
}
