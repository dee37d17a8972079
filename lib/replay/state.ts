// The replay slice's state, dependencies and actions (types), and its initial state.
import type { CapturedExchange } from '../capture/exchange';
import type { InspectOptions, Inspection } from '../jose/inspect';
import type { AccessState, OriginAccess } from '../permissions/access';
import type { ImageRef } from '../uqudo/summary';
import type { ReplayRequest } from '../uqudo/info-api';
import {
  DEFAULT_API_BASE,
  normalizeSelection,
  resolveSelection,
  type ApiBaseSelection,
} from './api-base';
import type { ReplayEntry } from './entries';
import type { ImageBatch, ImageResult } from './gallery';
import type { ReplayResult, SendOptions } from './send';
import type { TokenInfo } from './token-info';

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
  /**
   * The scope the next action belongs to (the selected capture's session, see selectReplayScope):
   * replays, images and batches are tagged with the scope they were started in.
   */
  scope: string;
  /** Newest first, every scope (each entry says its own). */
  replays: readonly ReplayEntry[];
  /** Newest first, every scope (each image says its own). */
  images: readonly ImageResult[];
  /** "Fetch all images" progress, at most one per scope. */
  imageBatches: readonly ImageBatch[];
  /** Why the last action was not sent (expired token, other origin, bad id…). */
  problem: string | undefined;
  /** The scope whose action caused `problem`. */
  problemScope: string;
}

/** A remembered token, as kept in browser.storage.session. */
export interface RememberedToken {
  token: string;
  origin: string;
}

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
  /** Host access (browser.permissions in the panel); absent, access is "unavailable". */
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
type BatchResult =
  | { ok: true; total: number; loaded: number; failed: number; cancelled: boolean }
  | { ok: false; error: string };

/** Outcome of "Download all images": an object URL of the zip and its file name. */
export type ZipResult =
  { ok: true; url: string; fileName: string; count: number } | { ok: false; error: string };

/** What the panel does with replays. None of these throws. */
export interface ReplayActions {
  /** Sets the scope (session) that later actions and their results belong to. */
  setScope(scope: string): void;
  /** Sets the access token (a leading `Bearer ` is stripped) for the selected API base. */
  setToken(text: string): void;
  clearToken(): void;
  /** Confirms using the current token for the selected API base (after the base changed). */
  bindTokenToSelectedBase(): void;
  /** Opt-in: keep the token in browser.storage.session; turning it off forgets it there. */
  setRememberToken(remember: boolean): void;
  /** Restores a token remembered in session storage, selecting the base it belongs to. */
  restoreToken(entry: RememberedToken): void;
  /**
   * Uses an access token captured from traffic: selects `origin` as the API base (the user clicked
   * a button naming it) and binds the token to it, as a typed token is bound to its base.
   */
  adoptCapturedToken(token: string, origin: string): void;
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
  /** Stops the current scope's "Fetch all images" after the requests already running. */
  cancelImages(): void;
  /** Removes the image `imageId` of the current scope. */
  removeImage(imageId: string): void;
  /** Zips the current scope's fetched images (the previous zip's URL is revoked). */
  zipImages(): Promise<ZipResult>;
  /** Cancels the current scope's pending replays, forgets its replays and images, revokes their URLs. */
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

/** What every part of the replay slice shares: deps, state access, and recording a problem. */
export interface SliceContext extends SliceAccess {
  deps: ReplayDeps;
  /** Records `message` (capped) as the problem and returns it as a failed outcome. */
  fail(message: string): { ok: false; error: string };
}

/** The replay state before anything happened, with `apiBase` selected. */
export function initialReplayState(apiBase: ApiBaseSelection = DEFAULT_API_BASE): ReplayState {
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
    scope: '',
    replays: [],
    images: [],
    imageBatches: [],
    problem: undefined,
    problemScope: '',
  };
}

/** Sets the scope that later actions belong to (a string other than the current one only). */
export function applyReplayScope(access: SliceAccess, scope: string): void {
  if (typeof scope === 'string' && scope !== access.get().scope) access.set({ scope });
}
