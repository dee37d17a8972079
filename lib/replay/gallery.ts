// The fetched-image gallery: image entries, their cap, fetch-all progress, and what a result means for an image. Pure.
import type { ImageRef } from '../uqudo/summary';
import { formatImageFileName } from '../uqudo/info-api';
import type { Explanation } from './explain';
import { IMAGE_FAILURES } from './replay-text';
import type { ReplayResult } from './send';

/** One image fetched (or being fetched) from `GET {base}/api/v1/info/img/{id}`. */
export interface ImageResult {
  imageId: string;
  /** The scope (session) it was fetched in. */
  scope: string;
  /** The key it was found under, e.g. `frontImageId`. */
  refKey: string;
  documentType?: string;
  sessionId?: string;
  /** The replay that fetched it. */
  replayId: string;
  status: 'pending' | 'loaded' | 'failed';
  /** Object URL of the image bytes (loaded only); revoked when the image is removed. */
  objectUrl?: string;
  /** The image bytes (loaded only), kept for "Download all images". */
  bytes?: Uint8Array;
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
  /** The scope (session) it runs in. */
  scope: string;
  total: number;
  done: number;
  failed: number;
  running: boolean;
  cancelled: boolean;
}

/** Images kept (the oldest go first, their object URLs revoked). */
export const MAX_IMAGES = 60;

/** The pending image a fetch of `ref` by replay `replayId` starts with. */
export function buildPendingImage(
  ref: ImageRef,
  replayId: string,
  sessionId: string | undefined,
  scope = '',
): ImageResult {
  const image: ImageResult = {
    imageId: ref.id,
    scope,
    refKey: ref.key,
    replayId,
    status: 'pending',
  };
  if (ref.documentType) image.documentType = ref.documentType;
  if (sessionId) image.sessionId = sessionId;
  return image;
}

/**
 * `image` put in front of `images`, replacing any image with the same id in the same scope;
 * `dropped` lists the replaced images and those beyond the cap (their object URLs must be revoked).
 */
export function putGalleryImage(
  images: readonly ImageResult[],
  image: ImageResult,
): { images: ImageResult[]; dropped: ImageResult[] } {
  const same = (candidate: ImageResult) =>
    candidate.imageId === image.imageId && candidate.scope === image.scope;
  const dropped = images.filter(same);
  const next = [image, ...images.filter((candidate) => !same(candidate))];
  while (next.length > MAX_IMAGES) dropped.push(next.pop() as ImageResult);
  return { images: next, dropped };
}

/** The usable MIME type of an image answer (parameters dropped, lower case; may be empty). */
export function readImageMimeType(contentType: string): string {
  return (contentType.split(';')[0] ?? '').trim().toLowerCase();
}

/** What a loaded image answer adds to its entry (the object URL aside). */
export function describeLoadedImage(
  ref: ImageRef,
  sessionId: string | undefined,
  result: { status: number; contentType: string; bodySize: number },
): Partial<ImageResult> {
  const mimeType = readImageMimeType(result.contentType);
  return {
    status: 'loaded',
    httpStatus: result.status,
    mimeType: mimeType || 'application/octet-stream',
    byteSize: result.bodySize,
    fileName: formatImageFileName({
      ...(sessionId ? { sessionId } : {}),
      key: ref.key,
      imageId: ref.id,
      mimeType,
    }),
  };
}

/** What a result that gives no image means for its entry (why it failed, what to do). */
export function describeFailedImage(result: ReplayResult): Partial<ImageResult> {
  if (result.kind === 'response') {
    if (result.ok && result.bodyBytes && result.truncated) {
      return {
        status: 'failed',
        httpStatus: result.status,
        failure: IMAGE_FAILURES.tooLarge(result.bodySize),
      };
    }
    return {
      status: 'failed',
      httpStatus: result.status,
      failure: result.explanation ?? IMAGE_FAILURES.notImage(result.status, result.contentType),
    };
  }
  if (result.kind === 'aborted') return { status: 'failed', failure: IMAGE_FAILURES.cancelled() };
  if (result.kind === 'refused') {
    return { status: 'failed', failure: IMAGE_FAILURES.notSent(result.reason) };
  }
  return { status: 'failed', failure: result.explanation };
}
