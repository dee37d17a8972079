// ImageFetchButton: the per-image replay action in the result's image table — fetch one image, show how it went.
import { useStoreSlice } from './useStoreSlice';
import { formatBytes, type ImageRef } from '../lib/uqudo/summary';
import type { ReplayHost } from './ReplayPanel';

/** Props of {@link ImageFetchButton}. */
export interface ImageFetchButtonProps {
  store: ReplayHost;
  imageRef: ImageRef;
  /** Session the image belongs to (used in the download name). */
  sessionId?: string;
  /** The replay scope the image is fetched in (selectReplayScope); '' in a store of replays alone. */
  scope?: string;
}

/** "Fetch" for one image reference, with its latest outcome next to it (the preview is in the Images tab). */
export function ImageFetchButton({
  store,
  imageRef,
  sessionId,
  scope = '',
}: ImageFetchButtonProps) {
  const image = useStoreSlice(store, (state) =>
    state.replay.images.find(
      (candidate) => candidate.imageId === imageRef.id && candidate.scope === scope,
    ),
  );
  const outcome =
    image === undefined
      ? undefined
      : image.status === 'pending'
        ? 'fetching…'
        : image.status === 'loaded'
          ? `fetched${image.byteSize !== undefined ? `, ${formatBytes(image.byteSize)}` : ''}`
          : (image.failure?.title ?? `failed${image.httpStatus ? ` (${image.httpStatus})` : ''}`);
  return (
    <span class="image-fetch">
      <button
        type="button"
        disabled={image?.status === 'pending'}
        onClick={() => void store.replay.fetchImage(imageRef, sessionId)}
        data-testid="image-fetch"
        title={`GET {base}/api/v1/info/img/${imageRef.id}`}
      >
        Fetch
      </button>
      {outcome && (
        <span
          class={image?.status === 'failed' ? 'level-bad' : 'muted'}
          data-testid="image-fetch-outcome"
        >
          {' '}
          {outcome}
        </span>
      )}
    </span>
  );
}
