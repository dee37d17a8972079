// useVirtualWindow: which rows of a fixed-row-height list are in view (one row may be taller: an expanded one).
import { useLayoutEffect, useRef, useState } from 'preact/hooks';

/** Rows rendered above and below the visible window, so fast scrolling shows no gaps. */
export const OVERSCAN_ROWS = 8;
/** Viewport height assumed until the real one is measured (and where layout is unavailable). */
const FALLBACK_VIEWPORT_PX = 480;

/** One row that is `extra` pixels taller than the others (an expanded session). */
export interface TallRow {
  index: number;
  extra: number;
}

/** The rendered window of a virtualised list. */
export interface VirtualWindow {
  viewport: { current: HTMLDivElement | null };
  /** First and one-past-last row rendered. */
  first: number;
  last: number;
  /** Pixel offset of the first rendered row. */
  offset: number;
  /** Height of the whole list. */
  total: number;
  viewportHeight: number;
  onScroll(event: { currentTarget: HTMLDivElement }): void;
  /** Scrolls the least needed so that row `index` (its first `rowHeight` pixels) is in view. */
  reveal(index: number): void;
}

function offsetOf(index: number, rowHeight: number, tall: TallRow | undefined): number {
  return index * rowHeight + (tall && index > tall.index ? tall.extra : 0);
}

function indexAt(y: number, rowHeight: number, tall: TallRow | undefined): number {
  if (!tall) return Math.floor(y / rowHeight);
  const tallTop = tall.index * rowHeight;
  if (y < tallTop) return Math.floor(y / rowHeight);
  if (y < tallTop + rowHeight + tall.extra) return tall.index;
  return Math.floor((y - tall.extra) / rowHeight);
}

/** Tracks the viewport's height and scroll position and derives the rows to render. */
export function useVirtualWindow(count: number, rowHeight: number, tall?: TallRow): VirtualWindow {
  const viewport = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewportHeight, setViewportHeight] = useState(FALLBACK_VIEWPORT_PX);

  useLayoutEffect(() => {
    const element = viewport.current;
    if (!element) return;
    const measure = () => setViewportHeight(element.clientHeight || FALLBACK_VIEWPORT_PX);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const first = Math.max(0, indexAt(scrollTop, rowHeight, tall) - OVERSCAN_ROWS);
  const last = Math.min(
    count,
    indexAt(scrollTop + viewportHeight, rowHeight, tall) + 1 + OVERSCAN_ROWS,
  );
  return {
    viewport,
    first,
    last,
    offset: offsetOf(first, rowHeight, tall),
    total: offsetOf(count, rowHeight, tall),
    viewportHeight,
    onScroll: (event) => setScrollTop(event.currentTarget.scrollTop),
    reveal(index) {
      const element = viewport.current;
      if (!element) return;
      const top = offsetOf(index, rowHeight, tall);
      const bottom = top + rowHeight;
      if (top < element.scrollTop) element.scrollTop = top;
      else if (bottom > element.scrollTop + viewportHeight) {
        element.scrollTop = bottom - viewportHeight;
      }
      setScrollTop(element.scrollTop);
    },
  };
}
