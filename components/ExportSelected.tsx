// ExportSelected: "Export session" for the selected capture, or the imported note when the row came from a report.
import { selectSelectedCapture } from '../lib/store';
import { EXPORT_TEXT } from '../lib/export/text';
import { ExportMenu } from './ExportMenu';
import { useInspector } from './store-context';

/** The export control of the detail pane (nothing without a selection). */
export function ExportSelected() {
  const selected = useInspector(selectSelectedCapture);
  if (!selected) return null;
  if (selected.imported) {
    return (
      <p class="imported-note" data-testid="imported-note">
        {EXPORT_TEXT.importedDetail}
      </p>
    );
  }
  return (
    <div class="export-selected">
      <ExportMenu scope={{ kind: 'capture', captureId: selected.id }} variant="session" />
    </div>
  );
}
