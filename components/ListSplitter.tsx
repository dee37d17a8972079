// ListSplitter: the draggable, keyboard-accessible edge between the list and the detail.
import { useRef } from 'preact/hooks';

/** Narrowest list and detail widths the splitter allows, in pixels. */
const MIN_PANE_PX = 240;
/** One arrow key press moves the split by this much. */
const KEY_STEP_PX = 24;

/** Props of {@link ListSplitter}. */
export interface ListSplitterProps {
  /** Current list width (px), undefined before the first resize. */
  width: number | undefined;
  onWidth: (width: number) => void;
}

/** The list width clamped so both panes keep MIN_PANE_PX within `total`. */
function clampWidth(width: number, total: number): number {
  const max = Math.max(MIN_PANE_PX, total - MIN_PANE_PX);
  return Math.round(Math.min(max, Math.max(MIN_PANE_PX, width)));
}

/** Pointer drag (captured), ←/→ by 24 px, Home/End to the limits. */
export function ListSplitter({ width, onWidth }: ListSplitterProps) {
  const handle = useRef<HTMLDivElement>(null);
  const drag = useRef<{ startX: number; startWidth: number } | undefined>(undefined);
  const sizes = () => {
    const pane = handle.current?.parentElement;
    // 0 means no layout (a hidden pane): fall back to the remembered width and no upper bound.
    return {
      current: pane?.getBoundingClientRect().width || width || MIN_PANE_PX,
      total: pane?.parentElement?.getBoundingClientRect().width || Number.MAX_SAFE_INTEGER,
    };
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const { current, total } = sizes();
    const next = {
      ArrowLeft: current - KEY_STEP_PX,
      ArrowRight: current + KEY_STEP_PX,
      Home: MIN_PANE_PX,
      End: total,
    }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    onWidth(clampWidth(next, total));
  };
  return (
    <div
      ref={handle}
      class="list-splitter"
      role="separator"
      aria-orientation="vertical"
      aria-label="Resize the list"
      aria-valuenow={width}
      aria-valuemin={MIN_PANE_PX}
      tabIndex={0}
      data-testid="list-splitter"
      onKeyDown={onKeyDown}
      onPointerDown={(event) => {
        event.currentTarget.setPointerCapture(event.pointerId);
        drag.current = { startX: event.clientX, startWidth: sizes().current };
      }}
      onPointerMove={(event) => {
        const start = drag.current;
        if (!start) return;
        onWidth(clampWidth(start.startWidth + event.clientX - start.startX, sizes().total));
      }}
      onPointerUp={() => (drag.current = undefined)}
      onPointerCancel={() => (drag.current = undefined)}
    />
  );
}
