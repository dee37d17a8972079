// DetailImages: the Images tab — fetch all (with progress), download all as a zip, one card per referenced image.
import { useLayoutEffect, useMemo } from 'preact/hooks';
import {
  selectImageBatch,
  selectReplayCapture,
  selectScopedImages,
  selectScopedProblem,
} from '../lib/replay/selectors';
import type { Inspection } from '../lib/jose/inspect';
import { FetchedImage, ImageRefCard } from './ImageRefCard';
import { ImageBatchRow } from './ImageBatchRow';
import { ImageZipButton } from './ImageZipButton';
import { InlinePhotoPreview } from './InlinePhotoPreview';
import type { ReplayHost } from './ReplayPanel';
import { ReplayProblem } from './ReplayProblem';
import { useStoreSlice } from './useStoreSlice';
import './replay.css';

/** Props of {@link DetailImages}. */
export interface DetailImagesProps {
  store: ReplayHost;
  capture: { id: string; inspection?: Inspection };
  /** The session the images belong to (selectReplayScope); '' in a store of replays alone. */
  scope?: string;
}

/** The images of the selected result's session; fetched ones stay with the session across rows. */
export function DetailImages({ store, capture, scope = '' }: DetailImagesProps) {
  const replay = useStoreSlice(store, (state) => state.replay);
  const actions = store.replay;
  const facts = useMemo(() => selectReplayCapture(capture.inspection), [capture.inspection]);
  const images = useMemo(() => selectScopedImages(replay, scope), [replay, scope]);
  // Tests (and a store of replays alone) render without a DetailPane to set the scope.
  useLayoutEffect(() => actions.setScope(scope), [actions, scope]);
  const refs = useMemo(
    () => [...new Map(facts.images.map((ref) => [ref.id, ref])).values()],
    [facts.images],
  );
  const referenced = new Set(refs.map((ref) => ref.id));
  const others = images.filter((image) => !referenced.has(image.imageId));
  const zippable = images.filter((image) => image.status === 'loaded' && image.bytes).length;
  return (
    <section class="detail-images" aria-label="Images" data-testid="detail-images">
      <ImageBatchRow
        images={facts.images}
        uniqueCount={facts.uniqueImageCount}
        sessionId={facts.sessionId}
        batch={selectImageBatch(replay, scope)}
        actions={actions}
      />
      <ImageZipButton count={zippable} actions={actions} />
      <ReplayProblem problem={selectScopedProblem(replay, scope)} actions={actions} />
      <div class="replay-gallery">
        <div class="replay-gallery-grid">
          {refs.map((ref) => (
            <ImageRefCard
              key={ref.id}
              store={store}
              imageRef={ref}
              image={images.find((image) => image.imageId === ref.id)}
              sessionId={facts.sessionId}
              scope={scope}
            />
          ))}
          {others.map((image) => (
            <FetchedImage
              key={`${image.imageId}-${image.replayId}`}
              image={image}
              onRemove={() => actions.removeImage(image.imageId)}
            />
          ))}
          {facts.inlinePhotos.map((photo) => (
            <InlinePhotoPreview key={photo.path} photo={photo} sessionId={facts.sessionId} />
          ))}
        </div>
      </div>
    </section>
  );
}
