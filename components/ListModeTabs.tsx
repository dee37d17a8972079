// ListModeTabs: switches the list pane between Uqudo sessions and the flat token list; quick filters beside.
import { selectSessionCount, type ListMode } from '../lib/store';
import { QuickFilters } from './QuickFilters';
import { useInspector, useInspectorStore } from './store-context';

/** Props of {@link ListModeTabs}. */
export interface ListModeTabsProps {
  mode: ListMode;
  onMode: (mode: ListMode) => void;
}

/**
 * Two toggle buttons with counts (subscribed here, so new captures re-render the tabs, not the
 * pane), and the quick filters.
 */
export function ListModeTabs({ mode, onMode }: ListModeTabsProps) {
  const store = useInspectorStore();
  const sessions = useInspector(selectSessionCount);
  const tokens = useInspector((state) => state.visible.length);
  const filter = useInspector((state) => state.filter);
  return (
    <div class="list-mode-tabs" role="group" aria-label="List mode">
      <button
        type="button"
        data-testid="list-mode-sessions"
        aria-pressed={mode === 'sessions'}
        onClick={() => onMode('sessions')}
      >
        Sessions ({sessions})
      </button>
      <button
        type="button"
        data-testid="list-mode-tokens"
        aria-pressed={mode === 'tokens'}
        onClick={() => onMode('tokens')}
      >
        Tokens ({tokens})
      </button>
      <QuickFilters filter={filter} onFilter={store.setFilter} />
    </div>
  );
}
