// The list pane's lazily loaded parts: one loader each (shared by its wrapper and the preload). Kept
// apart from views.ts because the session list renders lazy views of its own (no import cycle).

/** The notices above the list (import results, unreadable bodies, dropped captures). */
export const loadNoticeBar = () => import('../NoticeBar');
/** The findings summary over the list (empty until the first session). */
export const loadSessionSummary = () => import('../SessionSummary');
/** The sessions mode of the list pane (the session list). */
export const loadSessionsPane = () => import('../SessionsPane');
