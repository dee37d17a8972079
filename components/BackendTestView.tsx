// BackendTestView: passive findings, then "Test my backend" → confirmation → progress → results, for one capture.
import { START_LABEL, TEST_INTRO } from '../lib/backend-test/backend-test-text';
import { selectBackendFindings } from '../lib/backend-test/passive';
import type { BackendTestStore } from '../lib/backend-test/slice';
import { findTestTarget } from '../lib/backend-test/target';
import { useStoreSlice } from './useStoreSlice';
import { useInspector, useInspectorStore } from './store-context';
import { BackendTestAnswerFindings } from './BackendTestAnswerFindings';
import { BackendTestConfirm } from './BackendTestConfirm';
import { BackendTestTable } from './BackendTestTable';
import './backend-test.css';

/** Props of {@link BackendTestView}. */
export interface BackendTestViewProps {
  backendTest: BackendTestStore;
}

/** The section for the selected capture; nothing when it is not a result posted to a backend. */
export function BackendTestView({ backendTest }: BackendTestViewProps) {
  const store = useInspectorStore();
  const selected = useInspector((state) => state.selected);
  const findings = useInspector((state) =>
    state.selected ? selectBackendFindings(state, state.selected) : undefined,
  );
  // Re-render when a post is kept: keptPost below reads it.
  useStoreSlice(backendTest, (state) => state.keptVersion);
  const run = useStoreSlice(backendTest, (state) =>
    selected ? state.runs[selected.id] : undefined,
  );
  const target = selected && findTestTarget(selected, backendTest.keptPost(selected.exchange.id));
  if (!selected || !target) return null;
  const open = () => {
    const opened = backendTest.open(selected, store.getState().captures);
    if (!opened.ok) store.notify('warning', `Test my backend: ${opened.reason}.`);
  };
  return (
    <section class="backend-test" data-testid="backend-test">
      <h3 class="backend-test-title">Your backend</h3>
      {findings ? <BackendTestAnswerFindings findings={findings} /> : null}
      <p class="muted">{TEST_INTRO}</p>
      {!run ? (
        <button type="button" data-testid="backend-test-start" onClick={open}>
          {START_LABEL}
        </button>
      ) : null}
      {run?.phase === 'confirming' ? (
        <BackendTestConfirm
          run={run}
          onConfirm={() => backendTest.confirm(run.captureId)}
          onCancel={() => backendTest.dismiss(run.captureId)}
        />
      ) : run ? (
        <BackendTestTable
          run={run}
          onCancel={() => backendTest.cancel(run.captureId)}
          onAgain={() => {
            backendTest.dismiss(run.captureId);
            open();
          }}
        />
      ) : null}
    </section>
  );
}
