// ListPane: the findings summary, the mode tabs and either the session list or the flat token list.
import { useState } from 'preact/hooks';
import {
  selectEntryCapture,
  selectSelectedSession,
  selectSessionList,
  selectSessionSummary,
  selectUngroupedCaptures,
  type InspectorState,
  type SessionFindingCode,
  type UngroupedCaptures,
} from '../lib/store';
import { EmptyState } from './EmptyState';
import { ListModeTabs } from './ListModeTabs';
import { ListSplitter } from './ListSplitter';
import { SessionList } from './SessionList';
import { SessionSummary } from './SessionSummary';
import { TokenListPane } from './TokenListPane';
import { useInspector, useInspectorStore } from './store-context';

const NO_UNGROUPED: UngroupedCaptures = { count: 0, newest: [] };
const ungroupedIn = (state: InspectorState) =>
  state.listMode === 'sessions' ? selectUngroupedCaptures(state) : NO_UNGROUPED;

/** The list pane over the store of the surrounding StoreContext. */
export function ListPane() {
  const store = useInspectorStore();
  const mode = useInspector((state) => state.listMode);
  const sessions = useInspector(selectSessionList);
  const summary = useInspector(selectSessionSummary);
  const ungrouped = useInspector(ungroupedIn);
  const currentSession = useInspector(selectSelectedSession);
  const selected = useInspector((state) => state.selected);
  const tokens = useInspector((state) => state.visible.length);
  const hasCaptures = useInspector((state) => state.captures.length > 0);
  const filter = useInspector((state) => state.filter);
  const width = useInspector((state) => state.listWidth);
  const [expanded, setExpanded] = useState<string | undefined>(undefined);

  const jump = (code: SessionFindingCode) => {
    const target = store
      .getState()
      .sessions.list()
      .find((session) => session.findings.some((finding) => finding.code === code));
    if (!target) return;
    if (!selectSessionList(store.getState()).includes(target)) store.setFilter('');
    store.setListMode('sessions');
    setExpanded(target.id);
  };
  const selectEntry = (exchangeId: string) => {
    const id = selectEntryCapture(store.getState(), exchangeId);
    if (id !== undefined) store.select(id);
  };
  const empty = mode === 'sessions' && sessions.length === 0 && ungrouped.count === 0;

  return (
    <div
      class="list-pane"
      // A width chosen with the splitter replaces the default share of the row.
      style={width === undefined ? undefined : { flex: `0 0 ${width}px` }}
    >
      <SessionSummary summary={summary} onJump={jump} />
      <ListModeTabs
        mode={mode}
        sessions={sessions.length}
        tokens={tokens}
        onMode={store.setListMode}
        filter={filter}
        onFilter={store.setFilter}
      />
      {mode === 'tokens' ? (
        <TokenListPane />
      ) : empty ? (
        <EmptyState filtered={hasCaptures} onClearFilter={() => store.setFilter('')} />
      ) : (
        <SessionList
          sessions={sessions}
          ungrouped={ungrouped}
          expandedId={expanded}
          currentSession={currentSession}
          selectedExchangeId={selected?.exchange.id}
          selectedId={selected?.id}
          onToggle={(id) => setExpanded((current) => (current === id ? undefined : id))}
          onSelectEntry={selectEntry}
          onSelectCapture={store.select}
          onShowTokens={() => store.setListMode('tokens')}
        />
      )}
      <ListSplitter width={width} onWidth={store.setListWidth} />
    </div>
  );
}
