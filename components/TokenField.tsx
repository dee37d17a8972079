// TokenField: the masked access-token input, where the token may go, its facts, and the remember opt-in.
import { useEffect, useState } from 'preact/hooks';
import { normalizeTokenInput } from '../lib/jose/find';
import type { ReplayActions, ReplayState } from '../lib/replay/slice';
import { TokenBinding } from './TokenBinding';
import { TokenFacts } from './TokenFacts';

/** Props of {@link TokenField}. */
export interface TokenFieldProps {
  replay: ReplayState;
  actions: ReplayActions;
  /** Current time in milliseconds. */
  now: number;
}

/** The access token: masked unless revealed, bound to one origin, remembered only on opt-in. */
export function TokenField({ replay, actions, now }: TokenFieldProps) {
  const [draft, setDraft] = useState(replay.token);
  const [reveal, setReveal] = useState(false);
  // The store normalises the token (Bearer stripped) and may replace it (cleared, obtained).
  useEffect(() => {
    setDraft((current) => (normalizeTokenInput(current) === replay.token ? current : replay.token));
  }, [replay.token]);

  const { token, tokenInfo } = replay;
  const tokenInputProps = {
    class: 'replay-token-input',
    value: draft,
    onInput: (event: Event) => {
      const value = (event.currentTarget as HTMLInputElement).value;
      setDraft(value);
      actions.setToken(value);
    },
    placeholder: 'Paste an access token (Bearer … is fine)',
    'aria-label': 'Access token',
    autocomplete: 'off',
    spellcheck: false,
    'data-testid': 'replay-token',
  };
  return (
    <>
      <div class="replay-row">
        {/* Two elements, because the input's type union does not type-check as one expression. */}
        {reveal ? (
          <input type="text" {...tokenInputProps} />
        ) : (
          <input type="password" {...tokenInputProps} />
        )}
        <button
          type="button"
          onClick={() => setReveal(!reveal)}
          aria-pressed={reveal}
          data-testid="replay-token-reveal"
        >
          {reveal ? 'Hide' : 'Show'}
        </button>
        {token !== '' && (
          <button type="button" onClick={actions.clearToken} data-testid="replay-token-clear">
            Clear
          </button>
        )}
      </div>
      <TokenBinding replay={replay} actions={actions} />
      {token !== '' && tokenInfo && <TokenFacts info={tokenInfo} now={now} />}
      <label class="replay-remember">
        <input
          type="checkbox"
          checked={replay.rememberToken}
          onChange={(event) => actions.setRememberToken(event.currentTarget.checked)}
          data-testid="replay-remember"
        />{' '}
        Remember for this browser session (browser.storage.session, gone when the browser closes)
      </label>
    </>
  );
}
