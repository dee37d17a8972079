// ListModeTabs: switches the list pane between Uqudo sessions and the flat token list.
import type { ListMode } from '../lib/store';

/** Props of {@link ListModeTabs}. */
export interface ListModeTabsProps {
  mode: ListMode;
  sessions: number;
  tokens: number;
  onMode: (mode: ListMode) => void;
}

/** Two toggle buttons with counts. */
export function ListModeTabs({ mode, sessions, tokens, onMode }: ListModeTabsProps) {
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
    </div>
  );
}
