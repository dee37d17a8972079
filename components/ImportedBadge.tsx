// ImportedBadge: the "imported" mark on a list row reopened from an evidence report.
import { EXPORT_TEXT } from '../lib/export/text';
import './export.css';

/** A small badge saying the row's checks come from a report, not from this panel. */
export function ImportedBadge() {
  return (
    <span class="imported-badge" data-testid="imported-badge" title={EXPORT_TEXT.importedTitle}>
      {EXPORT_TEXT.imported}
    </span>
  );
}
