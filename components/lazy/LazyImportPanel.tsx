// LazyImportPanel: ImportPanel (paste a token or a HAR file), its code loaded with import() when Import is first opened.
import type { ImportPanelProps } from '../ImportPanel';
import { LazyPending } from './LazyPending';
import { useLazyModule } from './useLazyModule';
import { loadImportPanel } from './views';

/** {@link ImportPanel}'s drop-in replacement (same props), loaded when Import is first opened. */
export function LazyImportPanel(props: ImportPanelProps) {
  const loaded = useLazyModule(loadImportPanel);
  return loaded ? <loaded.ImportPanel {...props} /> : <LazyPending />;
}
