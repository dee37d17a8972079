// A module loaded with import() once, on first use: who waits for it hears of it before the load's promise resolves.

/** One lazily loaded module and the parts of the panel waiting for it. */
export interface CodeLoader<M> {
  /** Loads the module once (a failed load is tried again on the next call). */
  load(): Promise<M>;
  /** The module, once loaded. */
  loaded(): M | undefined;
  /**
   * Calls `listener` when a load settles, before `load()`'s promise resolves (so a view that
   * awaited `load()` finds every listener done). After a success it is dropped; after a failure
   * it keeps listening for the next try.
   */
  listen(listener: (outcome: M | Error) => void): void;
}

/** A loader over `importer` (e.g. `() => import('./logic')`). */
export function createCodeLoader<M>(importer: () => Promise<M>): CodeLoader<M> {
  let module: M | undefined;
  let loading: Promise<M> | undefined;
  const listeners = new Set<(outcome: M | Error) => void>();
  const settle = (outcome: M | Error) => {
    const waiting = [...listeners];
    if (!(outcome instanceof Error)) listeners.clear();
    for (const listener of waiting) listener(outcome);
  };
  return {
    load() {
      loading ??= importer().then(
        (loaded) => {
          module = loaded;
          settle(loaded);
          return loaded;
        },
        (error: unknown) => {
          loading = undefined;
          settle(error instanceof Error ? error : new Error(String(error)));
          throw error;
        },
      );
      return loading;
    },
    loaded: () => module,
    listen: (listener) => void listeners.add(listener),
  };
}
