// DetailUseToken: "Use this access token for {origin}" on a captured access token — fills the replay token, bound there.
import { findCapturedAccessToken } from '../lib/replay/suggest';
import { describeSuggestionSource, describeUseTokenLabel } from '../lib/replay/suggest-text';
import type { Capture } from '../lib/store';
import type { ReplayHost } from './ReplayPanel';

/** Props of {@link DetailUseToken}. */
export interface DetailUseTokenProps {
  store: Pick<ReplayHost, 'replay'>;
  capture: Capture;
  /** Called after the token was handed to the replay form (the pane shows the Replay tab). */
  onUsed?: () => void;
}

/** The button; nothing for captures that are not a usable access token. */
export function DetailUseToken({ store, capture, onUsed }: DetailUseTokenProps) {
  const found = findCapturedAccessToken(capture);
  if (!found) return null;
  const { origin } = found.suggestion;
  return (
    <button
      type="button"
      class="detail-use-token"
      data-testid="use-access-token"
      data-origin={origin}
      title={`The token stays masked and in memory; it is sent only to ${origin} (${describeSuggestionSource(found.suggestion)}).`}
      onClick={() => {
        store.replay.adoptCapturedToken(found.token, origin);
        onUsed?.();
      }}
    >
      {describeUseTokenLabel(origin)}
    </button>
  );
}
