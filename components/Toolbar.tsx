// Toolbar: Clear, Preserve log, filter box, counts, Import HAR, Paste token and Settings toggles.
import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';
import { ExportMenu } from './ExportMenu';

export interface ToolbarProps {
  /**
   * The counts line (ToolbarCounts): a slot, so that the counts, which change with every update,
   * re-render on their own and the controls do not.
   */
  counts: ComponentChildren;
  filter: string;
  onFilter: (text: string) => void;
  preserveLog: boolean;
  onPreserveLog: (preserve: boolean) => void;
  onClear: () => void;
  onHarFile: (file: File) => void;
  importOpen: boolean;
  onToggleImport: () => void;
  settingsOpen: boolean;
  onToggleSettings: () => void;
}

/** The panel's top bar. */
export function Toolbar(props: ToolbarProps) {
  const fileInput = useRef<HTMLInputElement>(null);

  return (
    <div class="toolbar" role="toolbar" aria-label="Capture controls">
      <button type="button" data-testid="clear" title="Clear the list" onClick={props.onClear}>
        Clear
      </button>
      <label class="toolbar-check" title="Keep captures when the inspected page navigates">
        <input
          type="checkbox"
          data-testid="preserve-log"
          checked={props.preserveLog}
          onChange={(event) => props.onPreserveLog(event.currentTarget.checked)}
        />
        Preserve log
      </label>
      <input
        type="search"
        class="toolbar-filter"
        data-testid="filter"
        placeholder="Filter: URL, jti, kind, finding…"
        aria-label="Filter captures"
        value={props.filter}
        onInput={(event) => props.onFilter(event.currentTarget.value)}
      />
      {props.counts}
      <span class="toolbar-spacer" />
      <button
        type="button"
        data-testid="import-har"
        title="Check every token in a HAR file"
        onClick={() => fileInput.current?.click()}
      >
        Import HAR
      </button>
      <input
        ref={fileInput}
        type="file"
        accept=".har,.json,application/json"
        hidden
        data-testid="har-file-toolbar"
        // File inputs fire input then change on selection; onInput behaves the same with and
        // without preact/compat.
        onInput={(event) => {
          const file = event.currentTarget.files?.[0];
          // Reset so choosing the same file again still fires a change.
          event.currentTarget.value = '';
          if (file) props.onHarFile(file);
        }}
      />
      <ExportMenu scope={{ kind: 'all' }} variant="all" />
      <button
        type="button"
        data-testid="paste-toggle"
        aria-pressed={props.importOpen}
        onClick={props.onToggleImport}
      >
        Paste token
      </button>
      <button
        type="button"
        data-testid="settings-toggle"
        aria-pressed={props.settingsOpen}
        onClick={props.onToggleSettings}
      >
        Settings
      </button>
    </div>
  );
}
