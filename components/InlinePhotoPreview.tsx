// InlinePhotoPreview: a picture inlined in a result (chip photo, lookup portrait), shown only when its bytes are JPEG/PNG.
import { assessInlinePhoto, type InlinePhoto } from '../lib/uqudo/summary';
import { ImagePreview } from './ImagePreview';

/** Props of {@link InlinePhotoPreview}. */
export interface InlinePhotoPreviewProps {
  photo: InlinePhoto;
  /** Prefix of the download name, e.g. the session id. */
  sessionId?: string;
}

const EXTENSIONS: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/jp2': 'jp2',
};

/** One inline photo through the same ImagePreview as fetched images; the decision is made in lib. */
export function InlinePhotoPreview({ photo, sessionId }: InlinePhotoPreviewProps) {
  const display = assessInlinePhoto(photo);
  const label = `${photo.label}${photo.documentType ? ` (${photo.documentType})` : ''}`;
  if (display.kind === 'withhold') {
    return (
      <ImagePreview
        label={label}
        detail={photo.path}
        state="failed"
        failure={{
          title: 'Not shown',
          detail: display.reason,
          action: 'Copy it from the payload tree if you need it.',
        }}
      />
    );
  }
  const name = photo.source === 'chip' ? 'chip-photo' : 'lookup-photo';
  return (
    <ImagePreview
      label={label}
      detail={photo.path}
      state="loaded"
      // The type comes from the bytes, never from the payload's declaration.
      src={`data:${display.type};base64,${photo.base64}`}
      mimeType={display.type}
      byteSize={photo.approxBytes}
      fileName={`${sessionId ? `${sessionId}-` : ''}${name}.${EXTENSIONS[display.type] ?? 'bin'}`}
    />
  );
}
