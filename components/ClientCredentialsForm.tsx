// ClientCredentialsForm: get an access token from client id + secret (the secret is sent once, never kept).
import { useState } from 'preact/hooks';
import type { ReplayActions } from '../lib/replay/slice';
import { tokenEndpointFor } from '../lib/uqudo/info-api';

/** Props of {@link ClientCredentialsForm}. */
export interface ClientCredentialsFormProps {
  /** The selected API origin (its token endpoint is named in the warning). */
  origin: string | undefined;
  actions: ReplayActions;
}

/** A collapsed form with Uqudo's "backend only" warning; the secret field empties after each try. */
export function ClientCredentialsForm({ origin, actions }: ClientCredentialsFormProps) {
  const [clientId, setClientId] = useState('');
  const [secret, setSecret] = useState('');
  const [busy, setBusy] = useState(false);
  const endpoint = origin ? tokenEndpointFor(origin) : undefined;
  return (
    <details class="replay-credentials">
      <summary>Get a token from client id + secret</summary>
      <p class="level-warn">
        Uqudo says to request tokens from your backend only: the client secret gives full access to
        your tenant. It is sent once to{' '}
        <code>{endpoint?.ok ? endpoint.url : 'the token endpoint'}</code> and never stored.
      </p>
      <form
        class="replay-inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          setBusy(true);
          void actions.requestToken(clientId, secret).finally(() => {
            setBusy(false);
            setSecret('');
          });
        }}
      >
        <input
          type="text"
          value={clientId}
          onInput={(event) => setClientId(event.currentTarget.value)}
          placeholder="client id"
          aria-label="Client id"
          autocomplete="off"
          spellcheck={false}
          data-testid="replay-client-id"
        />
        <input
          type="password"
          value={secret}
          onInput={(event) => setSecret(event.currentTarget.value)}
          placeholder="client secret"
          aria-label="Client secret"
          autocomplete="off"
          data-testid="replay-client-secret"
        />
        <button
          type="submit"
          disabled={busy || origin === undefined}
          data-testid="replay-get-token"
        >
          {busy ? 'Getting…' : 'Get token'}
        </button>
      </form>
    </details>
  );
}
