// ImageRefCard: one image the result references — its role and id, its Fetch button, and the fetched image right below.
import type { ImageResult } from '../lib/replay/slice';
import type { ImageRef } from '../lib/uqudo/summary';
import { ImageFetchButton } from './ImageFetchButton';
import { ImagePreview } from './ImagePreview';
import type { ReplayHost } from './ReplayPanel';

/** Props of {@link ImageRefCard}. */
export interface ImageRefCardProps {
  store: ReplayHost;
  imageRef: ImageRef;
  /** The image as fetched in this session, if it was. */
  image: ImageResult | undefined;
  sessionId: string | undefined;
  scope: string;
}

/** A card of the Images tab. */
export function ImageRefCard({ store, imageRef, image, sessionId, scope }: ImageRefCardProps) {
  const label = `${imageRef.key}${imageRef.documentType ? ` (${imageRef.documentType})` : ''}`;
  return (
    <div class="image-ref-card" data-testid="image-ref" data-image-id={imageRef.id}>
      <div class="image-ref-head">
        <strong>{label}</strong>
        <code class="muted image-preview-detail">{imageRef.id}</code>
        <ImageFetchButton
          store={store}
          imageRef={imageRef}
          scope={scope}
          {...(sessionId ? { sessionId } : {})}
        />
      </div>
      {image && (
        <FetchedImage image={image} onRemove={() => store.replay.removeImage(image.imageId)} />
      )}
    </div>
  );
}

/** A fetched image of the session through the shared ImagePreview. */
export function FetchedImage({ image, onRemove }: { image: ImageResult; onRemove: () => void }) {
  return (
    <ImagePreview
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
      onRemove={onRemove}
    />
  );
}
