// InlinePhotoPreview: a photo carried inside the result (e.g. the chip photo), shown from a data URL.
import { describeHiddenPhoto } from '../lib/replay/replay-text';
import { selectInlinePhotoView } from '../lib/replay/selectors';
import type { InlinePhoto } from '../lib/uqudo/summary';
import { ImagePreview } from './ImagePreview';

/** Props of {@link InlinePhotoPreview}. */
export interface InlinePhotoPreviewProps {
  photo: InlinePhoto;
  /** Session the photo belongs to (used in the download name). */
  sessionId?: string;
}

/** The photo as a picture when it is a known, capped image type; otherwise why it is not shown. */
export function InlinePhotoPreview({ photo, sessionId }: InlinePhotoPreviewProps) {
  const view = selectInlinePhotoView(photo, sessionId);
  if (!view.usable) {
    return (
      <ImagePreview
        label={view.label}
        detail={photo.path}
        state="failed"
        failure={describeHiddenPhoto(view.mimeType, photo.approxBytes)}
      />
    );
  }
  return (
    <ImagePreview
      label={view.label}
      detail={photo.path}
      state="loaded"
      src={view.src}
      mimeType={view.mimeType}
      byteSize={photo.approxBytes}
      fileName={view.fileName}
    />
  );
}
