// useStoreSlice: a component's subscription to a slice of a vanilla zustand store, on Preact's own hooks.
import { useEffect, useReducer, useRef } from 'preact/hooks';
import type { StoreApi } from 'zustand/vanilla';

/**
 * The selected slice of `store`'s state; the component re-renders when it changes (`Object.is`).
 * Selectors must return stable references, as with zustand's `useStore`. Written on preact/hooks so
 * the panel bundle does not carry preact/compat just for zustand's React binding.
 */
export function useStoreSlice<S, T>(
  store: Pick<StoreApi<S>, 'getState' | 'subscribe'>,
  selector: (state: S) => T,
): T {
  const [, rerender] = useReducer((count: number) => count + 1, 0);
  const value = selector(store.getState());
  const latest = useRef({ selector, value });
  latest.current = { selector, value };
  useEffect(() => {
    const check = () => {
      const next = latest.current.selector(store.getState());
      if (!Object.is(next, latest.current.value)) rerender(undefined);
    };
    const unsubscribe = store.subscribe(check);
    // A change between this render and the subscription is not lost.
    check();
    return unsubscribe;
  }, [store]);
  return value;
}
