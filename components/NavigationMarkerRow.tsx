// NavigationMarkerRow: a "page navigated" line in the flat list (Preserve log on).
import { formatClockTime } from '../lib/format/clock';
import type { NavigationMarker } from '../lib/store';
import { VisibleText } from './UntrustedText';

/** Props of {@link NavigationMarkerRow}. */
export interface NavigationMarkerRowProps {
  marker: NavigationMarker;
  rowHeight: number;
}

/** The navigation's time and URL, across the row. */
export function NavigationMarkerRow({ marker, rowHeight }: NavigationMarkerRowProps) {
  return (
    <div
      class="navigation-marker"
      role="separator"
      data-testid="navigation-marker"
      style={{ height: `${rowHeight}px`, lineHeight: `${rowHeight}px` }}
      title={marker.url}
    >
      <span class="cell-time">{formatClockTime(marker.time)}</span> navigated to{' '}
      <VisibleText text={marker.url} />
    </div>
  );
}
