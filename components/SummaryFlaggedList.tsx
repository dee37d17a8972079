// SummaryFlaggedList: the overview's list of problems and items to look at, each a button that jumps to its row.
import type { FlaggedItem } from '../lib/uqudo/summary/flagged';
import { VisibleText } from './UntrustedText';

/** Props of {@link SummaryFlaggedList}. */
export interface SummaryFlaggedListProps {
  /** DOM id of the list (the overview's toggle controls it). */
  id: string;
  items: readonly FlaggedItem[];
}

/** Scrolls a summary row into view and moves focus to it (the row's :focus style highlights it). */
function jumpTo(anchor: string, from: Element): void {
  const target = from.ownerDocument.getElementById(anchor);
  if (!target) return;
  target.scrollIntoView({ block: 'nearest' });
  target.focus({ preventScroll: true });
}

function FlaggedGroup({ title, items }: { title: string; items: readonly FlaggedItem[] }) {
  if (items.length === 0) return null;
  return (
    <li class="summary-flagged-group">
      <span class="summary-flagged-title">{title}</span>
      <ul>
        {items.map((entry) => (
          <li key={entry.anchor} class={`level-${entry.level}`}>
            <button
              type="button"
              class="link-button summary-flagged-jump"
              onClick={(event) => jumpTo(entry.anchor, event.currentTarget)}
            >
              {entry.documentType !== undefined && (
                <>
                  <VisibleText text={entry.documentType} />
                  {' · '}
                </>
              )}
              <VisibleText text={entry.sectionTitle} />
              {': '}
              <VisibleText text={entry.label} />
            </button>
          </li>
        ))}
      </ul>
    </li>
  );
}

/** Problems first, then items to look at; each names its section and label and jumps to its row. */
export function SummaryFlaggedList({ id, items }: SummaryFlaggedListProps) {
  return (
    <ul id={id} class="summary-flagged" aria-label="Problems and items to look at">
      <FlaggedGroup title="Problems" items={items.filter((entry) => entry.level === 'bad')} />
      <FlaggedGroup title="To look at" items={items.filter((entry) => entry.level === 'warn')} />
    </ul>
  );
}
