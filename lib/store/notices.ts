// Notices above the list: a short, capped queue of messages (pure).
import { capText } from './text';

/** A message shown above the list until dismissed. */
export interface Notice {
  id: number;
  level: 'info' | 'warning' | 'error';
  text: string;
}

const MAX_NOTICES = 5;
const MAX_NOTICE_CHARS = 2_000;

/** The notices with one more at the end (the oldest beyond the cap dropped). */
export function appendNotice(
  notices: readonly Notice[],
  id: number,
  level: Notice['level'],
  text: string,
): readonly Notice[] {
  return [...notices, { id, level, text: capText(text, MAX_NOTICE_CHARS) }].slice(-MAX_NOTICES);
}

/** The notices without the one with `id`. */
export function removeNotice(notices: readonly Notice[], id: number): readonly Notice[] {
  return notices.filter((notice) => notice.id !== id);
}
