// The summary's flagged items (problems and things to look at) with stable DOM anchors, for the overview's jump list.
import type { SectionId, SummarySection, UqudoSummary } from './types';

/** One problem or item to look at, named for the overview's list and anchored to its row. */
export interface FlaggedItem {
  /** DOM id of the item's row (see {@link buildItemAnchor}). */
  anchor: string;
  level: 'bad' | 'warn';
  /** Document type of the document the item belongs to, when it belongs to one. */
  documentType?: string;
  sectionTitle: string;
  label: string;
}

/**
 * The anchor base of a section: the view's prefix, the document (or `s` for session-wide
 * sections), the section's position and its id. Positions keep repeated section ids apart.
 */
export function buildSectionAnchor(
  prefix: string,
  documentIndex: number | undefined,
  sectionIndex: number,
  sectionId: SectionId,
): string {
  const scope = documentIndex === undefined ? 's' : `d${documentIndex}`;
  return `${prefix}-${scope}-${sectionIndex}-${sectionId}`;
}

/** The DOM id of a section's item row. */
export function buildItemAnchor(sectionAnchor: string, itemIndex: number): string {
  return `${sectionAnchor}-${itemIndex}`;
}

function collect(
  out: FlaggedItem[],
  sections: readonly SummarySection[],
  prefix: string,
  documentIndex: number | undefined,
  documentType: string | undefined,
): void {
  sections.forEach((section, sectionIndex) => {
    const base = buildSectionAnchor(prefix, documentIndex, sectionIndex, section.id);
    section.items.forEach((entry, itemIndex) => {
      if (entry.level !== 'bad' && entry.level !== 'warn') return;
      out.push({
        anchor: buildItemAnchor(base, itemIndex),
        level: entry.level,
        ...(documentType !== undefined && { documentType }),
        sectionTitle: section.title,
        label: entry.label,
      });
    });
  });
}

/**
 * Every `bad` and `warn` item of a summary in the order the view shows them (documents first,
 * then session-wide sections), with the DOM id its row gets under `prefix`.
 */
export function listFlaggedItems(summary: UqudoSummary, prefix: string): FlaggedItem[] {
  const out: FlaggedItem[] = [];
  summary.documents.forEach((document, index) =>
    collect(out, document.sections, prefix, index, document.documentType),
  );
  collect(out, summary.sections, prefix, undefined, undefined);
  return out;
}
