// TokenListPane: the flat, filtered token list over the store (one row per sighting), or the empty state.
import { selectJtiCounts, selectVisibleCaptures } from '../lib/store';
import { EmptyState } from './EmptyState';
import { SightingList } from './SightingList';
import { useInspector, useInspectorStore } from './store-context';

/** The flat list mode of the list pane. */
export function TokenListPane() {
  const store = useInspectorStore();
  const visible = useInspector(selectVisibleCaptures);
  const jtiCounts = useInspector(selectJtiCounts);
  const selectedId = useInspector((state) => state.selectedId);
  const hasCaptures = useInspector((state) => state.captures.length > 0);
  const markers = useInspector((state) => state.markers);
  if (visible.length === 0) {
    return <EmptyState filtered={hasCaptures} onClearFilter={() => store.setFilter('')} />;
  }
  return (
    <SightingList
      captures={visible}
      selectedId={selectedId}
      jtiCounts={jtiCounts}
      onSelect={store.select}
      onNext={store.selectNext}
      onPrev={store.selectPrev}
      onFirst={store.selectFirst}
      onLast={store.selectLast}
      markers={markers}
    />
  );
}
