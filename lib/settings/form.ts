// The settings form's drafts: the text fields as typed, and the patch "Apply" makes of them (pure).
import type { PanelSettings } from './settings';

/** The settings edited as free text (applied on focus-out, Enter or Apply). */
export type SettingsTextField =
  | 'customJwksUrl'
  | 'pastedKeys'
  | 'expectedAud'
  | 'expectedIss'
  | 'expectedSessionId'
  | 'expectedNonce';

/** The text drafts of a form, one per text field. */
export type SettingsDrafts = Record<SettingsTextField, string>;

const TEXT_FIELDS: readonly SettingsTextField[] = [
  'customJwksUrl',
  'pastedKeys',
  'expectedAud',
  'expectedIss',
  'expectedSessionId',
  'expectedNonce',
];

/** The drafts of applied settings (what the form shows before any typing). */
export function createDrafts(settings: PanelSettings): SettingsDrafts {
  return {
    customJwksUrl: settings.customJwksUrl,
    pastedKeys: settings.pastedKeys,
    expectedAud: settings.expectedAud,
    expectedIss: settings.expectedIss,
    expectedSessionId: settings.expectedSessionId,
    expectedNonce: settings.expectedNonce,
  };
}

/** The leeway a draft asks for, or undefined when it is empty, not a number or unchanged. */
export function readLeewayDraft(draft: string, settings: PanelSettings): number | undefined {
  const value = Number(draft);
  return draft.trim() !== '' && Number.isFinite(value) && value !== settings.leewaySeconds
    ? value
    : undefined;
}

/** Every change the drafts make to the applied settings (empty when nothing changed). */
export function collectSettingsPatch(
  drafts: SettingsDrafts,
  leewayDraft: string,
  settings: PanelSettings,
): Partial<PanelSettings> {
  const patch: Partial<PanelSettings> = {};
  for (const field of TEXT_FIELDS) {
    if (drafts[field] !== settings[field]) patch[field] = drafts[field];
  }
  const leeway = readLeewayDraft(leewayDraft, settings);
  if (leeway !== undefined) patch.leewaySeconds = leeway;
  return patch;
}
