// The access token's lifecycle in the replay slice: set, decode, bind to an origin, remember, refuse to send.
import { isRecord } from '../guards';
import { normalizeTokenInput } from '../jose/find';
import { parseApiBase } from '../uqudo/info-api';
import { selectOrigin } from './api-base';
import {
  describeDecodeFailure,
  describeExpiredToken,
  describeForeignToken,
  describeUnboundToken,
  REPLAY_TEXT,
} from './replay-text';
import type { ReplayActions, SliceContext } from './state';
import { describeToken, isTokenExpired, MAX_TOKEN_CHARS, type TokenInfo } from './token-info';

/** The token actions, plus what the senders need of the token. */
export interface TokenPart {
  actions: Pick<
    ReplayActions,
    | 'setToken'
    | 'clearToken'
    | 'bindTokenToSelectedBase'
    | 'setRememberToken'
    | 'restoreToken'
    | 'adoptCapturedToken'
  >;
  /** Sets a token obtained for `origin` (from the token endpoint), decodes and persists it. */
  adoptToken(token: string, origin: string): void;
  /** Why a request to `origin` must not be sent with the current token, if it must not. */
  refusal(origin: string): Promise<string | undefined>;
}

/** Decodes tokens one at a time; only the latest token's result is kept. */
interface TokenCheck {
  run(token: string): void;
  /** Settles when the latest token's decoding is done. */
  settled(): Promise<void>;
}

function createTokenCheck(ctx: SliceContext): TokenCheck {
  const { deps, set } = ctx;
  let seq = 0;
  let pending: Promise<void> = Promise.resolve();
  return {
    run(token) {
      seq += 1;
      const mine = seq;
      if (token === '') {
        set({ tokenInfo: undefined });
        pending = Promise.resolve();
        return;
      }
      set({ tokenInfo: { state: 'checking', scopes: [] } });
      pending = deps
        .inspect(token, { now: Math.floor(deps.now() / 1000) })
        .then(
          (inspection) => describeToken(inspection),
          (error: unknown): TokenInfo => ({
            state: 'ready',
            scopes: [],
            note: describeDecodeFailure(error),
          }),
        )
        .then((info) => {
          // A newer token replaced this one while it was decoded.
          if (mine === seq) set({ tokenInfo: info });
        });
    },
    settled: () => pending,
  };
}

function persistToken({ deps, get }: SliceContext): void {
  const { rememberToken, token, tokenOrigin } = get();
  if (!rememberToken) return;
  deps.saveToken?.(
    token !== '' && tokenOrigin !== undefined ? { token, origin: tokenOrigin } : undefined,
  );
}

async function findRefusal(
  { deps, get }: SliceContext,
  check: TokenCheck,
  origin: string,
): Promise<string | undefined> {
  const { token, tokenOrigin } = get();
  if (token === '') return undefined;
  if (tokenOrigin === undefined) return describeUnboundToken(origin);
  if (tokenOrigin !== origin) return describeForeignToken(tokenOrigin, origin);
  // A just-pasted token is still being decoded: its expiry decides.
  await check.settled();
  const info = get().tokenInfo;
  if (get().token === token && isTokenExpired(info, deps.now())) {
    return describeExpiredToken(info?.expiresAt ?? 0, deps.now(), origin);
  }
  return undefined;
}

/** Sets `token` bound to `origin` and selects that origin as the API base (false if unusable). */
function bindToOrigin(
  ctx: SliceContext,
  check: TokenCheck,
  checkAccess: () => void,
  entry: { token: string; origin: string; remember: boolean },
): boolean {
  const parsed = parseApiBase(entry.origin);
  const token = normalizeTokenInput(entry.token);
  if (!parsed.ok || token === '' || token.length > MAX_TOKEN_CHARS) return false;
  ctx.set({
    token,
    tokenOrigin: parsed.origin,
    rememberToken: entry.remember,
    apiBase: selectOrigin(parsed.origin, ctx.get().apiBase.custom),
    apiOrigin: parsed.origin,
    apiBaseError: undefined,
    access: undefined,
    problem: undefined,
  });
  check.run(token);
  if (ctx.deps.originAccess) checkAccess();
  return true;
}

function restoreToken(
  ctx: SliceContext,
  check: TokenCheck,
  checkAccess: () => void,
  entry: unknown,
): void {
  if (!isRecord(entry) || typeof entry.token !== 'string' || typeof entry.origin !== 'string') {
    return;
  }
  bindToOrigin(ctx, check, checkAccess, {
    token: entry.token,
    origin: entry.origin,
    remember: true,
  });
}

/** Creates the token part; `checkAccess` runs after a restored token selected its base. */
export function createTokenPart(ctx: SliceContext, checkAccess: () => void): TokenPart {
  const { deps, get, set } = ctx;
  const check = createTokenCheck(ctx);
  const actions: TokenPart['actions'] = {
    setToken(text) {
      if (typeof text !== 'string') return;
      if (text.length > MAX_TOKEN_CHARS) {
        set({ problem: REPLAY_TEXT.tokenTooLong });
        return;
      }
      // Trimmed, a leading `Bearer ` and surrounding quotes dropped (as copied from a header or JSON).
      const token = normalizeTokenInput(text);
      if (token === get().token) return;
      set({ token, tokenOrigin: token === '' ? undefined : get().apiOrigin, problem: undefined });
      check.run(token);
      persistToken(ctx);
    },
    clearToken() {
      set({ token: '', tokenOrigin: undefined, tokenInfo: undefined, problem: undefined });
      check.run('');
      if (get().rememberToken) deps.saveToken?.(undefined);
    },
    bindTokenToSelectedBase() {
      const { token, apiOrigin } = get();
      if (token === '' || apiOrigin === undefined) return;
      set({ tokenOrigin: apiOrigin, problem: undefined });
      persistToken(ctx);
    },
    setRememberToken(remember) {
      if (remember === get().rememberToken) return;
      set({ rememberToken: remember });
      if (remember) persistToken(ctx);
      else deps.saveToken?.(undefined);
    },
    restoreToken: (entry) => restoreToken(ctx, check, checkAccess, entry),
    adoptCapturedToken(token, origin) {
      if (typeof token !== 'string' || typeof origin !== 'string') return;
      const remember = get().rememberToken;
      if (!bindToOrigin(ctx, check, checkAccess, { token, origin, remember })) return;
      // The base changed with the user's click: remember it like any base choice.
      deps.saveApiBase?.(get().apiBase);
      persistToken(ctx);
    },
  };
  return {
    actions,
    adoptToken(token, origin) {
      set({ token, tokenOrigin: origin, problem: undefined });
      check.run(token);
      persistToken(ctx);
    },
    refusal: (origin) => findRefusal(ctx, check, origin),
  };
}
