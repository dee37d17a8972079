// ListPane: the findings summary, the mode tabs and either the session list or the flat token list.
import { useState } from 'preact/hooks';
import { selectSessionList, type SessionFindingCode } from '../lib/store';
import { ListModeTabs } from './ListModeTabs';
import { LazySessionSummary } from './lazy/LazySessionSummary';
import { LazySessionsPane } from './lazy/LazySessionsPane';
import { ListSplitter } from './ListSplitter';
import { TokenListPane } from './TokenListPane';
import { useInspector, useInspectorStore } from './store-context';

/**
 * The list pane over the store of the surrounding StoreContext. It subscribes only to the mode and
 * the width; the summary, the tabs and each list subscribe to their own slices (so the session
 * list is not built while the token list is shown).
 */
export function ListPane() {
  const store = useInspectorStore();
  const mode = useInspector((state) => state.listMode);
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

  return (
    <div
      class="list-pane"
      // A width chosen with the splitter replaces the default share of the row.
      style={width === undefined ? undefined : { flex: `0 0 ${width}px` }}
    >
      <LazySessionSummary onJump={jump} />
      <ListModeTabs mode={mode} onMode={store.setListMode} />
      {mode === 'tokens' ? (
        <TokenListPane />
      ) : (
        <LazySessionsPane
          expandedId={expanded}
          onToggle={(id) => setExpanded((current) => (current === id ? undefined : id))}
        />
      )}
      <ListSplitter width={width} onWidth={store.setListWidth} />
    </div>
  );
}
