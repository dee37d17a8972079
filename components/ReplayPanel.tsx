// ReplayPanel: replay Uqudo's Info API for the selected result — token, API base, host access, info/delete/images.
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { StoreApi } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { normalizeTokenInput } from '../lib/jose/find';
import { sessionIdOf, type Inspection } from '../lib/jose/inspect';
import {
  isTokenExpired,
  type AccessState,
  type ReplayActions,
  type ReplayState,
  type TokenInfo,
} from '../lib/replay/slice';
import { API_BASE_PRESETS, isSessionId, tokenEndpointFor } from '../lib/uqudo/info-api';
import { summarizeUqudoResult, type InlinePhoto } from '../lib/uqudo/summary';
import { ImagePreview } from './ImagePreview';
import { InlinePhotoPreview } from './InlinePhotoPreview';
import { ReplayResultView } from './ReplayResultView';
import { useNow } from './useNow';
import './replay.css';

/** What the replay components need of the store: its replay state and actions. */
export type ReplayHost = Pick<
  StoreApi<{ replay: ReplayState }>,
  'getState' | 'getInitialState' | 'subscribe'
> & {
  replay: ReplayActions;
};

/** Props of {@link ReplayPanel}. */
export interface ReplayPanelProps {
  store: ReplayHost;
  /** The selected capture: its session id prefills the form, its image references feed "Fetch all". */
  capture: { id: string; inspection?: Inspection };
}

/** The replay controls and results for one selected capture. */
export function ReplayPanel({ store, capture }: ReplayPanelProps) {
  const replay = useStore(store, (state) => state.replay);
  const actions = store.replay;
  const now = useNow();

  const result = useMemo(() => describeCapture(capture.inspection), [capture.inspection]);
  const [sessionId, setSessionId] = useState(result.sessionId ?? '');
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [customBase, setCustomBase] = useState(replay.apiBase.custom);
  // A new selection brings its own session id; a half-confirmed delete must not carry over.
  useEffect(() => {
    setSessionId(result.sessionId ?? '');
    setConfirmDelete(false);
  }, [capture.id, result.sessionId]);
  useEffect(() => setCustomBase(replay.apiBase.custom), [replay.apiBase.custom]);
  // Object URLs of fetched images are freed when the gallery goes away.
  useEffect(() => () => actions.releaseImages(), [actions]);

  const trimmedId = sessionId.trim();
  const idProblem =
    trimmedId !== '' && !isSessionId(trimmedId)
      ? 'Not a UUID: use the result\u2019s jti (or data.sessionId for face sessions).'
      : undefined;
  const origin = replay.apiOrigin;
  const batch = replay.imageBatch;
  const uniqueImages = new Set(result.images.map((ref) => ref.id)).size;

  return (
    <div class="replay-panel" data-testid="replay-panel">
      <h3 class="section-title">Replay with Uqudo’s Info API</h3>

      <fieldset class="replay-group">
        <legend>API base</legend>
        <div class="replay-row">
          <select
            value={replay.apiBase.preset}
            // onInput: browsers fire it for <select> too, and preact/compat maps onChange to it anyway.
            onInput={(event) =>
              actions.selectApiBase({
                preset: event.currentTarget.value as ReplayState['apiBase']['preset'],
              })
            }
            data-testid="replay-base-select"
            aria-label="API base"
          >
            {API_BASE_PRESETS.map((preset) => (
              <option key={preset.id} value={preset.id}>
                {preset.label}
              </option>
            ))}
            <option value="custom">Custom…</option>
          </select>
          {replay.apiBase.preset === 'custom' && (
            <form
              class="replay-inline-form"
              onSubmit={(event) => {
                event.preventDefault();
                actions.selectApiBase({ custom: customBase });
              }}
            >
              <input
                type="url"
                placeholder="https://id.uqudo.io"
                value={customBase}
                onInput={(event) => setCustomBase(event.currentTarget.value)}
                onBlur={() => actions.selectApiBase({ custom: customBase })}
                data-testid="replay-base-custom"
                aria-label="Custom API base"
                spellcheck={false}
              />
              <button type="submit" data-testid="replay-base-apply">
                Use
              </button>
            </form>
          )}
        </div>
        {replay.apiBaseError ? (
          <p class="level-bad" data-testid="replay-base-error">
            {replay.apiBaseError}
          </p>
        ) : (
          <p class="muted">
            Requests go to <code data-testid="replay-origin">{origin}</code>
          </p>
        )}
        {origin && (
          <AccessRow
            origin={origin}
            state={replay.access?.origin === origin ? replay.access.state : undefined}
            onRequest={() => void actions.requestAccess()}
          />
        )}
      </fieldset>

      <fieldset class="replay-group">
        <legend>Access token</legend>
        <TokenField replay={replay} actions={actions} now={now} />
        <ClientCredentialsForm origin={origin} actions={actions} />
      </fieldset>

      <fieldset class="replay-group">
        <legend>Session</legend>
        <div class="replay-row">
          <input
            type="text"
            class="replay-session-input"
            value={sessionId}
            onInput={(event) => {
              setSessionId(event.currentTarget.value);
              setConfirmDelete(false);
            }}
            placeholder="Session id (UUID)"
            aria-label="Session id"
            data-testid="replay-session-id"
            spellcheck={false}
          />
          {result.sessionIdSource && trimmedId === result.sessionId && (
            <span class="muted">from {result.sessionIdSource}</span>
          )}
        </div>
        {idProblem && <p class="level-warn">{idProblem}</p>}
        <div class="replay-row replay-buttons">
          <button
            type="button"
            disabled={trimmedId === ''}
            onClick={() => void actions.fetchInfo(trimmedId, 'path')}
            data-testid="replay-fetch-info"
            title="GET {base}/api/v1/info/{sessionId}"
          >
            GET info
          </button>
          <button
            type="button"
            disabled={trimmedId === ''}
            onClick={() => void actions.fetchInfo(trimmedId, 'header')}
            data-testid="replay-fetch-info-header"
            title="GET {base}/api/v1/info with the UQ-Session-ID header"
          >
            GET info (UQ-Session-ID header)
          </button>
          <button
            type="button"
            class="danger"
            disabled={trimmedId === '' || confirmDelete}
            onClick={() => setConfirmDelete(true)}
            data-testid="replay-delete"
          >
            Delete…
          </button>
        </div>
        {confirmDelete && (
          <div class="replay-confirm level-bad" role="alertdialog" aria-label="Confirm delete">
            <p data-testid="replay-delete-question">
              Delete session <code>{trimmedId}</code> at <code>{origin ?? '(no API base)'}</code>?
              Its result and images are gone for good.
            </p>
            <button
              type="button"
              class="danger"
              onClick={() => {
                setConfirmDelete(false);
                void actions.deleteSession(trimmedId);
              }}
              data-testid="replay-delete-confirm"
            >
              Delete session
            </button>
            <button
              type="button"
              onClick={() => setConfirmDelete(false)}
              data-testid="replay-delete-cancel"
            >
              Keep it
            </button>
          </div>
        )}
        <div class="replay-row replay-buttons">
          <button
            type="button"
            disabled={uniqueImages === 0 || batch?.running === true}
            onClick={() => void actions.fetchImages(result.images, trimmedId || result.sessionId)}
            data-testid="replay-fetch-images"
            title={
              uniqueImages === 0
                ? 'The selected result references no images'
                : 'GET {base}/api/v1/info/img/{id} for every image, three at a time'
            }
          >
            Fetch all images ({uniqueImages})
          </button>
          {batch && (
            <span class="replay-progress" data-testid="image-progress" aria-live="polite">
              {batch.done}/{batch.total}
              {batch.failed > 0 ? ` (${batch.failed} failed)` : ''}
              {batch.running ? (batch.cancelled ? ' — stopping…' : ' — fetching…') : ''}
            </span>
          )}
          {batch?.running && !batch.cancelled && (
            <button type="button" onClick={actions.cancelImages} data-testid="replay-images-cancel">
              Stop
            </button>
          )}
        </div>
      </fieldset>

      {replay.problem && (
        <div class="replay-problem level-bad" role="alert" data-testid="replay-problem">
          <span>{replay.problem}</span>{' '}
          <button type="button" class="link-button" onClick={actions.dismissProblem}>
            Dismiss
          </button>
        </div>
      )}

      {(replay.images.length > 0 || result.inlinePhotos.length > 0) && (
        <section class="replay-gallery" aria-label="Images">
          <h4 class="section-title">Images</h4>
          <div class="replay-gallery-grid">
            {replay.images.map((image) => (
              <ImagePreview
                key={`${image.imageId}-${image.replayId}`}
                label={`${image.refKey}${image.documentType ? ` (${image.documentType})` : ''}`}
                detail={image.imageId}
                imageId={image.imageId}
                state={image.status}
                src={image.objectUrl}
                mimeType={image.mimeType}
                byteSize={image.byteSize}
                fileName={image.fileName}
                httpStatus={image.httpStatus}
                failure={image.failure}
                onRemove={() => actions.removeImage(image.imageId)}
              />
            ))}
            {result.inlinePhotos.map((photo) => (
              <InlinePhotoPreview
                key={photo.path}
                photo={photo}
                sessionId={trimmedId || result.sessionId}
              />
            ))}
          </div>
        </section>
      )}

      {replay.replays.length > 0 && (
        <section class="replay-list" aria-label="Replays" data-testid="replay-list">
          <div class="replay-row">
            <h4 class="section-title">Replays ({replay.replays.length})</h4>
            <button type="button" class="link-button" onClick={actions.clearReplays}>
              Clear replays
            </button>
          </div>
          {replay.replays.map((entry) => (
            <ReplayResultView
              key={entry.id}
              entry={entry}
              token={replay.token}
              tokenOrigin={replay.tokenOrigin}
              now={now}
              onCancel={actions.cancel}
            />
          ))}
        </section>
      )}
    </div>
  );
}

function AccessRow({
  origin,
  state,
  onRequest,
}: {
  origin: string;
  state: AccessState | undefined;
  onRequest: () => void;
}) {
  const words: Record<string, string> = {
    checking: 'Checking access…',
    asking: `Waiting for your answer in Chrome's permission prompt. Meanwhile requests still go out; they work if ${origin} allows the extension (CORS).`,
    granted: `The extension may call ${origin}.`,
    'not-granted': `No host access yet: calls work only if ${origin} allows the extension (CORS). Allow access to be sure.`,
    refused: `Access was refused. Chrome blocks the calls unless ${origin} allows the extension (CORS): click "Allow access" again, or allow the site in chrome://extensions → Uqudo Inspector → Details → Site access.`,
    unavailable: 'Host access cannot be requested here.',
  };
  return (
    <div class="replay-row">
      {state !== 'granted' && (
        <button type="button" onClick={onRequest} data-testid="replay-access">
          Allow access to {origin}
        </button>
      )}
      <span
        class={state === 'refused' ? 'level-bad' : state === 'granted' ? 'level-good' : 'muted'}
        data-testid="replay-access-state"
        data-state={state ?? 'unknown'}
      >
        {state ? words[state] : ''}
      </span>
    </div>
  );
}

function TokenField({
  replay,
  actions,
  now,
}: {
  replay: ReplayState;
  actions: ReplayActions;
  now: number;
}) {
  const [draft, setDraft] = useState(replay.token);
  const [reveal, setReveal] = useState(false);
  // The store normalises the token (Bearer stripped) and may replace it (cleared, obtained).
  useEffect(() => {
    setDraft((current) => (normalizeTokenInput(current) === replay.token ? current : replay.token));
  }, [replay.token]);

  const { token, tokenOrigin, apiOrigin, tokenInfo } = replay;
  const mismatch = token !== '' && apiOrigin !== undefined && tokenOrigin !== apiOrigin;
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
      {token === '' ? (
        <p class="muted">No token: requests go without Authorization (the API answers 401).</p>
      ) : mismatch ? (
        <div class="level-warn" data-testid="replay-token-mismatch">
          <p>
            This token was entered for <code>{tokenOrigin ?? 'no API base'}</code>; it is not sent
            to <code>{apiOrigin}</code>.
          </p>
          <button
            type="button"
            onClick={actions.bindTokenToSelectedBase}
            data-testid="replay-token-rebind"
          >
            Use this token for {apiOrigin}
          </button>
        </div>
      ) : (
        <p class="muted" data-testid="replay-token-origin">
          Sent only to <code>{tokenOrigin}</code>. Kept in memory
          {replay.rememberToken ? ' and in this browser session' : ' only'}.
        </p>
      )}
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

function TokenFacts({ info, now }: { info: TokenInfo; now: number }) {
  if (info.state === 'checking') return <p class="muted">Decoding the token…</p>;
  const expired = isTokenExpired(info, now);
  const lacksInfoScope = info.scopes.length > 0 && !info.scopes.includes('KYC_INFO_SDK');
  return (
    <ul class="replay-token-facts" data-testid="replay-token-facts">
      {info.expiresAt !== undefined && (
        <li
          class={expired ? 'level-bad' : 'level-good'}
          data-testid="replay-token-expiry"
          data-expired={expired ? 'true' : 'false'}
        >
          {expired
            ? `Expired ${formatCountdown(now - info.expiresAt)} ago — requests are blocked. Get a fresh token.`
            : `Expires in ${formatCountdown(info.expiresAt - now)}`}
        </li>
      )}
      {info.scopes.length > 0 && (
        <li>
          Scopes: <code>{info.scopes.join(' ')}</code>
        </li>
      )}
      {lacksInfoScope && (
        <li class="level-warn">
          No KYC_INFO_SDK scope: the Info API will answer 403 (token lacks the feature).
        </li>
      )}
      {info.issuer && (
        <li class="muted">
          Issuer: <code>{info.issuer}</code>
        </li>
      )}
      {info.note && <li class="level-warn">{info.note}</li>}
    </ul>
  );
}

function ClientCredentialsForm({
  origin,
  actions,
}: {
  origin: string | undefined;
  actions: ReplayActions;
}) {
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

interface CaptureFacts {
  sessionId?: string;
  sessionIdSource?: 'data.sessionId' | 'jti';
  images: ReturnType<typeof summarizeUqudoResult>['images'];
  inlinePhotos: InlinePhoto[];
}

function describeCapture(inspection: Inspection | undefined): CaptureFacts {
  const facts: CaptureFacts = { images: [], inlinePhotos: [] };
  if (!inspection) return facts;
  let innermost = inspection;
  while (innermost.inner) innermost = innermost.inner;
  // Only an SDK result names a session: an access token's jti is not one.
  if (innermost.kind !== 'uqudo-result') return facts;
  const sessionId = sessionIdOf(inspection);
  if (sessionId) facts.sessionId = sessionId.slice(0, 200);
  const summary = summarizeUqudoResult(innermost.payload);
  facts.images = summary.images;
  facts.inlinePhotos = summary.inlinePhotos;
  if (summary.sessionIdSource) facts.sessionIdSource = summary.sessionIdSource;
  return facts;
}

function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const mm = String(minutes).padStart(2, '0');
  const ss = String(seconds).padStart(2, '0');
  return hours > 0 ? `${hours}:${mm}:${ss}` : `${mm}:${ss}`;
}
