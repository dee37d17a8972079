// DetailTabs: the detail pane's tab list (Checks · Uqudo · JSON · Replay · Images), WAI-ARIA tabs with arrow keys.
import { useRef } from 'preact/hooks';
import { moveDetailTab, type DetailTab, type DetailTabState } from '../lib/detail/tabs';

/** Props of {@link DetailTabs}. */
export interface DetailTabsProps {
  tabs: readonly DetailTabState[];
  /** The tab shown. */
  active: DetailTab;
  onSelect: (tab: DetailTab) => void;
}

/** The id of a tab's button (its panel is labelled by it). */
export const detailTabId = (tab: DetailTab): string => `detail-tab-${tab}`;
/** The id of a tab's panel (its button controls it). */
export const detailPanelId = (tab: DetailTab): string => `detail-panel-${tab}`;

/**
 * The tab list. Only the active tab is in the Tab order; ←/→ (wrapping), Home and End move to and
 * show the next tab that applies. A tab that does not apply is disabled and says why (title and
 * screen-reader text).
 */
export function DetailTabs({ tabs, active, onSelect }: DetailTabsProps) {
  const list = useRef<HTMLDivElement>(null);
  const onKeyDown = (event: KeyboardEvent) => {
    const next = moveDetailTab(tabs, active, event.key);
    if (next === undefined) return;
    event.preventDefault();
    onSelect(next);
    list.current?.querySelector<HTMLElement>(`#${detailTabId(next)}`)?.focus();
  };
  return (
    <div class="detail-tabs" role="tablist" aria-label="Detail" ref={list} onKeyDown={onKeyDown}>
      {tabs.map((tab) => {
        const selected = tab.id === active;
        const disabled = tab.disabledReason !== undefined;
        return (
          <button
            key={tab.id}
            type="button"
            role="tab"
            id={detailTabId(tab.id)}
            class="detail-tab"
            aria-selected={selected}
            aria-controls={selected ? detailPanelId(tab.id) : undefined}
            aria-disabled={disabled || undefined}
            tabIndex={selected ? 0 : -1}
            title={tab.disabledReason}
            data-testid="detail-tab"
            data-tab={tab.id}
            data-disabled={disabled ? 'true' : undefined}
            onClick={() => {
              if (!disabled) onSelect(tab.id);
            }}
          >
            {tab.label}
            {disabled && <span class="sr-only"> (not available: {tab.disabledReason})</span>}
          </button>
        );
      })}
    </div>
  );
}
