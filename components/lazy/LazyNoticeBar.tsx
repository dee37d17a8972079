// LazyNoticeBar: NoticeBar (import results, unreadable bodies, dropped captures), its code loaded with import() after the first render.
import type { NoticeBarProps } from '../NoticeBar';
import { useLazyModule } from './useLazyModule';
import { loadNoticeBar } from './list-views';

/**
 * {@link NoticeBar}'s drop-in replacement (same props). Nothing shows while its code loads: the
 * panel opens with no notice, and the first one comes from work that starts after the first render.
 */
export function LazyNoticeBar(props: NoticeBarProps) {
  const loaded = useLazyModule(loadNoticeBar);
  return loaded ? <loaded.NoticeBar {...props} /> : null;
}
