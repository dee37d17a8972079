// LazyExportChoices: ExportChoices (the open export menu), its code loaded with import() when Export is first opened.
import type { ExportChoicesProps } from '../ExportChoices';
import { LazyPending } from './LazyPending';
import { useLazyModule } from './useLazyModule';
import { loadExportChoices } from './views';

/** {@link ExportChoices}'s drop-in replacement (same props), loaded when Export is first opened. */
export function LazyExportChoices(props: ExportChoicesProps) {
  const loaded = useLazyModule(loadExportChoices);
  return loaded ? <loaded.ExportChoices {...props} /> : <LazyPending />;
}
