// CaptureCounts: the toolbar's counts over the store, subscribed on their own (they change with every update).
import { ToolbarCounts } from './ToolbarCounts';
import { useInspector } from './store-context';

/** The counts of the store in the surrounding StoreContext. */
export function CaptureCounts() {
  const total = useInspector((state) => state.captures.length);
  const shown = useInspector((state) => state.visible.length);
  const pending = useInspector((state) => state.pending);
  const dropped = useInspector((state) => state.dropped);
  return <ToolbarCounts total={total} shown={shown} pending={pending} dropped={dropped} />;
}
