// SummaryRow: one item of a summary section (label, value, level, explanation), focusable by its anchor id.
import type { SummaryItem } from '../lib/uqudo/summary';
import { SummaryLevelMarker } from './SummaryLevelMarker';
import { VisibleText } from './UntrustedText';

/** One item of a section; `id` is its stable anchor, so the overview's list can jump to it. */
export function SummaryRow({ entry, id }: { entry: SummaryItem; id: string }) {
  return (
    <li id={id} tabIndex={-1} class={`summary-item level-${entry.level}`} title={entry.path}>
      <SummaryLevelMarker level={entry.level} />
      <span class="summary-label">{entry.label}</span>
      <span class="summary-value">
        <VisibleText text={entry.value} />
      </span>
      {entry.detail && (
        <span class="summary-detail muted">
          <VisibleText text={entry.detail} />
        </span>
      )}
    </li>
  );
}
