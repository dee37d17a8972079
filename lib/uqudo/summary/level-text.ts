// Wording of the summary view's levels: the word for assistive technology and the icon shown.
import type { Level } from './types';

/** Word read by assistive technology (and shown on hover) for each level. */
const LEVEL_WORDS: Record<Level, string> = {
  good: 'ok',
  warn: 'attention',
  bad: 'problem',
  info: 'info',
};
const LEVEL_ICONS: Record<Level, string> = { good: '✔', warn: '▲', bad: '✖', info: '•' };

/** The word for a level ("problem", "attention", …), falling back to the level itself. */
export function describeLevel(level: Level): string {
  return LEVEL_WORDS[level] ?? level;
}

/** The icon shown for a level (a bullet for anything unknown). */
export function pickLevelIcon(level: Level): string {
  return LEVEL_ICONS[level] ?? '•';
}

/** The overview's counts, e.g. "1 problem, 2 to look at". */
export function describeOverall(bad: number, warn: number): string {
  return `${bad} ${bad === 1 ? 'problem' : 'problems'}, ${warn} to look at`;
}
