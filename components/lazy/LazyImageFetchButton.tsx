// LazyImageFetchButton: ImageFetchButton (fetch one image), its code loaded with import() when an image reference is first shown.
import type { ImageFetchButtonProps } from '../ImageFetchButton';
import { LazyPending } from './LazyPending';
import { useLazyModule } from './useLazyModule';
import { loadImageFetchButton } from './views';

/** {@link ImageFetchButton}'s drop-in replacement (same props), loaded when an image reference is first shown. */
export function LazyImageFetchButton(props: ImageFetchButtonProps) {
  const loaded = useLazyModule(loadImageFetchButton);
  return loaded ? <loaded.ImageFetchButton {...props} /> : <LazyPending />;
}
