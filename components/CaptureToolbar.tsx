// CaptureToolbar: the Toolbar over the store — counts, filter and Preserve log subscribed here, not in App.
import { CaptureCounts } from './CaptureCounts';
import { Toolbar } from './Toolbar';
import { useInspector, useInspectorStore } from './store-context';

/** Props of {@link CaptureToolbar}: what the shell decides (which side panel is open). */
export interface CaptureToolbarProps {
  onHarFile: (file: File) => void;
  importOpen: boolean;
  onToggleImport: () => void;
  settingsOpen: boolean;
  onToggleSettings: () => void;
}

/**
 * The toolbar with the store's filter and counts, subscribed here rather than in App: a keystroke
 * re-renders the toolbar, not the whole panel, and new captures (every update during a burst)
 * re-render only the counts (CaptureCounts subscribes to them itself).
 */
export function CaptureToolbar(props: CaptureToolbarProps) {
  const store = useInspectorStore();
  const filter = useInspector((state) => state.filter);
  const preserveLog = useInspector((state) => state.settings.preserveLog);
  return (
    <Toolbar
      counts={<CaptureCounts />}
      filter={filter}
      onFilter={store.setFilter}
      preserveLog={preserveLog}
      onPreserveLog={(next) => store.updateSettings({ preserveLog: next })}
      onClear={store.clear}
      {...props}
    />
  );
}
