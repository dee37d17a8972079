// The replay API base: which preset or custom origin is selected, and the origin it stands for.
import { API_BASE_PRESETS, parseApiBase, type ApiBasePreset } from '../uqudo/api-bases';
import { CHOOSE_BASE_TEXT } from './shell-text';

/** Which API base is selected: one of the presets, or a custom origin typed by the user. */
export interface ApiBaseSelection {
  preset: ApiBasePreset['id'] | 'custom';
  /** The custom base text (kept even while a preset is selected, so switching back restores it). */
  custom: string;
}

/** Production, until the user chooses. */
export const DEFAULT_API_BASE: ApiBaseSelection = { preset: 'prod', custom: '' };

/** The origin an API base selection stands for, or why it is not usable. */
export function resolveSelection(
  selection: ApiBaseSelection,
): { ok: true; origin: string } | { ok: false; error: string } {
  if (selection.preset === 'custom') return parseApiBase(selection.custom);
  const preset = API_BASE_PRESETS.find((candidate) => candidate.id === selection.preset);
  return preset ? { ok: true, origin: preset.origin } : { ok: false, error: CHOOSE_BASE_TEXT };
}

/** A usable selection from untrusted input (storage, the UI): unknown presets become production. */
export function normalizeSelection(value: Partial<ApiBaseSelection> | undefined): ApiBaseSelection {
  const ids: ApiBaseSelection['preset'][] = [...API_BASE_PRESETS.map((p) => p.id), 'custom'];
  const preset = ids.find((id) => id === value?.preset) ?? DEFAULT_API_BASE.preset;
  const custom = typeof value?.custom === 'string' ? value.custom.slice(0, 2048) : '';
  return { preset, custom };
}

/** The selection for `origin`: its preset when one matches, else a custom base (keeping `custom`). */
export function selectOrigin(origin: string, custom: string): ApiBaseSelection {
  const preset = API_BASE_PRESETS.find((candidate) => candidate.origin === origin);
  return preset ? { preset: preset.id, custom } : { preset: 'custom', custom: origin };
}
