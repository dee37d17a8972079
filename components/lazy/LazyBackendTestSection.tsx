// LazyBackendTestSection: BackendTestSection (the backend acceptance test), its code loaded with import() when the checks first show.
import { useLazyModule } from './useLazyModule';
import { loadBackendTestSection } from './views';

/** {@link BackendTestSection}'s drop-in replacement; nothing while loading (it often renders nothing). */
export function LazyBackendTestSection() {
  const loaded = useLazyModule(loadBackendTestSection);
  return loaded ? <loaded.BackendTestSection /> : null;
}
