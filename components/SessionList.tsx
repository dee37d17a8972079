// SessionList: the virtualised list of Uqudo sessions (newest first), one expanded at a time, then the ungrouped captures.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Session, UngroupedCaptures } from '../lib/store';
import { SessionRow } from './SessionRow';
import { UngroupedGroup } from './UngroupedGroup';
import { useVirtualWindow } from './useVirtualWindow';

/** Height of a collapsed session row in pixels (keep in sync with CSS). */
const SESSION_ROW_HEIGHT = 28;
/** The id the ungrouped group expands under (never a session id: those are page values, not this). */
const UNGROUPED_KEY = '\u0000ungrouped';

/** Props of {@link SessionList}. */
export interface SessionListProps {
  sessions: readonly Session[];
  ungrouped: UngroupedCaptures;
  /** Session (or UNGROUPED_KEY) shown expanded. */
  expandedId: string | undefined;
  /** Session of the selected capture, and the selected capture's exchange and id. */
  currentSession: string | undefined;
  selectedExchangeId: string | undefined;
  selectedId: string | undefined;
  onToggle: (id: string) => void;
  onSelectEntry: (exchangeId: string) => void;
  onSelectCapture: (captureId: string) => void;
  onShowTokens: () => void;
}

/** Renders the session rows in view; the expanded one is taller by its measured detail. */
export function SessionList(props: SessionListProps) {
  const { sessions, ungrouped, expandedId } = props;
  const count = sessions.length + (ungrouped.count > 0 ? 1 : 0);
  const expandedIndex =
    expandedId === UNGROUPED_KEY
      ? ungrouped.count > 0
        ? sessions.length
        : -1
      : sessions.findIndex((session) => session.id === expandedId);
  const [extra, setExtra] = useState(0);
  const view = useVirtualWindow(
    count,
    SESSION_ROW_HEIGHT,
    expandedIndex === -1 ? undefined : { index: expandedIndex, extra },
  );
  const revealRef = useRef(view.reveal);
  revealRef.current = view.reveal;
  // A newly expanded session (a click, or a jump from the summary) scrolls into view.
  useEffect(() => {
    if (expandedIndex !== -1) revealRef.current(expandedIndex);
  }, [expandedId]);
  const onMeasure = (height: number) => setExtra(height);
  const rows: preact.ComponentChildren[] = [];
  for (let index = view.first; index < view.last; index += 1) {
    const session = sessions[index];
    if (session) {
      rows.push(
        <SessionRow
          key={session.id}
          session={session}
          expanded={index === expandedIndex}
          current={session.id === props.currentSession}
          rowHeight={SESSION_ROW_HEIGHT}
          selectedExchangeId={props.selectedExchangeId}
          onToggle={props.onToggle}
          onSelectEntry={props.onSelectEntry}
          onMeasure={onMeasure}
        />,
      );
    } else {
      rows.push(
        <UngroupedGroup
          key={UNGROUPED_KEY}
          ungrouped={ungrouped}
          expanded={index === expandedIndex}
          rowHeight={SESSION_ROW_HEIGHT}
          selectedId={props.selectedId}
          onToggle={() => props.onToggle(UNGROUPED_KEY)}
          onSelect={props.onSelectCapture}
          onShowTokens={props.onShowTokens}
          onMeasure={onMeasure}
        />,
      );
    }
  }
  return (
    <div
      ref={view.viewport}
      class="session-viewport"
      data-testid="session-list"
      aria-label="Uqudo sessions"
      onScroll={view.onScroll}
    >
      <div class="sighting-canvas" style={{ height: `${view.total}px` }}>
        <div class="sighting-window" style={{ transform: `translateY(${view.offset}px)` }}>
          {rows}
        </div>
      </div>
    </div>
  );
}
