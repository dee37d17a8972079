// ImagePreview: one image (fetched from the Info API or inlined in the payload) — preview, type, size, pixels, download.
import { useState } from 'preact/hooks';
import type { Explanation } from '../lib/replay/explain';
import { formatBytes } from '../lib/uqudo/summary';
import { ExplanationBasisNote } from './ExplanationBasisNote';

/** Image types Chrome renders in an <img>; anything else (e.g. JPEG 2000) is offered as a download. */
const DISPLAYABLE_TYPES = new Set([
  'image/jpeg',
  'image/jpg',
  'image/png',
  'image/gif',
  'image/webp',
  'image/bmp',
]);

/** Props of {@link ImagePreview}. */
export interface ImagePreviewProps {
  /** What the image is, e.g. "frontImageId (PASSPORT)" or "Chip photo". */
  label: string;
  /** Where it comes from: the image id or the JSON path. */
  detail?: string;
  /** The image id, exposed as data-image-id for tests and styling. */
  imageId?: string;
  state: 'pending' | 'loaded' | 'failed';
  /** Object URL (fetched images) or data URL (inline photos) of the bytes. */
  src?: string;
  mimeType?: string;
  byteSize?: number;
  /** Download name, e.g. from formatImageFileName. */
  fileName?: string;
  httpStatus?: number;
  /** Why the image could not be fetched, in words that say what to do. */
  failure?: Explanation;
  /** Removes the image from the gallery (its object URL is revoked by the store). */
  onRemove?: () => void;
}

/** Shows one image with its facts and a download link; failures show their explanation. */
export function ImagePreview(props: ImagePreviewProps) {
  const { label, detail, state, src, mimeType = '', byteSize, fileName, failure } = props;
  const [pixels, setPixels] = useState<{ width: number; height: number } | 'broken' | undefined>();
  const type = mimeType.split(';')[0]?.trim().toLowerCase() ?? '';
  const displayable = DISPLAYABLE_TYPES.has(type);
  const facts = [
    type || undefined,
    byteSize !== undefined ? formatBytes(byteSize) : undefined,
    pixels && pixels !== 'broken' ? `${pixels.width} × ${pixels.height} px` : undefined,
  ].filter((fact): fact is string => Boolean(fact));

  return (
    <figure
      class={`image-preview image-${state}`}
      data-testid="image-preview"
      data-state={state}
      data-image-id={props.imageId}
    >
      <figcaption class="image-preview-head">
        <strong>{label}</strong>
        {detail && <code class="muted image-preview-detail">{detail}</code>}
        {props.onRemove && (
          <button type="button" class="link-button" onClick={props.onRemove} title="Remove">
            Remove
          </button>
        )}
      </figcaption>
      {state === 'pending' && <p class="muted">Fetching…</p>}
      {state === 'failed' && (
        <div class="image-preview-failure level-bad" role="status">
          <p>
            <strong>
              {failure?.title ??
                (props.httpStatus ? `Failed (${props.httpStatus})` : 'Could not fetch')}
            </strong>
          </p>
          {failure && (
            <>
              <p>{failure.detail}</p>
              <p class="image-preview-action">{failure.action}</p>
              {failure.basis && <ExplanationBasisNote basis={failure.basis} />}
            </>
          )}
        </div>
      )}
      {state === 'loaded' && src && (
        <>
          {displayable && pixels !== 'broken' ? (
            <img
              class="image-preview-img"
              src={src}
              alt={label}
              onLoad={(event) => {
                const image = event.currentTarget;
                setPixels({ width: image.naturalWidth, height: image.naturalHeight });
              }}
              onError={() => setPixels('broken')}
            />
          ) : (
            <p class="image-preview-note level-warn">
              {pixels === 'broken'
                ? 'The browser could not decode this image: download it to look at the bytes.'
                : type === 'image/jp2' || type === 'image/jpx'
                  ? 'JPEG 2000: Chrome cannot display it. Download it and open it with an image viewer.'
                  : `${type || 'This type'} is not shown here: download it instead.`}
            </p>
          )}
          <p class="image-preview-facts">
            <span class="muted">{facts.join(' · ')}</span>{' '}
            <a href={src} download={fileName ?? 'image'} data-testid="image-download">
              Download{fileName ? ` ${fileName}` : ''}
            </a>
          </p>
        </>
      )}
    </figure>
  );
}
