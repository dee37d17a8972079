// Wording of the detail pane: tab labels and why a tab does not apply.
import type { DetailTab } from './tab-ids';

/** Tab labels. */
export const DETAIL_TAB_LABELS: Record<DetailTab, string> = {
  checks: 'Checks',
  uqudo: 'Uqudo',
  json: 'JSON',
  replay: 'Replay',
  images: 'Images',
};

/** Why a tab does not apply to the selected capture. */
export const TAB_UNAVAILABLE = {
  checking: 'Still checking this token.',
  notToken: 'Not a token: there is no Uqudo result to summarise.',
  encrypted: 'Encrypted: add the private key in Settings to read the result.',
  accessToken: 'An access token carries no Uqudo result (select the result it was used for).',
  notResult: 'Not a Uqudo SDK result.',
  noImages: 'This result references no images.',
  imagesNeedResult: 'Only a Uqudo result references images.',
} as const;
