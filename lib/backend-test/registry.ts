// What the backend test of a panel works from — the posts kept since it opened, its effects — attached once by createPanel.
import type { OriginAccess } from '../permissions/access';
import type { PostKeeper } from './keep';
import type { RunDeps } from './run';

/** Effects of the backend test (defaults: global fetch, a real 250 ms pause, a fresh RSA key). */
export interface BackendTestDeps {
  fetch?: typeof fetch;
  originAccess?: OriginAccess;
  wait?: RunDeps['wait'];
  generateKey?: RunDeps['generateKey'];
  now?: () => number;
}

/** A panel's backend-test inputs: its kept posts (fed from the start) and its effects. */
export interface BackendTestHost {
  posts: PostKeeper;
  deps: BackendTestDeps;
}

const attached = new WeakMap<object, BackendTestHost>();

/** Attaches the backend-test inputs to the panel's inspector store (one per panel). */
export function attachBackendTest(store: object, host: BackendTestHost): void {
  attached.set(store, host);
}

/** The backend-test inputs attached to `store`, if any. */
export function findBackendTestHost(store: object): BackendTestHost | undefined {
  return attached.get(store);
}

/** The backend-test effects out of the panel's ports (its fetch, host access and clock). */
export function pickBackendTestDeps(ports: {
  fetch?: typeof fetch;
  originAccess?: OriginAccess;
  now?: () => number;
}): BackendTestDeps {
  return {
    ...(ports.fetch && { fetch: ports.fetch }),
    ...(ports.originAccess && { originAccess: ports.originAccess }),
    ...(ports.now && { now: ports.now }),
  };
}
