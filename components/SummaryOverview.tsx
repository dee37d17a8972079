// SummaryOverview: the summary's "N problems, N to look at" line; clicking the counts lists and jumps to the items.
import { useState } from 'preact/hooks';
import type { UqudoSummary } from '../lib/uqudo/summary';
import { listFlaggedItems } from '../lib/uqudo/summary/flagged';
import { describeOverall } from '../lib/uqudo/summary/level-text';
import { overallLevel } from '../lib/uqudo/summary/levels';
import { SummaryFlaggedList } from './SummaryFlaggedList';
import { SummaryLevelMarker } from './SummaryLevelMarker';
import './summary.css';

/** Props of {@link SummaryOverview}. */
export interface SummaryOverviewProps {
  summary: UqudoSummary;
  /** The view's anchor prefix, the same one its rows' ids are built from. */
  anchorPrefix: string;
}

/** The overview line; with anything flagged, its counts toggle a list naming each item. */
export function SummaryOverview({ summary, anchorPrefix }: SummaryOverviewProps) {
  const [open, setOpen] = useState(false);
  const { bad, warn } = summary.overall;
  const counts = describeOverall(bad, warn);
  const listId = `${anchorPrefix}-flagged`;
  return (
    <>
      <p class="summary-overview">
        <SummaryLevelMarker level={overallLevel(summary.overall)} />
        {bad + warn > 0 ? (
          <button
            type="button"
            class="link-button summary-overview-counts"
            aria-expanded={open}
            aria-controls={listId}
            title={open ? 'Hide the list' : 'List them'}
            onClick={() => setOpen(!open)}
          >
            {counts}
          </button>
        ) : (
          <span>{counts}</span>
        )}
        <span class="muted"> — developer diagnostics; trust decisions belong on your backend.</span>
      </p>
      {open && <SummaryFlaggedList id={listId} items={listFlaggedItems(summary, anchorPrefix)} />}
    </>
  );
}
