// SightingList: the virtualised, keyboard-navigable list of token sightings (newest first).
import { useEffect, useMemo, useRef } from 'preact/hooks';
import { markList, type CaptureList, type JtiCounts, type NavigationMarker } from '../lib/store';
import { NavigationMarkerRow } from './NavigationMarkerRow';
import { SightingListHead } from './SightingListHead';
import { SightingRow } from './SightingRow';
import { useListKeys } from './useListKeys';
import { useVirtualWindow } from './useVirtualWindow';

export { describeKind, describeRequest } from '../lib/format/capture-words';
export { OVERSCAN_ROWS } from './useVirtualWindow';

/** Fixed row height in pixels: virtualisation computes positions from it (keep in sync with CSS). */
export const ROW_HEIGHT = 24;

export interface SightingListProps {
  /** The rows to show, newest first (already filtered). */
  captures: CaptureList;
  selectedId: string | undefined;
  /** jti → number of captures carrying it, for duplicate highlighting. */
  jtiCounts: JtiCounts;
  onSelect: (id: string) => void;
  onNext: () => void;
  onPrev: () => void;
  /** Home / End: the first or last row. */
  onFirst?: () => void;
  onLast?: () => void;
  /** Navigation markers (Preserve log), newest first, shown between the rows. */
  markers?: readonly NavigationMarker[];
}

const NO_MARKERS: readonly NavigationMarker[] = [];

/** Renders only the rows in view (plus overscan), so thousands of captures stay cheap. */
export function SightingList(props: SightingListProps) {
  const { captures, selectedId, jtiCounts, onSelect } = props;
  const markers = props.markers ?? NO_MARKERS;
  const list = useMemo(() => markList(captures, markers), [captures, markers]);
  const view = useVirtualWindow(list.length, ROW_HEIGHT);
  const capturesRef = useRef({ captures, list });
  capturesRef.current = { captures, list };
  const revealRef = useRef(view.reveal);
  revealRef.current = view.reveal;
  // Keep the selected row in view when the selection moves (keyboard navigation), but do not
  // scroll when new traffic arrives: that would yank the list away from what the user reads.
  useEffect(() => {
    if (selectedId === undefined) return;
    const { captures, list } = capturesRef.current;
    const index = captures.indexOf(selectedId);
    if (index !== -1) revealRef.current(list.displayIndexOf(index));
  }, [selectedId, view.viewportHeight]);
  const onKeyDown = useListKeys(props);
  const rows = list.slice(view.first, view.last);

  return (
    <div class="sighting-list">
      <SightingListHead />
      <div
        ref={view.viewport}
        class="sighting-viewport"
        role="listbox"
        aria-label="Captured tokens"
        aria-activedescendant={selectedId !== undefined ? `row-${selectedId}` : undefined}
        tabIndex={0}
        data-testid="sighting-list"
        onKeyDown={onKeyDown}
        onScroll={view.onScroll}
      >
        <div class="sighting-canvas" style={{ height: `${view.total}px` }}>
          {/* One offset for the whole window: a row arriving on top inserts one node instead of
              moving every rendered row. */}
          <div class="sighting-window" style={{ transform: `translateY(${view.offset}px)` }}>
            {rows.map((row) =>
              'marker' in row ? (
                <NavigationMarkerRow
                  key={row.marker.id}
                  marker={row.marker}
                  rowHeight={ROW_HEIGHT}
                />
              ) : (
                <SightingRow
                  key={row.capture.id}
                  capture={row.capture}
                  selected={row.capture.id === selectedId}
                  seen={row.capture.jti ? (jtiCounts.get(row.capture.jti) ?? 0) : 0}
                  rowHeight={ROW_HEIGHT}
                  onSelect={onSelect}
                />
              ),
            )}
          </div>
        </div>
      </div>
    </div>
  );
}
