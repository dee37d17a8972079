// BackendTestSection: the backend acceptance test of the selected capture, when the panel has a backend-test store.
import { findBackendTest } from '../lib/backend-test/slice';
import { BackendTestView } from './BackendTestView';
import { useInspectorStore } from './store-context';

/** Renders nothing unless the selected capture is a result posted to the integrator's backend. */
export function BackendTestSection() {
  const backendTest = findBackendTest(useInspectorStore());
  return backendTest ? <BackendTestView backendTest={backendTest} /> : null;
}
