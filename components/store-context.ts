// The panel's store for components: a Preact context and hooks (no store passed down as props).
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { useStoreSlice } from './useStoreSlice';
import type { InspectorState, InspectorStore } from '../lib/store';

/** The store of the panel being rendered (provided once, by the composition root or a test). */
export const StoreContext = createContext<InspectorStore | undefined>(undefined);

/** The store itself, for its actions (`store.select`, `store.replay.sendInfo`…). */
export function useInspectorStore(): InspectorStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('StoreContext is missing: render inside <StoreContext.Provider>.');
  return store;
}

/** A slice of the state; re-renders when the selected value changes (selectors return stable references). */
export function useInspector<T>(selector: (state: InspectorState) => T): T {
  return useStoreSlice(useInspectorStore(), selector);
}
