// SummarySectionCard: one titled section of a summary as a card coloured by its worst item.
import type { SummarySection } from '../lib/uqudo/summary';
import { buildItemAnchor } from '../lib/uqudo/summary/flagged';
import { worstLevel } from '../lib/uqudo/summary/levels';
import { SummaryLevelMarker } from './SummaryLevelMarker';
import { SummaryRow } from './SummaryRow';

/** Props of {@link SummarySectionCard}. */
export interface SummarySectionCardProps {
  section: SummarySection;
  /** The section's anchor base (buildSectionAnchor); each row's id derives from it. */
  anchor: string;
}

/** A section card: title with its worst level, then one row per item. */
export function SummarySectionCard({ section, anchor }: SummarySectionCardProps) {
  const level = worstLevel(section.items);
  return (
    <section
      class={`summary-card level-${level}`}
      data-section={section.id}
      aria-label={section.title}
    >
      <h4 class="summary-card-title">
        <SummaryLevelMarker level={level} />
        {section.title}
      </h4>
      <ul class="summary-items">
        {section.items.map((entry, index) => (
          <SummaryRow key={index} entry={entry} id={buildItemAnchor(anchor, index)} />
        ))}
      </ul>
    </section>
  );
}
