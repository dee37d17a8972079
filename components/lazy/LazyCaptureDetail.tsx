// LazyCaptureDetail: CaptureDetail (checks, Uqudo summary, JSON tree), its code loaded with import() when a row is first selected.
import type { CaptureDetailProps } from '../CaptureDetail';
import { LazyPending } from './LazyPending';
import { useLazyModule } from './useLazyModule';
import { loadCaptureDetail } from './views';

/** {@link CaptureDetail}'s drop-in replacement (same props), loaded when a row is first selected. */
export function LazyCaptureDetail(props: CaptureDetailProps) {
  const loaded = useLazyModule(loadCaptureDetail);
  return loaded ? <loaded.CaptureDetail {...props} /> : <LazyPending />;
}
