// The replay slice of the panel's store: access token (memory only), API base, host access, replays and fetched images.
import type { OriginAccess } from '../settings/access';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CapturedExchange } from '../capture/exchange';
import { normalizeTokenInput } from '../jose/find';
import type { InspectOptions, Inspection, TokenKind } from '../jose/inspect';
import {
  API_BASE_PRESETS,
  buildDeleteRequest,
  buildImageRequest,
  buildInfoRequest,
  buildTokenRequest,
  formatImageFileName,
  parseApiBase,
  tokenEndpointFor,
  type ApiBasePreset,
  type BuildResult,
  type ReplayRequest,
} from '../uqudo/info-api';
import { formatBytes, type ImageRef } from '../uqudo/summary';
import type { Explanation } from './explain';
import type { ReplayResult, SendOptions } from './send';

/** Which API base is selected: one of the presets, or a custom origin typed by the user. */
export interface ApiBaseSelection {
  preset: ApiBasePreset['id'] | 'custom';
  /** The custom base text (kept even while a preset is selected, so switching back restores it). */
  custom: string;
}

/** What decoding the access token told us. Nothing here is trusted: it only drives hints. */
export interface TokenInfo {
  state: 'checking' | 'ready';
  format?: 'jws' | 'jwe' | 'invalid';
  kind?: TokenKind;
  /** `exp` in milliseconds since the epoch, when the token carries one. */
  expiresAt?: number;
  /** `iat` in milliseconds since the epoch, when the token carries one. */
  issuedAt?: number;
  /** From `scope` (space-separated), `scp` or `authorities`, when present. */
  scopes: string[];
  issuer?: string;
  /** A remark worth showing (not a JWT, looks like an SDK result, no expiry…). */
  note?: string;
}

/** Host access for the selected origin, as far as the panel knows. */
export type AccessState =
  'checking' | 'asking' | 'granted' | 'not-granted' | 'refused' | 'unavailable';

/** One replay: the request (never the token or client secret), and its result once done. */
export interface ReplayEntry {
  id: string;
  /** Short words for the list, e.g. "GET info 3f2a9c1e-…". */
  label: string;
  request: ReplayRequest;
  /** Milliseconds since the epoch. */
  startedAt: number;
  status: 'pending' | 'done';
  /** The timeout the request runs under, in milliseconds. */
  timeoutMs: number;
  /** Image bytes are not kept here (they live in the image's object URL). */
  result?: ReplayResult;
  /** The response body was added to the capture list as a replay capture. */
  captured: boolean;
  /** Present while pending: aborting it cancels the request. */
  controller?: AbortController;
}

/** One image fetched (or being fetched) from `GET {base}/api/v1/info/img/{id}`. */
export interface ImageResult {
  imageId: string;
  /** The key it was found under, e.g. `frontImageId`. */
  refKey: string;
  documentType?: string;
  sessionId?: string;
  /** The replay that fetched it. */
  replayId: string;
  status: 'pending' | 'loaded' | 'failed';
  /** Object URL of the image bytes (loaded only); revoked when the image is removed. */
  objectUrl?: string;
  mimeType?: string;
  byteSize?: number;
  fileName?: string;
  /** HTTP status, when an answer arrived. */
  httpStatus?: number;
  /** Why it failed, in words that say what to do. */
  failure?: Explanation;
}

/** Progress of "Fetch all images". */
export interface ImageBatch {
  id: number;
  total: number;
  done: number;
  failed: number;
  running: boolean;
  cancelled: boolean;
}

/** The replay part of the panel's state. */
export interface ReplayState {
  /** The access token (without `Bearer `), memory only unless the user opts into session storage. */
  token: string;
  /** The API origin the token was entered for; it is never sent anywhere else. */
  tokenOrigin: string | undefined;
  tokenInfo: TokenInfo | undefined;
  /** Opt-in: keep the token in browser.storage.session (cleared when the browser closes). */
  rememberToken: boolean;
  apiBase: ApiBaseSelection;
  /** The selected API base as an origin, when it is valid. */
  apiOrigin: string | undefined;
  apiBaseError: string | undefined;
  access: { origin: string; state: AccessState } | undefined;
  /** Newest first. */
  replays: readonly ReplayEntry[];
  /** Newest first. */
  images: readonly ImageResult[];
  imageBatch: ImageBatch | undefined;
  /** Why the last action was not sent (expired token, other origin, bad id…). */
  problem: string | undefined;
}

/** A remembered token, as kept in browser.storage.session. */
export interface RememberedToken {
  token: string;
  origin: string;
}

/** Host access (browser.permissions in the panel), injected so this slice stays testable. */

/** Everything the slice needs from outside. */
export interface ReplayDeps {
  /** Sends one replay (sendReplay in the panel). */
  send: (request: ReplayRequest, options: SendOptions) => Promise<ReplayResult>;
  /** Decodes the access token (inspectToken). */
  inspect: (token: string, options: InspectOptions) => Promise<Inspection>;
  /** Current time in milliseconds. */
  now: () => number;
  /** Adds a replayed response to the capture list (the store's addExchange). */
  addExchange?: (exchange: CapturedExchange) => void;
  originAccess?: OriginAccess;
  /** Persists (or, with undefined, forgets) the remembered token in session storage. */
  saveToken?: (entry: RememberedToken | undefined) => void;
  /** Persists the API base choice (not secret). */
  saveApiBase?: (selection: ApiBaseSelection) => void;
  /** Makes an object URL for image bytes (URL.createObjectURL over a Blob in the panel). */
  createObjectUrl?: (bytes: Uint8Array, mimeType: string) => string;
  revokeObjectUrl?: (url: string) => void;
  /** Timeout per replay in milliseconds (default 30 000). */
  timeoutMs?: number;
  /** Images fetched at the same time by "Fetch all images" (default 3). */
  imageConcurrency?: number;
  /** Initial API base (e.g. loaded from storage). */
  apiBase?: ApiBaseSelection;
}

/** Outcome of an action that sends a request. */
export type StartResult = { ok: true; result: ReplayResult } | { ok: false; error: string };

/** Outcome of "Fetch all images". */
export type BatchResult =
  | { ok: true; total: number; loaded: number; failed: number; cancelled: boolean }
  | { ok: false; error: string };

/** What the panel does with replays. None of these throws. */
export interface ReplayActions {
  /** Sets the access token (a leading `Bearer ` is stripped) for the selected API base. */
  setToken(text: string): void;
  clearToken(): void;
  /** Confirms using the current token for the selected API base (after the base changed). */
  bindTokenToSelectedBase(): void;
  /** Opt-in: keep the token in browser.storage.session; turning it off forgets it there. */
  setRememberToken(remember: boolean): void;
  /** Restores a token remembered in session storage, selecting the base it belongs to. */
  restoreToken(entry: RememberedToken): void;
  selectApiBase(selection: Partial<ApiBaseSelection>): void;
  /** Asks whether the extension already has host access to the selected origin. */
  checkAccess(): Promise<AccessState | undefined>;
  /** Asks the user for host access to the selected origin; call it synchronously from a click. */
  requestAccess(): Promise<AccessState | undefined>;
  fetchInfo(sessionId: string, mode?: 'path' | 'header'): Promise<StartResult>;
  deleteSession(sessionId: string): Promise<StartResult>;
  fetchImage(ref: ImageRef, sessionId?: string): Promise<StartResult>;
  /** Fetches every image (each id once), a few at a time, with progress in `imageBatch`. */
  fetchImages(refs: readonly ImageRef[], sessionId?: string): Promise<BatchResult>;
  /** Obtains a token from the selected environment's token endpoint; the secret is not kept. */
  requestToken(clientId: string, clientSecret: string): Promise<StartResult>;
  /** Cancels one pending replay. */
  cancel(replayId: string): void;
  /** Stops "Fetch all images" after the requests already running. */
  cancelImages(): void;
  removeImage(imageId: string): void;
  /** Cancels pending replays, forgets all replays and images, revokes their object URLs. */
  clearReplays(): void;
  /** Revokes every image's object URL and forgets the images (the gallery is gone). */
  releaseImages(): void;
  dismissProblem(): void;
}

/** How the slice reads and writes its part of a bigger store. */
export interface SliceAccess {
  get(): ReplayState;
  set(patch: Partial<ReplayState>): void;
}

/** A store holding only the replay slice, shaped like the panel's store (`state.replay`, `.replay`). */
export type ReplayStore = StoreApi<{ replay: ReplayState }> & { replay: ReplayActions };

/** Default timeout of one replay. */
export const DEFAULT_REPLAY_TIMEOUT_MS = 30_000;
/** Default number of images fetched at the same time. */
export const DEFAULT_IMAGE_CONCURRENCY = 3;
/** Replays kept in the list (the oldest finished ones go first). */
export const MAX_REPLAYS = 50;
/** Images kept (the oldest go first, their object URLs revoked). */
export const MAX_IMAGES = 60;
/** Tokens longer than this are not access tokens. */
const MAX_TOKEN_CHARS = 64 * 1024;
/** Text bodies longer than this are cut in the kept result (the list is for reading). */
const MAX_KEPT_BODY_CHARS = 512 * 1024;
const DEFAULT_BASE: ApiBaseSelection = { preset: 'prod', custom: '' };
/** Longest problem message kept. */
const MAX_PROBLEM_CHARS = 2_000;

/** The replay state before anything happened, with `apiBase` selected. */
export function initialReplayState(apiBase: ApiBaseSelection = DEFAULT_BASE): ReplayState {
  const selection = normalizeSelection(apiBase);
  const resolved = resolveSelection(selection);
  return {
    token: '',
    tokenOrigin: undefined,
    tokenInfo: undefined,
    rememberToken: false,
    apiBase: selection,
    apiOrigin: resolved.ok ? resolved.origin : undefined,
    apiBaseError: resolved.ok ? undefined : resolved.error,
    access: undefined,
    replays: [],
    images: [],
    imageBatch: undefined,
    problem: undefined,
  };
}

/** The origin an API base selection stands for, or why it is not usable. */
export function resolveSelection(
  selection: ApiBaseSelection,
): { ok: true; origin: string } | { ok: false; error: string } {
  if (selection.preset === 'custom') return parseApiBase(selection.custom);
  const preset = API_BASE_PRESETS.find((candidate) => candidate.id === selection.preset);
  return preset ? { ok: true, origin: preset.origin } : { ok: false, error: 'Choose an API base.' };
}

/** Reads scopes from the usual claims: `scope` (space-separated), `scp` and `authorities`. */
export function readScopes(payload: unknown): string[] {
  if (!isRecord(payload)) return [];
  const scopes: string[] = [];
  const add = (value: unknown) => {
    if (typeof value === 'string') scopes.push(...value.split(/\s+/).filter(Boolean));
    else if (Array.isArray(value)) for (const item of value) add(item);
  };
  add(payload.scope);
  add(payload.scp);
  add(payload.authorities);
  return [...new Set(scopes)].slice(0, 100).map((scope) => scope.slice(0, 200));
}

/** True when the token's `exp` has passed at `now` (milliseconds). Unknown expiry is not expired. */
export function isTokenExpired(info: TokenInfo | undefined, now: number): boolean {
  return info?.expiresAt !== undefined && info.expiresAt <= now;
}

/**
 * Creates the replay actions over `access` (a part of a bigger zustand store). Every action is safe
 * with untrusted input and never throws; nothing is sent with an expired token or to an origin the
 * token was not entered for.
 */
export function createReplaySlice(deps: ReplayDeps, access: SliceAccess): ReplayActions {
  const { get, set } = access;
  const timeoutMs =
    deps.timeoutMs !== undefined && deps.timeoutMs > 0 ? deps.timeoutMs : DEFAULT_REPLAY_TIMEOUT_MS;
  const concurrency = Math.max(1, Math.floor(deps.imageConcurrency ?? DEFAULT_IMAGE_CONCURRENCY));
  let replaySeq = 0;
  let tokenSeq = 0;
  let batchSeq = 0;
  let accessSeq = 0;
  let tokenCheck: Promise<void> = Promise.resolve();

  function updateReplay(id: string, patch: Partial<ReplayEntry>): void {
    set({
      replays: get().replays.map((entry) => (entry.id === id ? { ...entry, ...patch } : entry)),
    });
  }

  function addReplay(entry: ReplayEntry): void {
    const replays = [entry, ...get().replays];
    // Drop the oldest finished replays beyond the cap; pending ones stay until they finish.
    while (replays.length > MAX_REPLAYS) {
      const index = findLastIndex(replays, (candidate) => candidate.status === 'done');
      if (index === -1) break;
      replays.splice(index, 1);
    }
    set({ replays });
  }

  function putImage(image: ImageResult): void {
    const previous = get().images;
    const replaced = previous.filter((candidate) => candidate.imageId === image.imageId);
    for (const old of replaced) revoke(old);
    const images = [image, ...previous.filter((candidate) => candidate.imageId !== image.imageId)];
    while (images.length > MAX_IMAGES) revoke(images.pop() as ImageResult);
    set({ images });
  }

  function updateImage(imageId: string, replayId: string, patch: Partial<ImageResult>): boolean {
    const current = get().images.find((image) => image.imageId === imageId);
    // A newer fetch of the same image, or a clear, replaced this one: its result is not wanted.
    if (!current || current.replayId !== replayId) return false;
    set({
      images: get().images.map((image) => (image === current ? { ...image, ...patch } : image)),
    });
    return true;
  }

  function revoke(image: ImageResult): void {
    if (image.objectUrl) deps.revokeObjectUrl?.(image.objectUrl);
  }

  function persistToken(): void {
    const { rememberToken, token, tokenOrigin } = get();
    if (!rememberToken) return;
    deps.saveToken?.(
      token !== '' && tokenOrigin !== undefined ? { token, origin: tokenOrigin } : undefined,
    );
  }

  function checkToken(token: string): void {
    tokenSeq += 1;
    const seq = tokenSeq;
    if (token === '') {
      set({ tokenInfo: undefined });
      tokenCheck = Promise.resolve();
      return;
    }
    set({ tokenInfo: { state: 'checking', scopes: [] } });
    tokenCheck = deps
      .inspect(token, { now: Math.floor(deps.now() / 1000) })
      .then(
        (inspection) => describeToken(inspection),
        (error: unknown): TokenInfo => ({
          state: 'ready',
          scopes: [],
          note: `The token could not be decoded: ${error instanceof Error ? error.message : String(error)}`,
        }),
      )
      .then((info) => {
        if (seq === tokenSeq) set({ tokenInfo: info });
      });
  }

  /** Why a request to `origin` must not be sent with the current token, if it must not. */
  async function refusal(origin: string): Promise<string | undefined> {
    const { token, tokenOrigin } = get();
    if (token === '') return undefined;
    if (tokenOrigin === undefined) {
      return `The access token is not bound to an API base, so it was not sent. Confirm using it for ${origin}, or paste a token for ${origin}.`;
    }
    if (tokenOrigin !== origin) {
      return `The access token was entered for ${tokenOrigin}, and the selected API base is ${origin}: nothing was sent. Confirm using it for ${origin}, or paste a token for ${origin}.`;
    }
    await tokenCheck;
    const info = get().tokenInfo;
    if (get().token === token && isTokenExpired(info, deps.now())) {
      const expired = new Date(info?.expiresAt ?? 0);
      return `The access token expired at ${expired.toLocaleTimeString()} (${describeAgo(deps.now() - expired.getTime())} ago): nothing was sent. Get a fresh token for ${origin} and paste it.`;
    }
    return undefined;
  }

  function fail(message: string): { ok: false; error: string } {
    // Messages can quote the (untrusted) payload's image keys: keep them readable.
    const error = capText(message, MAX_PROBLEM_CHARS);
    set({ problem: error });
    return { ok: false, error };
  }

  /** Checks the base and the token, then sends; returns the entry id (or why nothing was sent). */
  async function prepare(
    build: (base: string) => BuildResult,
  ): Promise<{ ok: true; request: ReplayRequest } | { ok: false; error: string }> {
    const { apiOrigin, apiBaseError } = get();
    if (apiOrigin === undefined) return fail(apiBaseError ?? 'Choose a valid API base first.');
    const built = build(apiOrigin);
    if (!built.ok) return fail(built.error);
    const refused = await refusal(apiOrigin);
    if (refused) return fail(refused);
    return built;
  }

  /** Sends a prepared request, records it in the list and returns its result. */
  async function send(
    request: ReplayRequest,
    label: string,
    options: { withToken: boolean; keep?: ReplayRequest; onResult?: (id: string) => void } = {
      withToken: true,
    },
  ): Promise<{ id: string; result: ReplayResult }> {
    replaySeq += 1;
    const id = `r${replaySeq}`;
    const controller = new AbortController();
    const startedAt = deps.now();
    addReplay({
      id,
      label,
      request: options.keep ?? request,
      startedAt,
      status: 'pending',
      timeoutMs,
      captured: false,
      controller,
    });
    options.onResult?.(id);
    const { token, tokenOrigin } = get();
    const sendOptions: SendOptions = { signal: controller.signal, timeoutMs };
    if (options.withToken && token !== '' && tokenOrigin !== undefined) {
      sendOptions.token = token;
      sendOptions.tokenOrigin = tokenOrigin;
    }
    let result: ReplayResult;
    try {
      result = await deps.send(request, sendOptions);
    } catch (error) {
      // sendReplay never throws; an injected sender that does must not leave a pending row.
      result = {
        kind: 'refused',
        reason: `The request could not be sent: ${error instanceof Error ? error.message : String(error)}`,
      };
    }
    const captured = offerCapture(id, request, startedAt, result);
    updateReplay(id, {
      status: 'done',
      result: keptResult(request, result),
      captured,
      controller: undefined,
    });
    return { id, result };
  }

  /** Hands a replayed result body to the capture pipeline, where it is inspected like any capture. */
  function offerCapture(
    id: string,
    request: ReplayRequest,
    startedAt: number,
    result: ReplayResult,
  ): boolean {
    if (!deps.addExchange || result.kind !== 'response' || !result.ok) return false;
    if (request.purpose !== 'info' && request.purpose !== 'info-header') return false;
    if (typeof result.bodyText !== 'string' || result.bodyText.trim() === '') return false;
    const exchange: CapturedExchange = {
      id: `replay-${id}-${startedAt}`,
      time: startedAt,
      method: request.method,
      url: request.url,
      status: result.status,
      // The Authorization header is deliberately absent: the access token must not become a capture.
      requestHeaders: request.headers.map((header) => ({ ...header })),
      responseHeaders: result.headers,
      responseBody: result.bodyText,
      responseMimeType: result.contentType,
      source: 'replay',
    };
    try {
      deps.addExchange(exchange);
      return true;
    } catch {
      return false;
    }
  }

  function startImage(ref: ImageRef, request: ReplayRequest, sessionId: string | undefined) {
    const label = `GET image ${ref.key} ${shortId(ref.id)}`;
    let replayId = '';
    const pending = send(request, label, {
      withToken: true,
      onResult: (id) => {
        replayId = id;
        const image: ImageResult = {
          imageId: ref.id,
          refKey: ref.key,
          replayId: id,
          status: 'pending',
        };
        if (ref.documentType) image.documentType = ref.documentType;
        if (sessionId) image.sessionId = sessionId;
        putImage(image);
      },
    });
    return pending.then(({ result }) => {
      settleImage(ref, replayId, sessionId, result);
      return result;
    });
  }

  function settleImage(
    ref: ImageRef,
    replayId: string,
    sessionId: string | undefined,
    result: ReplayResult,
  ): void {
    if (result.kind === 'response' && result.ok && result.bodyBytes) {
      const mimeType = (result.contentType.split(';')[0] ?? '').trim().toLowerCase();
      if (result.truncated) {
        updateImage(ref.id, replayId, {
          status: 'failed',
          httpStatus: result.status,
          failure: {
            title: 'Image too large',
            detail: `The image is larger than the ${formatBytes(result.bodySize)} the panel keeps.`,
            action: 'Use Copy as cURL to download it outside the browser.',
          },
        });
        return;
      }
      let objectUrl: string | undefined;
      try {
        objectUrl = deps.createObjectUrl?.(
          result.bodyBytes,
          mimeType || 'application/octet-stream',
        );
      } catch {
        objectUrl = undefined;
      }
      const fileName = formatImageFileName({
        ...(sessionId ? { sessionId } : {}),
        key: ref.key,
        imageId: ref.id,
        mimeType,
      });
      const patch: Partial<ImageResult> = {
        status: 'loaded',
        httpStatus: result.status,
        mimeType: mimeType || 'application/octet-stream',
        byteSize: result.bodySize,
        fileName,
      };
      if (objectUrl) patch.objectUrl = objectUrl;
      // The image was cleared or fetched again meanwhile: the new URL is not shown, so free it.
      if (!updateImage(ref.id, replayId, patch) && objectUrl) deps.revokeObjectUrl?.(objectUrl);
      return;
    }
    const patch: Partial<ImageResult> = { status: 'failed' };
    if (result.kind === 'response') {
      patch.httpStatus = result.status;
      if (result.explanation) patch.failure = result.explanation;
      else {
        patch.failure = {
          title: `Not an image (${result.status})`,
          detail: `The server answered ${result.status} with ${result.contentType || 'no content type'}.`,
          action: 'Check the API base and the image id.',
        };
      }
    } else if (result.kind === 'aborted') {
      patch.failure = {
        title: 'Cancelled',
        detail: 'The request was cancelled.',
        action: 'Fetch it again.',
      };
    } else if (result.kind === 'refused') {
      patch.failure = {
        title: 'Not sent',
        detail: result.reason,
        action: 'See the message above.',
      };
    } else {
      patch.failure = result.explanation;
    }
    updateImage(ref.id, replayId, patch);
  }

  const actions: ReplayActions = {
    setToken(text) {
      if (typeof text !== 'string') return;
      if (text.length > MAX_TOKEN_CHARS) {
        set({ problem: 'That is far too long to be an access token.' });
        return;
      }
      // Trimmed, a leading `Bearer ` and surrounding quotes dropped (as copied from a header or JSON).
      const token = normalizeTokenInput(text);
      if (token === get().token) return;
      set({ token, tokenOrigin: token === '' ? undefined : get().apiOrigin, problem: undefined });
      checkToken(token);
      persistToken();
    },

    clearToken() {
      set({ token: '', tokenOrigin: undefined, tokenInfo: undefined, problem: undefined });
      checkToken('');
      if (get().rememberToken) deps.saveToken?.(undefined);
    },

    bindTokenToSelectedBase() {
      const { token, apiOrigin } = get();
      if (token === '' || apiOrigin === undefined) return;
      set({ tokenOrigin: apiOrigin, problem: undefined });
      persistToken();
    },

    setRememberToken(remember) {
      if (remember === get().rememberToken) return;
      set({ rememberToken: remember });
      if (remember) persistToken();
      else deps.saveToken?.(undefined);
    },

    restoreToken(entry) {
      if (!isRecord(entry) || typeof entry.token !== 'string' || typeof entry.origin !== 'string') {
        return;
      }
      const parsed = parseApiBase(entry.origin);
      const token = entry.token.trim();
      if (!parsed.ok || token === '' || token.length > MAX_TOKEN_CHARS) return;
      const preset = API_BASE_PRESETS.find((candidate) => candidate.origin === parsed.origin);
      const apiBase: ApiBaseSelection = preset
        ? { preset: preset.id, custom: get().apiBase.custom }
        : { preset: 'custom', custom: parsed.origin };
      set({
        token,
        tokenOrigin: parsed.origin,
        rememberToken: true,
        apiBase,
        apiOrigin: parsed.origin,
        apiBaseError: undefined,
        access: undefined,
      });
      checkToken(token);
      if (deps.originAccess) void actions.checkAccess();
    },

    selectApiBase(patch) {
      const selection = normalizeSelection({ ...get().apiBase, ...patch });
      const resolved = resolveSelection(selection);
      const apiOrigin = resolved.ok ? resolved.origin : undefined;
      const changed = apiOrigin !== get().apiOrigin;
      set({
        apiBase: selection,
        apiOrigin,
        apiBaseError: resolved.ok ? undefined : resolved.error,
        ...(changed ? { access: undefined, problem: undefined } : {}),
      });
      deps.saveApiBase?.(selection);
      // Reading the permission needs no click; knowing it up front tells the user what to expect.
      if (changed && apiOrigin !== undefined && deps.originAccess) void actions.checkAccess();
    },

    async checkAccess() {
      const origin = get().apiOrigin;
      if (origin === undefined) return undefined;
      if (!deps.originAccess) {
        set({ access: { origin, state: 'unavailable' } });
        return 'unavailable';
      }
      accessSeq += 1;
      const seq = accessSeq;
      set({ access: { origin, state: 'checking' } });
      const granted = await deps.originAccess.contains(origin).catch(() => false);
      const state: AccessState = granted ? 'granted' : 'not-granted';
      if (seq === accessSeq && get().apiOrigin === origin) set({ access: { origin, state } });
      return state;
    },

    requestAccess() {
      const origin = get().apiOrigin;
      if (origin === undefined) return Promise.resolve(undefined);
      if (!deps.originAccess) {
        set({ access: { origin, state: 'unavailable' } });
        return Promise.resolve('unavailable' as const);
      }
      accessSeq += 1;
      const seq = accessSeq;
      // Production's token endpoint lives on another host (auth.uqudo.io): ask for both at once.
      const endpoint = tokenEndpointFor(origin);
      const tokenOrigin = endpoint.ok ? new URL(endpoint.url).origin : origin;
      const also = tokenOrigin === origin ? [] : [tokenOrigin];
      // Called before any await, so the browser still sees the user's click.
      const asked = deps.originAccess.request(origin, ...also);
      // Chrome now shows its prompt; the promise settles when the user answers it.
      set({ access: { origin, state: 'asking' } });
      return asked
        .catch(() => false)
        .then((granted): AccessState => {
          const state: AccessState = granted ? 'granted' : 'refused';
          if (seq === accessSeq && get().apiOrigin === origin) set({ access: { origin, state } });
          return state;
        });
    },

    async fetchInfo(sessionId, mode = 'path') {
      const prepared = await prepare((base) => buildInfoRequest({ base, sessionId, mode }));
      if (!prepared.ok) return prepared;
      set({ problem: undefined });
      const label = `GET info${mode === 'header' ? ' (UQ-Session-ID)' : ''} ${shortId(sessionId.trim())}`;
      const { result } = await send(prepared.request, label);
      return { ok: true, result };
    },

    async deleteSession(sessionId) {
      const prepared = await prepare((base) => buildDeleteRequest({ base, sessionId }));
      if (!prepared.ok) return prepared;
      set({ problem: undefined });
      const { result } = await send(
        prepared.request,
        `DELETE session ${shortId(sessionId.trim())}`,
      );
      return { ok: true, result };
    },

    async fetchImage(ref, sessionId) {
      const prepared = await prepare((base) =>
        buildImageRequest({ base, imageId: ref.id, ...(sessionId ? { sessionId } : {}) }),
      );
      if (!prepared.ok) return prepared;
      set({ problem: undefined });
      const result = await startImage(ref, prepared.request, sessionId);
      return { ok: true, result };
    },

    async fetchImages(refs, sessionId) {
      const unique = [...new Map(refs.map((ref) => [ref.id, ref])).values()];
      if (unique.length === 0) return fail('This result references no images.');
      const { apiOrigin, apiBaseError } = get();
      if (apiOrigin === undefined) return fail(apiBaseError ?? 'Choose a valid API base first.');
      // One check for the whole batch: an expired token or a foreign origin stops all of it.
      const refused = await refusal(apiOrigin);
      if (refused) return fail(refused);
      const requests: { ref: ImageRef; request: ReplayRequest }[] = [];
      const invalid: string[] = [];
      for (const ref of unique) {
        const built = buildImageRequest({
          base: apiOrigin,
          imageId: ref.id,
          ...(sessionId ? { sessionId } : {}),
        });
        if (built.ok) requests.push({ ref, request: built.request });
        else invalid.push(`${ref.key}: ${built.error}`);
      }
      // Image ids come from the (untrusted) payload: unusable ones are reported, the rest fetched.
      if (requests.length === 0) return fail(`No usable image id: ${invalid.join('; ')}`);
      set({
        problem:
          invalid.length > 0
            ? capText(`Skipped unusable image ids: ${invalid.join('; ')}`, MAX_PROBLEM_CHARS)
            : undefined,
      });
      batchSeq += 1;
      const batchId = batchSeq;
      const batch: ImageBatch = {
        id: batchId,
        total: requests.length,
        done: 0,
        failed: 0,
        running: true,
        cancelled: false,
      };
      set({ imageBatch: batch });
      const updateBatch = (patch: Partial<ImageBatch>) => {
        const current = get().imageBatch;
        if (current?.id === batchId) set({ imageBatch: { ...current, ...patch } });
      };
      const stopped = () => {
        const current = get().imageBatch;
        return current?.id !== batchId || current.cancelled;
      };
      let loaded = 0;
      let failed = 0;
      const queue = requests.slice();
      const worker = async () => {
        for (let next = queue.shift(); next; next = stopped() ? undefined : queue.shift()) {
          const result = await startImage(next.ref, next.request, sessionId);
          if (result.kind === 'response' && result.ok) loaded += 1;
          else failed += 1;
          updateBatch({ done: loaded + failed, failed });
        }
      };
      await Promise.all(
        Array.from({ length: Math.min(concurrency, queue.length) }, () => worker()),
      );
      const finalBatch = get().imageBatch;
      const cancelled = finalBatch?.id === batchId ? finalBatch.cancelled : true;
      updateBatch({ running: false });
      return { ok: true, total: requests.length, loaded, failed, cancelled };
    },

    async requestToken(clientId, clientSecret) {
      const { apiOrigin, apiBaseError } = get();
      if (apiOrigin === undefined) return fail(apiBaseError ?? 'Choose a valid API base first.');
      const built = buildTokenRequest({ base: apiOrigin, clientId, clientSecret });
      if (!built.ok) return fail(built.error);
      set({ problem: undefined });
      // The kept copy of the request never holds the secret (cURL reads it from a variable).
      const keep: ReplayRequest = {
        ...built.request,
        body: withoutSecret(built.request.body ?? ''),
      };
      const { result } = await send(built.request, `POST token ${clientId.trim().slice(0, 40)}`, {
        withToken: false,
        keep,
      });
      if (result.kind === 'response' && result.ok && typeof result.bodyText === 'string') {
        const accessToken = readAccessToken(result.bodyText);
        if (accessToken === undefined) {
          return fail('The token endpoint answered without an access_token.');
        }
        // The token belongs to the environment it was requested from: bind it to that base.
        set({ token: accessToken, tokenOrigin: apiOrigin, problem: undefined });
        checkToken(accessToken);
        persistToken();
      }
      return { ok: true, result };
    },

    cancel(replayId) {
      const entry = get().replays.find((candidate) => candidate.id === replayId);
      entry?.controller?.abort();
    },

    cancelImages() {
      const batch = get().imageBatch;
      if (batch?.running) set({ imageBatch: { ...batch, cancelled: true } });
    },

    removeImage(imageId) {
      const removed = get().images.filter((image) => image.imageId === imageId);
      if (removed.length === 0) return;
      for (const image of removed) revoke(image);
      set({ images: get().images.filter((image) => image.imageId !== imageId) });
    },

    clearReplays() {
      for (const entry of get().replays) entry.controller?.abort();
      const batch = get().imageBatch;
      for (const image of get().images) revoke(image);
      set({
        replays: [],
        images: [],
        imageBatch: batch?.running ? { ...batch, cancelled: true } : undefined,
        problem: undefined,
      });
    },

    releaseImages() {
      for (const image of get().images) revoke(image);
      if (get().images.length > 0) set({ images: [] });
    },

    dismissProblem() {
      if (get().problem !== undefined) set({ problem: undefined });
    },
  };
  return actions;
}

/** A store with only the replay slice (tests, and any view that needs replays alone). */
export function createReplayStore(deps: ReplayDeps): ReplayStore {
  const api = createStore<{ replay: ReplayState }>()(() => ({
    replay: initialReplayState(deps.apiBase),
  }));
  const replay = createReplaySlice(deps, {
    get: () => api.getState().replay,
    set: (patch) => api.setState({ replay: { ...api.getState().replay, ...patch } }),
  });
  return Object.assign(api, { replay });
}

function describeToken(inspection: Inspection): TokenInfo {
  const source = inspection.inner ?? inspection;
  const payload = source.payload;
  const info: TokenInfo = {
    state: 'ready',
    format: inspection.format,
    kind: source.kind,
    scopes: readScopes(payload),
  };
  if (inspection.format === 'invalid') {
    info.note = 'Not a JWT: it is sent as it is, but its expiry and scopes are unknown.';
    return info;
  }
  if (!isRecord(payload)) {
    info.note = 'The token has no readable claims: its expiry and scopes are unknown.';
    return info;
  }
  const exp = numericDate(payload.exp);
  const iat = numericDate(payload.iat);
  if (exp !== undefined) info.expiresAt = exp;
  if (iat !== undefined) info.issuedAt = iat;
  if (typeof payload.iss === 'string') info.issuer = payload.iss.slice(0, 200);
  if (source.kind === 'uqudo-result') {
    info.note = 'This looks like an SDK result, not an access token: the API will answer 401.';
  } else if (exp === undefined) {
    info.note = 'The token has no exp claim: its expiry is unknown.';
  }
  return info;
}

function numericDate(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value * 1000 : undefined;
}

function keptResult(request: ReplayRequest, result: ReplayResult): ReplayResult {
  if (result.kind !== 'response') return result;
  const { bodyBytes: _dropped, ...rest } = result;
  const kept: ReplayResult = { ...rest };
  if (typeof kept.bodyText === 'string') {
    if (request.purpose === 'token') kept.bodyText = redactAccessToken(kept.bodyText);
    if (kept.bodyText.length > MAX_KEPT_BODY_CHARS) {
      kept.bodyText = kept.bodyText.slice(0, MAX_KEPT_BODY_CHARS);
      kept.truncated = true;
    }
  }
  return kept;
}

function readAccessToken(body: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(body);
    if (!isRecord(parsed) || typeof parsed.access_token !== 'string') return undefined;
    const token = parsed.access_token.trim();
    return token === '' || token.length > MAX_TOKEN_CHARS ? undefined : token;
  } catch {
    return undefined;
  }
}

/** The token response as shown in the list: the access token itself stays in the (masked) field. */
function redactAccessToken(body: string): string {
  try {
    const parsed: unknown = JSON.parse(body);
    if (!isRecord(parsed) || typeof parsed.access_token !== 'string') return body;
    return JSON.stringify({ ...parsed, access_token: '(set as the access token above)' }, null, 2);
  } catch {
    return body;
  }
}

function withoutSecret(body: string): string {
  const params = new URLSearchParams(body);
  if (params.has('client_secret')) params.set('client_secret', '');
  return params.toString();
}

function normalizeSelection(value: Partial<ApiBaseSelection> | undefined): ApiBaseSelection {
  const ids: ApiBaseSelection['preset'][] = [...API_BASE_PRESETS.map((p) => p.id), 'custom'];
  const preset = ids.find((id) => id === value?.preset) ?? DEFAULT_BASE.preset;
  const custom = typeof value?.custom === 'string' ? value.custom.slice(0, 2048) : '';
  return { preset, custom };
}

function shortId(id: string): string {
  return id.length > 13 ? `${id.slice(0, 8)}…` : id;
}

function describeAgo(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 120) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 120) return `${minutes} min`;
  return `${Math.round(minutes / 60)} h`;
}

function findLastIndex<T>(items: readonly T[], predicate: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (predicate(items[i] as T)) return i;
  return -1;
}

function capText(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
