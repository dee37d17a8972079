// ExportMenu: the Export button and its choices — include personal data (with a warning), secrets, report or HAR.
import { useContext, useState } from 'preact/hooks';
import type { ReportScope } from '../lib/export/schema';
import { EXPORT_TEXT, PERSONAL_DATA_WARNING, SECRETS_WARNING } from '../lib/export/text';
import { StoreContext } from './store-context';
import './export.css';

export interface ExportMenuProps {
  scope: ReportScope;
  /** `all` in the toolbar, `session` beside the selected capture. */
  variant: 'all' | 'session';
}

/** A button that opens the export choices; each choice dispatches one store action. */
export function ExportMenu({ scope, variant }: ExportMenuProps) {
  // Optional: the toolbar is also rendered alone (its own tests), where there is nothing to export.
  const store = useContext(StoreContext);
  const [open, setOpen] = useState(false);
  const [personal, setPersonal] = useState(false);
  const [secrets, setSecrets] = useState(false);
  const [busy, setBusy] = useState(false);
  const testId = variant === 'all' ? 'export' : 'export-session';
  if (!store) return null;
  const run = (kind: 'report' | 'har') => {
    setBusy(true);
    void store.evidence
      .exportEvidence({
        scope,
        kind,
        includePersonal: personal,
        includeSecrets: personal && secrets,
      })
      .finally(() => {
        setBusy(false);
        setOpen(false);
      });
  };
  return (
    <span class="export-menu">
      <button
        type="button"
        data-testid={testId}
        aria-expanded={open}
        title={variant === 'all' ? EXPORT_TEXT.allTitle : EXPORT_TEXT.sessionTitle}
        onClick={() => setOpen(!open)}
      >
        {variant === 'all' ? EXPORT_TEXT.all : EXPORT_TEXT.session}
      </button>
      {open && (
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
      )}
    </span>
  );
}
