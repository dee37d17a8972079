// The replay feature's user-facing wording: problems, token notes, list labels and image failures.
import type { AccessState } from '../permissions/access';
import { formatBytes } from '../uqudo/summary';
import { formatClockDuration, formatRoughDuration } from '../format/duration';
import { shortenId } from '../format/text';
import type { Explanation } from './explain';

/** Fixed sentences of the replay slice. */
export const REPLAY_TEXT = {
  chooseValidBase: 'Choose a valid API base first.',
  tokenTooLong: 'That is far too long to be an access token.',
  noImages: 'This result references no images.',
  noAccessTokenInAnswer: 'The token endpoint answered without an access_token.',
  redactedAccessToken: '(set as the access token above)',
  noteNotJwt: 'Not a JWT: it is sent as it is, but its expiry and scopes are unknown.',
  noteNoClaims: 'The token has no readable claims: its expiry and scopes are unknown.',
  noteSdkResult: 'This looks like an SDK result, not an access token: the API will answer 401.',
  noteNoExp: 'The token has no exp claim: its expiry is unknown.',
  notUuid: 'Not a UUID: use the result\u2019s jti (or data.sessionId for face sessions).',
  lacksInfoScope: 'No KYC_INFO_SDK scope: the Info API will answer 403 (token lacks the feature).',
} as const;

/** The note for a token the inspector could not decode. */
export function describeDecodeFailure(error: unknown): string {
  return `The token could not be decoded: ${error instanceof Error ? error.message : String(error)}`;
}

/** Why nothing was sent: the token is bound to no base. */
export function describeUnboundToken(origin: string): string {
  return `The access token is not bound to an API base, so it was not sent. Confirm using it for ${origin}, or paste a token for ${origin}.`;
}

/** Why nothing was sent: the token belongs to another base. */
export function describeForeignToken(tokenOrigin: string, origin: string): string {
  return `The access token was entered for ${tokenOrigin}, and the selected API base is ${origin}: nothing was sent. Confirm using it for ${origin}, or paste a token for ${origin}.`;
}

/** Why nothing was sent: the token expired at `expiresAt` (ms), seen at `now` (ms). */
export function describeExpiredToken(expiresAt: number, now: number, origin: string): string {
  const expired = new Date(expiresAt);
  return `The access token expired at ${expired.toLocaleTimeString()} (${formatRoughDuration(now - expired.getTime())} ago): nothing was sent. Get a fresh token for ${origin} and paste it.`;
}

/** The problem shown when every image id of a result is unusable. */
export function describeNoUsableImages(invalid: readonly string[]): string {
  return `No usable image id: ${invalid.join('; ')}`;
}

/** The problem shown when some image ids were skipped. */
export function describeSkippedImages(invalid: readonly string[]): string {
  return `Skipped unusable image ids: ${invalid.join('; ')}`;
}

/** The reason recorded when an injected sender threw. */
export function describeSendError(error: unknown): string {
  return `The request could not be sent: ${error instanceof Error ? error.message : String(error)}`;
}

/** List labels of the replays, e.g. "GET info 3f2a9c1e…". */
export const REPLAY_LABELS = {
  info: (sessionId: string, mode: 'path' | 'header') =>
    `GET info${mode === 'header' ? ' (UQ-Session-ID)' : ''} ${shortenId(sessionId)}`,
  delete: (sessionId: string) => `DELETE session ${shortenId(sessionId)}`,
  image: (key: string, imageId: string) => `GET image ${key} ${shortenId(imageId)}`,
  token: (clientId: string) => `POST token ${clientId.slice(0, 40)}`,
} as const;

/** Why an image was not shown, by what happened. */
export const IMAGE_FAILURES = {
  tooLarge: (bodySize: number): Explanation => ({
    title: 'Image too large',
    detail: `The image is larger than the ${formatBytes(bodySize)} the panel keeps.`,
    action: 'Use Copy as cURL to download it outside the browser.',
  }),
  notImage: (status: number, contentType: string): Explanation => ({
    title: `Not an image (${status})`,
    detail: `The server answered ${status} with ${contentType || 'no content type'}.`,
    action: 'Check the API base and the image id.',
  }),
  cancelled: (): Explanation => ({
    title: 'Cancelled',
    detail: 'The request was cancelled.',
    action: 'Fetch it again.',
  }),
  notSent: (reason: string): Explanation => ({
    title: 'Not sent',
    detail: reason,
    action: 'See the message above.',
  }),
} as const;

/** What the host-access line says for the API base `origin`. */
export function describeReplayAccess(state: AccessState, origin: string): string {
  switch (state) {
    case 'checking':
      return 'Checking access…';
    case 'asking':
      return `Waiting for your answer in Chrome's permission prompt. Meanwhile requests still go out; they work if ${origin} allows the extension (CORS).`;
    case 'granted':
      return `The extension may call ${origin}.`;
    case 'not-granted':
      return `No host access yet: calls work only if ${origin} allows the extension (CORS). Allow access to be sure.`;
    case 'refused':
      return `Access was refused. Chrome blocks the calls unless ${origin} allows the extension (CORS): click "Allow access" again, or allow the site in chrome://extensions → Uqudo Inspector → Details → Site access.`;
    case 'unavailable':
      return 'Host access cannot be requested here.';
  }
}

/** The token's expiry line: expired `now - expiresAt` ago, or expiring in `expiresAt - now`. */
export function describeTokenExpiry(expiresAt: number, now: number, expired: boolean): string {
  return expired
    ? `Expired ${formatClockDuration(now - expiresAt)} ago — requests are blocked. Get a fresh token.`
    : `Expires in ${formatClockDuration(expiresAt - now)}`;
}

/** "3/7 (1 failed) — fetching…": the progress of "Fetch all images". */
export function describeImageProgress(batch: {
  done: number;
  total: number;
  failed: number;
  running: boolean;
  cancelled: boolean;
}): string {
  const failed = batch.failed > 0 ? ` (${batch.failed} failed)` : '';
  const running = batch.running ? (batch.cancelled ? ' — stopping…' : ' — fetching…') : '';
  return `${batch.done}/${batch.total}${failed}${running}`;
}

/** Wording of "Download all images". */
export const ZIP_TEXT = {
  nothingFetched: 'No image of this session is fetched yet: fetch them first.',
  failed: (error: unknown) =>
    `Could not build the zip (${error instanceof Error ? error.message : 'unknown error'}).`,
  noDownload: 'The zip was built but this view cannot offer it as a download.',
  label: (count: number) => `Download all images (${count}) as a zip`,
  saved: (count: number, fileName: string) =>
    `${fileName}: ${count} ${count === 1 ? 'image' : 'images'}`,
} as const;
