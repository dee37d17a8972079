// SummaryLevelMarker: a coloured level icon with the level's word for screen readers.
import type { Level } from '../lib/uqudo/summary';
import { describeLevel, pickLevelIcon } from '../lib/uqudo/summary/level-text';

/** A coloured icon with the level's word for screen readers. */
export function SummaryLevelMarker({ level }: { level: Level }) {
  return (
    <span class={`level-marker level-${level}`} title={describeLevel(level)}>
      <span aria-hidden="true">{pickLevelIcon(level)}</span>
      <span class="sr-only">{describeLevel(level)}</span>
    </span>
  );
}
