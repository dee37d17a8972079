// The detail pane's tabs: which apply to the selected capture (and why not), the tab shown, arrow-key moves. Pure.
import { findInnermost, type Inspection } from '../jose/inspect';
import { DETAIL_TAB_LABELS, TAB_UNAVAILABLE } from './detail-text';

import { DETAIL_TABS, type DetailTab } from './tab-ids';

// The tab ids live in ./tab-ids so detail-text can key its labels by them without a cycle.
export type { DetailTab } from './tab-ids';

/** A tab as the tab list shows it: its label and, when it does not apply, why. */
export interface DetailTabState {
  id: DetailTab;
  label: string;
  /** Set when the tab does not apply to the selected capture (it is disabled, with this reason). */
  disabledReason?: string;
}

/** What decides which tabs apply. */
export interface DetailTabInput {
  inspection?: Inspection;
  /** The capture has a Uqudo summary (its innermost token is a Uqudo result). */
  hasSummary: boolean;
  /** Images the result references, photos inlined in it, and images already fetched for it. */
  imageCount: number;
}

/** Why the Uqudo tab does not apply, or undefined when it does. */
function uqudoUnavailable(input: DetailTabInput): string | undefined {
  if (input.hasSummary) return undefined;
  if (!input.inspection) return TAB_UNAVAILABLE.checking;
  const inner = findInnermost(input.inspection);
  if (inner.format === 'invalid') return TAB_UNAVAILABLE.notToken;
  if (inner.format === 'jwe') return TAB_UNAVAILABLE.encrypted;
  if (inner.kind === 'uqudo-access-token') return TAB_UNAVAILABLE.accessToken;
  return TAB_UNAVAILABLE.notResult;
}

/** Every tab with, for those that do not apply to this capture, the reason. */
export function selectDetailTabs(input: DetailTabInput): DetailTabState[] {
  const uqudo = uqudoUnavailable(input);
  const images =
    input.imageCount > 0
      ? undefined
      : input.hasSummary
        ? TAB_UNAVAILABLE.noImages
        : TAB_UNAVAILABLE.imagesNeedResult;
  return DETAIL_TABS.map((id) => {
    const reason = id === 'uqudo' ? uqudo : id === 'images' ? images : undefined;
    const tab: DetailTabState = { id, label: DETAIL_TAB_LABELS[id] };
    if (reason) tab.disabledReason = reason;
    return tab;
  });
}

/** The tab shown: the one chosen when it applies, else Checks (the choice is kept for later rows). */
export function resolveDetailTab(tabs: readonly DetailTabState[], chosen: DetailTab): DetailTab {
  const tab = tabs.find((candidate) => candidate.id === chosen);
  return tab && !tab.disabledReason ? chosen : 'checks';
}

/**
 * The tab a key moves to from `current` (ArrowLeft/Right wrap, Home, End), skipping tabs that do
 * not apply; undefined for other keys.
 */
export function moveDetailTab(
  tabs: readonly DetailTabState[],
  current: DetailTab,
  key: string,
): DetailTab | undefined {
  const enabled = tabs.filter((tab) => !tab.disabledReason).map((tab) => tab.id);
  const index = enabled.indexOf(current);
  if (enabled.length === 0) return undefined;
  switch (key) {
    case 'ArrowRight':
      return enabled[(index + 1) % enabled.length];
    case 'ArrowLeft':
      return enabled[(index - 1 + enabled.length) % enabled.length];
    case 'Home':
      return enabled[0];
    case 'End':
      return enabled[enabled.length - 1];
    default:
      return undefined;
  }
}
