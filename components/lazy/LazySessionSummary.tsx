// LazySessionSummary: SessionSummary (findings across sessions), its code loaded with import() after the first render.
import type { SessionSummaryProps } from '../SessionSummary';
import { useLazyModule } from './useLazyModule';
import { loadSessionSummary } from './list-views';

/**
 * {@link SessionSummary}'s drop-in replacement (same props). Nothing shows while its code loads:
 * the summary is empty until the first session, which comes after the first render.
 */
export function LazySessionSummary(props: SessionSummaryProps) {
  const loaded = useLazyModule(loadSessionSummary);
  return loaded ? <loaded.SessionSummary {...props} /> : null;
}
