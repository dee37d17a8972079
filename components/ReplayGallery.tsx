// ReplayGallery: the images fetched by replays and the photos carried inside the selected result.
import type { ImageResult, ReplayActions } from '../lib/replay/slice';
import type { InlinePhoto } from '../lib/uqudo/summary';
import { ImagePreview } from './ImagePreview';
import { InlinePhotoPreview } from './InlinePhotoPreview';

/** Props of {@link ReplayGallery}. */
export interface ReplayGalleryProps {
  images: readonly ImageResult[];
  inlinePhotos: readonly InlinePhoto[];
  /** Session the photos belong to (used in download names). */
  sessionId: string | undefined;
  actions: ReplayActions;
}

/** The gallery grid; nothing is rendered while there is no image to show. */
export function ReplayGallery({ images, inlinePhotos, sessionId, actions }: ReplayGalleryProps) {
  if (images.length === 0 && inlinePhotos.length === 0) return null;
  return (
    <section class="replay-gallery" aria-label="Images">
      <h4 class="section-title">Images</h4>
      <div class="replay-gallery-grid">
        {images.map((image) => (
          <ImagePreview
            key={`${image.imageId}-${image.replayId}`}
            label={`${image.refKey}${image.documentType ? ` (${image.documentType})` : ''}`}
            detail={image.imageId}
            imageId={image.imageId}
            state={image.status}
            src={image.objectUrl}
            mimeType={image.mimeType}
            byteSize={image.byteSize}
            fileName={image.fileName}
            httpStatus={image.httpStatus}
            failure={image.failure}
            onRemove={() => actions.removeImage(image.imageId)}
          />
        ))}
        {inlinePhotos.map((photo) => (
          <InlinePhotoPreview key={photo.path} photo={photo} sessionId={sessionId} />
        ))}
      </div>
    </section>
  );
}
