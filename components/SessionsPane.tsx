// SessionsPane: the sessions mode of the list pane over the store — the session list, or the empty state.
import {
  selectEntryCapture,
  selectSelectedSession,
  selectSessionList,
  selectUngroupedCaptures,
} from '../lib/store';
import { EmptyState } from './EmptyState';
import { SessionList } from './SessionList';
import { useInspector, useInspectorStore } from './store-context';

/** Props of {@link SessionsPane}: which session is expanded is the list pane's (the summary jumps). */
export interface SessionsPaneProps {
  expandedId: string | undefined;
  onToggle: (id: string) => void;
}

/** The session list (built only while this mode is shown) with the ungrouped captures after it. */
export function SessionsPane({ expandedId, onToggle }: SessionsPaneProps) {
  const store = useInspectorStore();
  const sessions = useInspector(selectSessionList);
  const ungrouped = useInspector(selectUngroupedCaptures);
  const currentSession = useInspector(selectSelectedSession);
  const selected = useInspector((state) => state.selected);
  const hasCaptures = useInspector((state) => state.captures.length > 0);
  const selectEntry = (exchangeId: string) => {
    const id = selectEntryCapture(store.getState(), exchangeId);
    if (id !== undefined) store.select(id);
  };
  if (sessions.length === 0 && ungrouped.count === 0) {
    return <EmptyState filtered={hasCaptures} onClearFilter={() => store.setFilter('')} />;
  }
  return (
    <SessionList
      sessions={sessions}
      ungrouped={ungrouped}
      expandedId={expandedId}
      currentSession={currentSession}
      selectedExchangeId={selected?.exchange.id}
      selectedId={selected?.id}
      onToggle={onToggle}
      onSelectEntry={selectEntry}
      onSelectCapture={store.select}
      onShowTokens={() => store.setListMode('tokens')}
    />
  );
}
