// Pure level helpers for the summary view: the worst level among items and the overview's level.
import type { Level, UqudoSummary } from './types';

const LEVEL_RANK: Record<Level, number> = { bad: 3, warn: 2, good: 1, info: 0 };

/** The most severe level among items (`info` when there are none). */
export function worstLevel(items: readonly { level: Level }[]): Level {
  let worst: Level = 'info';
  for (const entry of items) {
    if ((LEVEL_RANK[entry.level] ?? 0) > LEVEL_RANK[worst]) worst = entry.level;
  }
  return worst;
}

/** The overview line's level: red with any problem, amber with anything to look at, else green. */
export function overallLevel(overall: UqudoSummary['overall']): Level {
  return overall.bad > 0 ? 'bad' : overall.warn > 0 ? 'warn' : 'good';
}
