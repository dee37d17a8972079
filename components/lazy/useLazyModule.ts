// useLazyModule: a module loaded with import() on first use, shared by every component that renders it.
import { useEffect, useState } from 'preact/hooks';

/** A loader such as `() => import('../ReplayPanel')`, and what it has given so far. */
interface Entry {
  promise: Promise<unknown>;
  module?: unknown;
}

const entries = new Map<() => Promise<unknown>, Entry>();

/** Starts loading once per loader (every caller shares the promise); resolves to the module. */
export function loadModule<M>(load: () => Promise<M>): Promise<M> {
  let entry = entries.get(load);
  if (!entry) {
    const created: Entry = { promise: load() };
    created.promise.then(
      (module) => {
        created.module = module;
      },
      // A failed load is retried on the next render that asks for it.
      () => entries.delete(load),
    );
    entries.set(load, created);
    entry = created;
  }
  return entry.promise as Promise<M>;
}

/**
 * The module once loaded — undefined on the renders before (show a placeholder). A module loaded
 * earlier is there on the first render, so reopening a view does not flash. A failed load throws
 * during render, for the nearest ErrorBoundary.
 */
export function useLazyModule<M>(load: () => Promise<M>): M | undefined {
  const [state, setState] = useState<{ module?: M; error?: unknown }>(() => ({
    module: entries.get(load)?.module as M | undefined,
  }));
  useEffect(() => {
    if (state.module !== undefined) return undefined;
    let live = true;
    loadModule(load).then(
      (module) => live && setState({ module }),
      (error: unknown) => live && setState({ error }),
    );
    return () => {
      live = false;
    };
  }, [load, state.module]);
  if (state.error !== undefined) throw state.error;
  return state.module;
}
