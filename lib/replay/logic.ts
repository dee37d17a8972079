// The replay code the panel loads on first use (lib/replay/lazy-slice.ts): the slice and its default sender.
export { createReplaySlice } from './slice';
export { sendReplay } from './send';
