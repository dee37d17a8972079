// SummaryDocumentCard: one document of a summary — type, highlights, expiry, face match — and its section cards.
import type { DocumentSummary, Level } from '../lib/uqudo/summary';
import { buildSectionAnchor } from '../lib/uqudo/summary/flagged';
import { worstLevel } from '../lib/uqudo/summary/levels';
import { SummaryLevelMarker } from './SummaryLevelMarker';
import { SummarySectionCard } from './SummarySectionCard';
import { VisibleText } from './UntrustedText';

/** Props of {@link SummaryDocumentCard}. */
export interface SummaryDocumentCardProps {
  document: DocumentSummary;
  /** Position of the document in the summary, part of its rows' anchor ids. */
  index: number;
  /** The view's anchor prefix (unique per rendered summary). */
  anchorPrefix: string;
}

/** A document card: a header with the values people look at first, then its sections. */
export function SummaryDocumentCard({ document, index, anchorPrefix }: SummaryDocumentCardProps) {
  const { highlights, face } = document;
  const facts: Array<[string, string]> = [];
  if (highlights.fullName) facts.push(['Name', highlights.fullName]);
  if (highlights.documentNumber) facts.push(['Number', highlights.documentNumber]);
  if (highlights.nationality) facts.push(['Nationality', highlights.nationality]);
  if (highlights.dateOfBirth) facts.push(['Born', highlights.dateOfBirth]);
  const level = worstLevel(document.sections.flatMap((section) => section.items));
  // The face section's items carry the summary's own judgement of match and match level.
  const faceSection = document.sections.find((section) => section.id === 'face');
  const faceLevel: Level = faceSection
    ? worstLevel(faceSection.items)
    : face?.match === false
      ? 'bad'
      : 'info';
  return (
    <section
      class={`summary-document level-${level}`}
      aria-label={`Document ${document.documentType}`}
    >
      <header class="summary-document-header" title={document.path}>
        <SummaryLevelMarker level={level} />
        <strong class="summary-document-type">
          <VisibleText text={document.documentType} />
        </strong>
        {facts.map(([label, value]) => (
          <span key={label} class="summary-fact">
            <span class="muted">{label} </span>
            <VisibleText text={value} />
          </span>
        ))}
        {highlights.dateOfExpiry && (
          <span
            class={`summary-fact summary-expiry level-${highlights.expired === true ? 'bad' : highlights.expired === false ? 'good' : 'info'}`}
          >
            <span class="muted">Expires </span>
            <VisibleText text={highlights.dateOfExpiry} />
            {highlights.expired === true && <strong class="summary-expired"> expired</strong>}
          </span>
        )}
        {face && (face.matchLevel !== undefined || face.match !== undefined) && (
          <span class={`summary-fact summary-face level-${faceLevel}`}>
            <span class="muted">Face </span>
            {face.match === undefined ? '' : face.match ? 'match' : 'no match'}
            {face.matchLevel !== undefined && ` (level ${face.matchLevel} of 5)`}
          </span>
        )}
      </header>
      <div class="summary-cards">
        {document.sections.map((section, sectionIndex) => (
          <SummarySectionCard
            key={`${sectionIndex}-${section.id}`}
            section={section}
            anchor={buildSectionAnchor(anchorPrefix, index, sectionIndex, section.id)}
          />
        ))}
      </div>
    </section>
  );
}
