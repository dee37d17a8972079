// The detail pane's tab ids, in order (shared by the tab logic and its wording).

/** The tabs of the detail pane, in order. */
export const DETAIL_TABS = ['checks', 'uqudo', 'json', 'replay', 'images'] as const;

/** One tab of the detail pane. */
export type DetailTab = (typeof DETAIL_TABS)[number];
