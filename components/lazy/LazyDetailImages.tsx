// LazyDetailImages: DetailImages (the image gallery), its code loaded with import() when the Images tab is first shown.
import type { DetailImagesProps } from '../DetailImages';
import { LazyPending } from './LazyPending';
import { useLazyModule } from './useLazyModule';
import { loadDetailImages } from './views';

/** {@link DetailImages}'s drop-in replacement (same props), loaded when the Images tab is first shown. */
export function LazyDetailImages(props: DetailImagesProps) {
  const loaded = useLazyModule(loadDetailImages);
  return loaded ? <loaded.DetailImages {...props} /> : <LazyPending />;
}
