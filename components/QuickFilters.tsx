// QuickFilters: verdict and kind pickers that write "verdict:…" / "kind:…" terms into the filter.
import {
  QUICK_CHOICES,
  readQuickTerm,
  withQuickTerm,
  type QuickKey,
} from '../lib/store/quick-filter';
import { memo } from './memo';

/** Props of {@link QuickFilters}. */
export interface QuickFiltersProps {
  filter: string;
  onFilter: (text: string) => void;
}

const LABELS: Record<QuickKey, string> = { verdict: 'Any verdict', kind: 'Any kind' };

/** Two selects; choosing "Any" removes the term. Memoised: re-rendered when the filter changes. */
export const QuickFilters = memo(function QuickFilters({ filter, onFilter }: QuickFiltersProps) {
  return (
    <span class="quick-filters">
      {(['verdict', 'kind'] as const).map((key) => (
        <select
          key={key}
          data-testid={`quick-filter-${key}`}
          aria-label={`Filter by ${key}`}
          value={readQuickTerm(filter, key) ?? ''}
          onChange={(event) =>
            onFilter(withQuickTerm(filter, key, event.currentTarget.value || undefined))
          }
        >
          <option value="">{LABELS[key]}</option>
          {QUICK_CHOICES[key].map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      ))}
    </span>
  );
});
