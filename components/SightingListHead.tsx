// SightingListHead: the column titles of the flat token list (static: rendered once, not on every update).
import { memo } from './memo';

/** The column titles, aligned with SightingRow's cells. */
export const SightingListHead = memo(function SightingListHead() {
  return (
    <div class="sighting-row sighting-head" aria-hidden="true">
      <span>Time</span>
      <span>Host</span>
      <span>Request</span>
      <span>Where</span>
      <span>Kind</span>
      <span>jti</span>
      <span>Verdict</span>
    </div>
  );
});
