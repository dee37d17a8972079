// LazyReplayPanel: ReplayPanel (Info API replay), its code loaded with import() when the Replay tab is first shown.
import type { ReplayPanelProps } from '../ReplayPanel';
import { LazyPending } from './LazyPending';
import { useLazyModule } from './useLazyModule';
import { loadReplayPanel } from './views';

/** {@link ReplayPanel}'s drop-in replacement (same props), loaded when the Replay tab is first shown. */
export function LazyReplayPanel(props: ReplayPanelProps) {
  const loaded = useLazyModule(loadReplayPanel);
  return loaded ? <loaded.ReplayPanel {...props} /> : <LazyPending />;
}
