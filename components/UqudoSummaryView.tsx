// UqudoSummaryView: renders a UqudoSummary (documents, checks, risks, images) as cards with levels.
import type { ComponentChildren } from 'preact';
import {
  type DocumentSummary,
  type ImageRef,
  type InlinePhoto,
  type Level,
  type SummaryItem,
  type SummarySection,
  type UqudoSummary,
} from '../lib/uqudo/summary';
import { CopyButton } from './CopyButton';
import { VisibleText } from './UntrustedText';
import { InlinePhotoPreview } from './InlinePhotoPreview';

/** Word read by assistive technology (and shown on hover) for each level. */
const LEVEL_WORDS: Record<Level, string> = {
  good: 'ok',
  warn: 'attention',
  bad: 'problem',
  info: 'info',
};
const LEVEL_ICONS: Record<Level, string> = { good: '✔', warn: '▲', bad: '✖', info: '•' };
const LEVEL_RANK: Record<Level, number> = { bad: 3, warn: 2, good: 1, info: 0 };

/** The most severe level among items (`info` when there are none). */
export function worstLevel(items: readonly { level: Level }[]): Level {
  let worst: Level = 'info';
  for (const entry of items) {
    if ((LEVEL_RANK[entry.level] ?? 0) > LEVEL_RANK[worst]) worst = entry.level;
  }
  return worst;
}

/** Props of {@link UqudoSummaryView}. */
export interface UqudoSummaryViewProps {
  summary: UqudoSummary;
  /** Slot for per-image actions (the replay feature adds "fetch image" buttons here). */
  renderImageActions?: (ref: ImageRef) => ComponentChildren;
}

/** The readable explanation of a Uqudo SDK result: one card per section, red/amber/green. */
export function UqudoSummaryView({ summary, renderImageActions }: UqudoSummaryViewProps) {
  return (
    <div class="uqudo-summary">
      <p class="summary-overview">
        <LevelMarker
          level={summary.overall.bad > 0 ? 'bad' : summary.overall.warn > 0 ? 'warn' : 'good'}
        />
        <span>
          {summary.overall.bad} {summary.overall.bad === 1 ? 'problem' : 'problems'},{' '}
          {summary.overall.warn} to look at
        </span>
        <span class="muted"> — developer diagnostics; trust decisions belong on your backend.</span>
      </p>
      {summary.notes.length > 0 && (
        <ul class="summary-notes">
          {summary.notes.map((note, index) => (
            <li key={index} class="level-warn">
              <LevelMarker level="warn" />
              {note}
            </li>
          ))}
        </ul>
      )}
      {summary.documents.map((document, index) => (
        <DocumentCard key={`${index}-${document.path}`} document={document} />
      ))}
      {summary.sections.length > 0 && (
        <div class="summary-cards">
          {summary.sections.map((section, index) => (
            <SectionCard key={`${index}-${section.id}`} section={section} />
          ))}
        </div>
      )}
      {summary.images.length > 0 && (
        <ImageList images={summary.images} renderImageActions={renderImageActions} />
      )}
      {summary.inlinePhotos.map((photo) => (
        <InlinePhotoCard
          key={photo.path}
          photo={photo}
          {...(summary.sessionId !== undefined && { sessionId: summary.sessionId })}
        />
      ))}
    </div>
  );
}

/** A coloured icon with the level's word for screen readers. */
function LevelMarker({ level }: { level: Level }) {
  return (
    <span class={`level-marker level-${level}`} title={LEVEL_WORDS[level]}>
      <span aria-hidden="true">{LEVEL_ICONS[level] ?? '•'}</span>
      <span class="sr-only">{LEVEL_WORDS[level] ?? level}</span>
    </span>
  );
}

function DocumentCard({ document }: { document: DocumentSummary }) {
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
        <LevelMarker level={level} />
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
        {document.sections.map((section, index) => (
          <SectionCard key={`${index}-${section.id}`} section={section} />
        ))}
      </div>
    </section>
  );
}

function SectionCard({ section }: { section: SummarySection }) {
  const level = worstLevel(section.items);
  return (
    <section
      class={`summary-card level-${level}`}
      data-section={section.id}
      aria-label={section.title}
    >
      <h4 class="summary-card-title">
        <LevelMarker level={level} />
        {section.title}
      </h4>
      <ul class="summary-items">
        {section.items.map((entry, index) => (
          <SummaryRow key={index} entry={entry} />
        ))}
      </ul>
    </section>
  );
}

function SummaryRow({ entry }: { entry: SummaryItem }) {
  return (
    <li class={`summary-item level-${entry.level}`} title={entry.path}>
      <LevelMarker level={entry.level} />
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

function ImageList({
  images,
  renderImageActions,
}: {
  images: readonly ImageRef[];
  renderImageActions?: (ref: ImageRef) => ComponentChildren;
}) {
  return (
    <section class="summary-card summary-images level-info" aria-label="Image references">
      <h4 class="summary-card-title">Image references ({images.length})</h4>
      <table class="summary-image-table">
        <thead>
          <tr>
            <th scope="col">key</th>
            <th scope="col">document</th>
            <th scope="col">id</th>
            <th scope="col">JSON path</th>
            {renderImageActions && <th scope="col">actions</th>}
          </tr>
        </thead>
        <tbody>
          {images.map((ref) => (
            <tr key={ref.path} data-image-id={ref.id}>
              <td>
                <VisibleText text={ref.key} />
              </td>
              <td>
                {ref.documentType !== undefined ? <VisibleText text={ref.documentType} /> : '—'}
              </td>
              <td>
                <code>
                  <VisibleText text={ref.id} />
                </code>{' '}
                <CopyButton text={ref.id} label="Copy" title="Copy the image id" />
              </td>
              <td>
                <code class="muted">
                  <VisibleText text={ref.path} />
                </code>
              </td>
              {renderImageActions && (
                <td class="summary-image-actions">{renderImageActions(ref)}</td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      <p class="muted">
        Images are served by the Info API (GET /api/v1/info/img/&#123;id&#125;) and expire with the
        session.
      </p>
    </section>
  );
}

/** An inline photo (chip or lookup portrait) in the same image component the replay gallery uses. */
function InlinePhotoCard({ photo, sessionId }: { photo: InlinePhoto; sessionId?: string }) {
  return (
    <section
      class="summary-card summary-photo level-info"
      aria-label={`${photo.label}${photo.documentType ? ` (${photo.documentType})` : ''}`}
      title={photo.path}
    >
      <InlinePhotoPreview photo={photo} {...(sessionId !== undefined && { sessionId })} />
      <CopyButton
        text={photo.base64}
        label="Copy base64"
        title="Copy the photo as base64 (decode it to a file to view it)"
      />
    </section>
  );
}
