// LazyUngroupedDetail: UngroupedDetail (the expanded ungrouped row), its code loaded with import() when that row is first expanded.
import type { UngroupedDetailProps } from '../UngroupedDetail';
import { LazyPending } from './LazyPending';
import { useLazyModule } from './useLazyModule';
import { loadUngroupedDetail } from './views';

/** {@link UngroupedDetail}'s drop-in replacement (same props), loaded when the row is first expanded. */
export function LazyUngroupedDetail(props: UngroupedDetailProps) {
  const loaded = useLazyModule(loadUngroupedDetail);
  return loaded ? <loaded.UngroupedDetail {...props} /> : <LazyPending />;
}
