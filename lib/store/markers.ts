// Navigation markers of the flat list: where each "page navigated" line sits among the captures (pure).
import type { Capture } from './capture';
import type { CaptureList } from './capture-list';
import { capText } from './text';

/** One navigation of the inspected page while Preserve log was on. */
export interface NavigationMarker {
  id: string;
  /** When the navigation was reported, ms since the epoch. */
  time: number;
  url: string;
}

/** Markers kept (newest first); older ones are dropped. */
const MAX_MARKERS = 200;
const MAX_MARKER_URL = 2048;

/** The markers with a new one in front (capped). */
export function addMarker(
  markers: readonly NavigationMarker[],
  id: string,
  time: number,
  url: string,
): readonly NavigationMarker[] {
  const marker = { id, time, url: capText(url, MAX_MARKER_URL) };
  return [marker, ...markers.slice(0, MAX_MARKERS - 1)];
}

/** A row of the flat list: a capture, or a marker. */
export type ListRow = { capture: Capture } | { marker: NavigationMarker };

/** The flat list with markers: rows by display index, and a capture's display index. */
export interface MarkedList {
  length: number;
  slice(start: number, end: number): ListRow[];
  /** Display index of the capture at `captureIndex` (newest first). */
  displayIndexOf(captureIndex: number): number;
}

/** How many captures (newest first) are newer than `time`: binary search, O(log n). */
function countNewer(captures: CaptureList, time: number): number {
  let low = 0;
  let high = captures.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((captures.at(middle)?.exchange.time ?? 0) >= time) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Interleaves markers (newest first) with captures (newest first): a marker sits above the
 * captures made before it. O(m log n) to place m markers; a window of rows costs O(rows + m).
 */
export function markList(captures: CaptureList, markers: readonly NavigationMarker[]): MarkedList {
  // positions[k] = captures above marker k (non-decreasing: markers are newest first).
  const positions = markers.map((marker) => countNewer(captures, marker.time));
  // The display index of marker k: the captures above it plus the k markers above it.
  const markerRows = positions.map((position, k) => position + k);
  const length = captures.length + markers.length;
  return {
    length,
    displayIndexOf: (captureIndex) =>
      captureIndex + positions.filter((position) => position <= captureIndex).length,
    slice(start, end) {
      const rows: ListRow[] = [];
      let k = 0;
      while (k < markerRows.length && markerRows[k]! < start) k += 1;
      for (let display = Math.max(0, start); display < Math.min(end, length); display += 1) {
        const marker = markers[k];
        if (marker && markerRows[k] === display) {
          rows.push({ marker });
          k += 1;
        } else {
          const capture = captures.at(display - k);
          if (capture) rows.push({ capture });
        }
      }
      return rows;
    },
  };
}
