// ExportMenu: the Export button; its choices (ExportChoices) dispatch one store action per export.
import { useContext, useState } from 'preact/hooks';
import type { ReportScope } from '../lib/export/schema';
import { EXPORT_TEXT } from '../lib/export/text';
import { LazyExportChoices as ExportChoices } from './lazy/LazyExportChoices';
import { StoreContext } from './store-context';
import './export.css';

export interface ExportMenuProps {
  scope: ReportScope;
  /** `all` in the toolbar, `session` beside the selected capture. */
  variant: 'all' | 'session';
}

/** A button that opens the export choices. */
export function ExportMenu({ scope, variant }: ExportMenuProps) {
  // Optional: the toolbar is also rendered alone (its own tests), where there is nothing to export.
  const store = useContext(StoreContext);
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const testId = variant === 'all' ? 'export' : 'export-session';
  if (!store) return null;
  const onExport = (kind: 'report' | 'har', includePersonal: boolean, includeSecrets: boolean) => {
    setBusy(true);
    void store.evidence
      .exportEvidence({ scope, kind, includePersonal, includeSecrets })
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
      {open && <ExportChoices testId={testId} busy={busy} onExport={onExport} />}
    </span>
  );
}
