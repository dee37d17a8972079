// ImageBatchRow: "Fetch all images (n)" for the selected result, its progress, and Stop.
import { describeImageProgress } from '../lib/replay/replay-text';
import type { ImageBatch, ReplayActions } from '../lib/replay/slice';
import type { ImageRef } from '../lib/uqudo/summary';

/** Props of {@link ImageBatchRow}. */
export interface ImageBatchRowProps {
  images: readonly ImageRef[];
  /** Distinct image ids among `images`. */
  uniqueCount: number;
  sessionId: string | undefined;
  batch: ImageBatch | undefined;
  actions: ReplayActions;
}

/** Fetches every referenced image a few at a time; the button waits while a batch runs. */
export function ImageBatchRow({
  images,
  uniqueCount,
  sessionId,
  batch,
  actions,
}: ImageBatchRowProps) {
  return (
    <div class="replay-row replay-buttons">
      <button
        type="button"
        disabled={uniqueCount === 0 || batch?.running === true}
        onClick={() => void actions.fetchImages(images, sessionId)}
        data-testid="replay-fetch-images"
        title={
          uniqueCount === 0
            ? 'The selected result references no images'
            : 'GET {base}/api/v1/info/img/{id} for every image, three at a time'
        }
      >
        Fetch all images ({uniqueCount})
      </button>
      {batch && (
        <span class="replay-progress" data-testid="image-progress" aria-live="polite">
          {describeImageProgress(batch)}
        </span>
      )}
      {batch?.running && !batch.cancelled && (
        <button type="button" onClick={actions.cancelImages} data-testid="replay-images-cancel">
          Stop
        </button>
      )}
    </div>
  );
}
