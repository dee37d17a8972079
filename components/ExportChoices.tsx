// ExportChoices: the open export menu — include personal data (with its warning), secrets, report or HAR.
import { useState } from 'preact/hooks';
import { PERSONAL_DATA_WARNING, SECRETS_WARNING } from '../lib/export/choice-text';
import { EXPORT_TEXT } from '../lib/export/text';

export interface ExportChoicesProps {
  /** Prefix of the test ids (`export`, `export-session`). */
  testId: string;
  busy: boolean;
  onExport: (kind: 'report' | 'har', includePersonal: boolean, includeSecrets: boolean) => void;
}

/** The choices of one export; nothing is included unless ticked here, every time. */
export function ExportChoices({ testId, busy, onExport }: ExportChoicesProps) {
  const [personal, setPersonal] = useState(false);
  const [secrets, setSecrets] = useState(false);
  const run = (kind: 'report' | 'har') => onExport(kind, personal, personal && secrets);
  return (
    <div class="export-choices" role="group" aria-label={EXPORT_TEXT.allTitle}>
      <label class="export-check">
        <input
          type="checkbox"
          data-testid={`${testId}-personal`}
          checked={personal}
          onChange={(event) => setPersonal(event.currentTarget.checked)}
        />
        {EXPORT_TEXT.personal}
      </label>
      {personal ? (
        <p class="export-warning" role="alert">
          {PERSONAL_DATA_WARNING}
        </p>
      ) : (
        <p class="muted export-note">{EXPORT_TEXT.redactedNote}</p>
      )}
      <label class="export-check">
        <input
          type="checkbox"
          data-testid={`${testId}-secrets`}
          disabled={!personal}
          checked={personal && secrets}
          onChange={(event) => setSecrets(event.currentTarget.checked)}
        />
        {EXPORT_TEXT.secrets}
      </label>
      {personal && secrets && (
        <p class="export-warning" role="alert">
          {SECRETS_WARNING}
        </p>
      )}
      <div class="export-actions">
        <button
          type="button"
          data-testid={`${testId}-report`}
          disabled={busy}
          onClick={() => run('report')}
        >
          {EXPORT_TEXT.report}
        </button>
        <button
          type="button"
          data-testid={`${testId}-har`}
          disabled={busy}
          onClick={() => run('har')}
        >
          {EXPORT_TEXT.har}
        </button>
      </div>
    </div>
  );
}
