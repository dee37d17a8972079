// KeySourceRadio: one choice of where verification keys come from.
import type { KeySourceMode, PanelSettings } from '../lib/settings/settings';

/** Props of {@link KeySourceRadio}. */
interface KeySourceRadioProps {
  mode: KeySourceMode;
  current: KeySourceMode;
  label: string;
  onChange: (patch: Partial<PanelSettings>) => void;
}

/** A radio button selecting `mode` as the key source. */
export function KeySourceRadio({ mode, current, label, onChange }: KeySourceRadioProps) {
  return (
    <label class="radio">
      <input
        type="radio"
        name="key-source"
        value={mode}
        data-testid={`key-source-${mode}`}
        checked={current === mode}
        onChange={() => onChange({ keySource: mode })}
      />
      {label}
    </label>
  );
}
