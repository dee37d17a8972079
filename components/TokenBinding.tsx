// TokenBinding: which origin the access token is sent to, and "Use this token for …" after the base changed.
import { selectTokenMismatch } from '../lib/replay/selectors';
import type { ReplayActions, ReplayState } from '../lib/replay/slice';

/** Props of {@link TokenBinding}. */
export interface TokenBindingProps {
  replay: ReplayState;
  actions: ReplayActions;
}

/** No token, a token bound elsewhere (with the rebind button), or where the token goes and is kept. */
export function TokenBinding({ replay, actions }: TokenBindingProps) {
  const { token, tokenOrigin, apiOrigin } = replay;
  if (token === '') {
    return <p class="muted">No token: requests go without Authorization (the API answers 401).</p>;
  }
  if (selectTokenMismatch(replay)) {
    return (
      <div class="level-warn" data-testid="replay-token-mismatch">
        <p>
          This token was entered for <code>{tokenOrigin ?? 'no API base'}</code>; it is not sent to{' '}
          <code>{apiOrigin}</code>.
        </p>
        <button
          type="button"
          onClick={actions.bindTokenToSelectedBase}
          data-testid="replay-token-rebind"
        >
          Use this token for {apiOrigin}
        </button>
      </div>
    );
  }
  return (
    <p class="muted" data-testid="replay-token-origin">
      Sent only to <code>{tokenOrigin}</code>. Kept in memory
      {replay.rememberToken ? ' and in this browser session' : ' only'}.
    </p>
  );
}
