// Where components find the backend-test store of the panel they render (attached once by createPanel).
import type { BackendTestStore } from './slice';

const attached = new WeakMap<object, BackendTestStore>();

/** Attaches `backendTest` to the panel's inspector store (one per panel). */
export function attachBackendTest(store: object, backendTest: BackendTestStore): void {
  attached.set(store, backendTest);
}

/** The backend-test store attached to `store`, if any (undefined: the section renders nothing). */
export function findBackendTest(store: object): BackendTestStore | undefined {
  return attached.get(store);
}
