// ListPane: the (filtered) token list over the store, or the empty state.
import { selectJtiCounts, selectVisibleCaptures } from '../lib/store';
import { EmptyState } from './EmptyState';
import { SightingList } from './SightingList';
import { useInspector, useInspectorStore } from './store-context';

/** The list pane over the store of the surrounding StoreContext. */
export function ListPane() {
  const store = useInspectorStore();
  const visible = useInspector(selectVisibleCaptures);
  const jtiCounts = useInspector(selectJtiCounts);
  const selectedId = useInspector((state) => state.selectedId);
  const hasCaptures = useInspector((state) => state.captures.length > 0);
  return (
    <div class="list-pane">
      {visible.length > 0 ? (
        <SightingList
          captures={visible}
          selectedId={selectedId}
          jtiCounts={jtiCounts}
          onSelect={store.select}
          onNext={store.selectNext}
          onPrev={store.selectPrev}
        />
      ) : (
        <EmptyState filtered={hasCaptures} onClearFilter={() => store.setFilter('')} />
      )}
    </div>
  );
}
