// UqudoSummaryView: renders a UqudoSummary (documents, checks, risks, images) as cards with levels.
import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';
import type { ImageRef, UqudoSummary } from '../lib/uqudo/summary';
import { buildSectionAnchor } from '../lib/uqudo/summary/flagged';
import { SummaryDocumentCard } from './SummaryDocumentCard';
import { SummaryImageList } from './SummaryImageList';
import { SummaryInlinePhotoCard } from './SummaryInlinePhotoCard';
import { SummaryLevelMarker } from './SummaryLevelMarker';
import { SummaryOverview } from './SummaryOverview';
import { SummarySectionCard } from './SummarySectionCard';

/** Props of {@link UqudoSummaryView}. */
export interface UqudoSummaryViewProps {
  summary: UqudoSummary;
  /** Slot for per-image actions (the replay feature adds "fetch image" buttons here). */
  renderImageActions?: (ref: ImageRef) => ComponentChildren;
}

/** The readable explanation of a Uqudo SDK result: one card per section, red/amber/green. */
export function UqudoSummaryView({ summary, renderImageActions }: UqudoSummaryViewProps) {
  // One prefix per rendered summary keeps row ids unique when several summaries share a page.
  const anchorPrefix = `summary-${useId()}`;
  return (
    <div class="uqudo-summary">
      <SummaryOverview summary={summary} anchorPrefix={anchorPrefix} />
      {summary.notes.length > 0 && (
        <ul class="summary-notes">
          {summary.notes.map((note, index) => (
            <li key={index} class="level-warn">
              <SummaryLevelMarker level="warn" />
              {note}
            </li>
          ))}
        </ul>
      )}
      {summary.documents.map((document, index) => (
        <SummaryDocumentCard
          key={`${index}-${document.path}`}
          document={document}
          index={index}
          anchorPrefix={anchorPrefix}
        />
      ))}
      {summary.sections.length > 0 && (
        <div class="summary-cards">
          {summary.sections.map((section, index) => (
            <SummarySectionCard
              key={`${index}-${section.id}`}
              section={section}
              anchor={buildSectionAnchor(anchorPrefix, undefined, index, section.id)}
            />
          ))}
        </div>
      )}
      {summary.images.length > 0 && (
        <SummaryImageList images={summary.images} renderImageActions={renderImageActions} />
      )}
      {summary.inlinePhotos.map((photo) => (
        <SummaryInlinePhotoCard
          key={photo.path}
          photo={photo}
          {...(summary.sessionId !== undefined && { sessionId: summary.sessionId })}
        />
      ))}
    </div>
  );
}
