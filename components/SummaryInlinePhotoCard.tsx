// SummaryInlinePhotoCard: an inline photo (chip or lookup portrait) of a summary, with a copy-as-base64 button.
import type { InlinePhoto } from '../lib/uqudo/summary';
import { CopyButton } from './CopyButton';
import { InlinePhotoPreview } from './InlinePhotoPreview';

/** An inline photo (chip or lookup portrait) in the same image component the replay gallery uses. */
export function SummaryInlinePhotoCard({
  photo,
  sessionId,
}: {
  photo: InlinePhoto;
  sessionId?: string;
}) {
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
