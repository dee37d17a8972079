// useLazyModule: a module loaded with import() on first use, shared by every component that renders it.
import { useEffect, useState } from 'preact/hooks';
import { createCodeLoader, type CodeLoader } from '../../lib/lazy/code-loader';

// One code loader per import function: every caller shares its load (a failed one is tried again).
const loaders = new Map<() => Promise<unknown>, CodeLoader<unknown>>();

function loaderOf<M>(load: () => Promise<M>): CodeLoader<M> {
  let loader = loaders.get(load);
  if (!loader) {
    loader = createCodeLoader(load);
    loaders.set(load, loader);
  }
  return loader as CodeLoader<M>;
}

/** Starts loading once per loader (every caller shares the promise); resolves to the module. */
export function loadModule<M>(load: () => Promise<M>): Promise<M> {
  return loaderOf(load).load();
}

/**
 * The module once loaded — undefined on the renders before (show a placeholder). A module loaded
 * earlier is there on the first render, so reopening a view does not flash. A failed load throws
 * during render, for the nearest ErrorBoundary.
 */
export function useLazyModule<M>(load: () => Promise<M>): M | undefined {
  const [state, setState] = useState<{ module?: M; error?: unknown }>(() => ({
    module: loaderOf(load).loaded(),
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
