// ListModeTabs: switches the list pane between Uqudo sessions and the flat token list; quick filters beside.
import type { ListMode } from '../lib/store';
import { QuickFilters } from './QuickFilters';

/** Props of {@link ListModeTabs}. */
export interface ListModeTabsProps {
  mode: ListMode;
  sessions: number;
  tokens: number;
  onMode: (mode: ListMode) => void;
  filter: string;
  onFilter: (text: string) => void;
}

/** Two toggle buttons with counts. */
export function ListModeTabs({
  mode,
  sessions,
  tokens,
  onMode,
  filter,
  onFilter,
}: ListModeTabsProps) {
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
      <QuickFilters filter={filter} onFilter={onFilter} />
    </div>
  );
}
