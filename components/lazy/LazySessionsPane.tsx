// LazySessionsPane: SessionsPane (the session list), its code loaded with import() when the sessions mode is first shown.
import type { SessionsPaneProps } from '../SessionsPane';
import { LazyPending } from './LazyPending';
import { useLazyModule } from './useLazyModule';
import { loadSessionsPane } from './list-views';

/** {@link SessionsPane}'s drop-in replacement (same props), loaded when the sessions mode is first shown. */
export function LazySessionsPane(props: SessionsPaneProps) {
  const loaded = useLazyModule(loadSessionsPane);
  return loaded ? <loaded.SessionsPane {...props} /> : <LazyPending />;
}
