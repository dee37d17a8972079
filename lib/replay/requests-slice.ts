// The sender of the replay slice: checks base and token, records each request in the list, sends it.
import { capText } from '../format/text';
import {
  buildDeleteRequest,
  buildInfoRequest,
  buildTokenRequest,
  type BuildResult,
  type ReplayRequest,
} from '../uqudo/info-api';
import { addReplayEntry, buildReplayExchange, keepResult, patchReplayEntry } from './entries';
import { describeSendError, REPLAY_LABELS, REPLAY_TEXT } from './replay-text';
import type { ReplayResult, SendOptions } from './send';
import type { ReplayActions, SliceContext, StartResult } from './state';
import type { TokenPart } from './token-slice';
import { readAccessToken, removeClientSecret } from './token-info';

/** Default timeout of one replay. */
const DEFAULT_REPLAY_TIMEOUT_MS = 30_000;

/** How one request is sent. */
interface SendPlan {
  /** Attach the bound access token (false for the token request itself). */
  withToken: boolean;
  /** The copy kept in the list, when it must differ from what is sent (no secret). */
  keep?: ReplayRequest;
  /** Called with the entry id as soon as the entry is listed (before the answer). */
  onListed?: (id: string) => void;
  /** The scope the entry belongs to (default: the scope when it is sent). */
  scope?: string;
}

/** The request actions, plus what the image part needs to send. */
export interface RequestPart {
  actions: Pick<ReplayActions, 'fetchInfo' | 'deleteSession' | 'requestToken' | 'cancel'>;
  /** Checks the base and the token, then builds; the request (or why nothing is sent). */
  prepare(
    build: (base: string) => BuildResult,
  ): Promise<{ ok: true; request: ReplayRequest } | { ok: false; error: string }>;
  /** Sends a prepared request, records it in the list and returns its result. */
  send(
    request: ReplayRequest,
    label: string,
    plan?: SendPlan,
  ): Promise<{ id: string; result: ReplayResult }>;
}

/** Longest problem message kept. */
export const MAX_PROBLEM_CHARS = 2_000;

/**
 * Records `message` as the problem of `scope`, capped: messages can quote the untrusted payload.
 */
export function recordProblem(
  set: SliceContext['set'],
  message: string,
  scope: string,
): { ok: false; error: string } {
  const error = capText(message, MAX_PROBLEM_CHARS);
  set({ problem: error, problemScope: scope });
  return { ok: false, error };
}

/** Hands a replayed result body to the capture pipeline, where it is inspected like any capture. */
function offerCapture(
  { deps }: SliceContext,
  id: string,
  request: ReplayRequest,
  startedAt: number,
  result: ReplayResult,
): boolean {
  const exchange = deps.addExchange && buildReplayExchange(id, request, startedAt, result);
  if (!exchange || !deps.addExchange) return false;
  try {
    deps.addExchange(exchange);
    return true;
  } catch {
    return false;
  }
}

/** The sender: lists each request as pending, sends it (with the bound token), records the result. */
function createSender(ctx: SliceContext): RequestPart['send'] {
  const { deps, get, set } = ctx;
  const timeoutMs =
    deps.timeoutMs !== undefined && deps.timeoutMs > 0 ? deps.timeoutMs : DEFAULT_REPLAY_TIMEOUT_MS;
  let replaySeq = 0;
  return async (request, label, plan = { withToken: true }) => {
    replaySeq += 1;
    const id = `r${replaySeq}`;
    const controller = new AbortController();
    const startedAt = deps.now();
    const scope = plan.scope ?? get().scope;
    const kept = plan.keep ?? request;
    const entry = { id, scope, label, request: kept, startedAt, timeoutMs, controller };
    set({
      replays: addReplayEntry(get().replays, { ...entry, status: 'pending', captured: false }),
    });
    plan.onListed?.(id);
    const { token, tokenOrigin } = get();
    const options: SendOptions = { signal: controller.signal, timeoutMs };
    if (plan.withToken && token !== '' && tokenOrigin !== undefined) {
      options.token = token;
      options.tokenOrigin = tokenOrigin;
    }
    let result: ReplayResult;
    try {
      result = await deps.send(request, options);
    } catch (error) {
      // sendReplay never throws; an injected sender that does must not leave a pending row.
      result = { kind: 'refused', reason: describeSendError(error) };
    }
    const captured = offerCapture(ctx, id, request, startedAt, result);
    const done = { status: 'done' as const, result: keepResult(request, result), captured };
    set({ replays: patchReplayEntry(get().replays, id, { ...done, controller: undefined }) });
    return { id, result };
  };
}

async function prepareRequest(
  { get, fail }: SliceContext,
  token: TokenPart,
  build: (base: string) => BuildResult,
): Promise<{ ok: true; request: ReplayRequest } | { ok: false; error: string }> {
  const { apiOrigin, apiBaseError } = get();
  if (apiOrigin === undefined) return fail(apiBaseError ?? REPLAY_TEXT.chooseValidBase);
  const built = build(apiOrigin);
  if (!built.ok) return fail(built.error);
  const refused = await token.refusal(apiOrigin);
  if (refused) return fail(refused);
  return built;
}

async function requestToken(
  { get, set, fail }: SliceContext,
  send: RequestPart['send'],
  token: TokenPart,
  clientId: string,
  clientSecret: string,
): Promise<StartResult> {
  const { apiOrigin, apiBaseError } = get();
  if (apiOrigin === undefined) return fail(apiBaseError ?? REPLAY_TEXT.chooseValidBase);
  const built = buildTokenRequest({ base: apiOrigin, clientId, clientSecret });
  if (!built.ok) return fail(built.error);
  set({ problem: undefined });
  // The kept copy of the request never holds the secret (cURL reads it from a variable).
  const keep: ReplayRequest = {
    ...built.request,
    body: removeClientSecret(built.request.body ?? ''),
  };
  const label = REPLAY_LABELS.token(clientId.trim());
  const { result } = await send(built.request, label, { withToken: false, keep });
  if (result.kind === 'response' && result.ok && typeof result.bodyText === 'string') {
    const accessToken = readAccessToken(result.bodyText);
    if (accessToken === undefined) return fail(REPLAY_TEXT.noAccessTokenInAnswer);
    // The token belongs to the environment it was requested from: bind it to that base.
    token.adoptToken(accessToken, apiOrigin);
  }
  return { ok: true, result };
}

/** Creates the sender and the request actions over the token part. */
export function createRequestPart(ctx: SliceContext, token: TokenPart): RequestPart {
  const { get, set } = ctx;
  const send = createSender(ctx);
  const prepare = (build: (base: string) => BuildResult) => prepareRequest(ctx, token, build);
  const actions: RequestPart['actions'] = {
    async fetchInfo(sessionId, mode = 'path') {
      // The answer belongs to the session it was asked from, even if another row is selected meanwhile.
      const scope = get().scope;
      const prepared = await prepare((base) => buildInfoRequest({ base, sessionId, mode }));
      if (!prepared.ok) return prepared;
      set({ problem: undefined });
      const label = REPLAY_LABELS.info(sessionId.trim(), mode);
      const { result } = await send(prepared.request, label, { withToken: true, scope });
      return { ok: true, result };
    },
    async deleteSession(sessionId) {
      const scope = get().scope;
      const prepared = await prepare((base) => buildDeleteRequest({ base, sessionId }));
      if (!prepared.ok) return prepared;
      set({ problem: undefined });
      const label = REPLAY_LABELS.delete(sessionId.trim());
      const { result } = await send(prepared.request, label, { withToken: true, scope });
      return { ok: true, result };
    },
    requestToken: (clientId, clientSecret) =>
      requestToken(ctx, send, token, clientId, clientSecret),
    cancel(replayId) {
      const entry = get().replays.find((candidate) => candidate.id === replayId);
      entry?.controller?.abort();
    },
  };
  return { actions, prepare, send };
}
