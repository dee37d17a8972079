// LazySessionDetail: SessionDetail (an expanded session's timeline and findings), its code loaded with import() when a session is first expanded.
import type { SessionDetailProps } from '../SessionDetail';
import { LazyPending } from './LazyPending';
import { useLazyModule } from './useLazyModule';
import { loadSessionDetail } from './views';

/** {@link SessionDetail}'s drop-in replacement (same props), loaded when a session is first expanded. */
export function LazySessionDetail(props: SessionDetailProps) {
  const loaded = useLazyModule(loadSessionDetail);
  return loaded ? <loaded.SessionDetail {...props} /> : <LazyPending />;
}
