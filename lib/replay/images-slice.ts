// The image gallery of the replay slice: fetch one image or all of them (a small worker pool), object URLs.
import { buildImageRequest, type ReplayRequest } from '../uqudo/info-api';
import type { ImageRef } from '../uqudo/summary';
import {
  buildPendingImage,
  describeFailedImage,
  describeLoadedImage,
  putGalleryImage,
  readImageMimeType,
  type ImageBatch,
  type ImageResult,
} from './gallery';
import {
  describeNoUsableImages,
  describeSkippedImages,
  REPLAY_LABELS,
  REPLAY_TEXT,
} from './replay-text';
import { MAX_PROBLEM_CHARS, type RequestPart } from './requests-slice';
import type { ReplayResult } from './send';
import type { ReplayActions, SliceContext } from './state';
import type { TokenPart } from './token-slice';
import { capText } from '../format/text';

/** Default number of images fetched at the same time. */
const DEFAULT_IMAGE_CONCURRENCY = 3;

/** The image actions, plus revoking every shown image's object URL (for a clear). */
export interface ImagePart {
  actions: Pick<
    ReplayActions,
    'fetchImage' | 'fetchImages' | 'cancelImages' | 'removeImage' | 'releaseImages'
  >;
  revokeAll(): void;
}

/** Image requests for `refs` (each id once) at `base`, and the refs whose ids are unusable. */
function buildImageRequests(
  refs: readonly ImageRef[],
  base: string,
  sessionId: string | undefined,
): { requests: ImageJob[]; invalid: string[] } {
  const unique = [...new Map(refs.map((ref) => [ref.id, ref])).values()];
  const requests: ImageJob[] = [];
  const invalid: string[] = [];
  for (const ref of unique) {
    const built = buildImageRequest({ base, imageId: ref.id, ...(sessionId ? { sessionId } : {}) });
    if (built.ok) requests.push({ ref, request: built.request });
    else invalid.push(`${ref.key}: ${built.error}`);
  }
  return { requests, invalid };
}

type ImageJob = { ref: ImageRef; request: ReplayRequest };

function revokeImage({ deps }: SliceContext, image: ImageResult): void {
  if (image.objectUrl) deps.revokeObjectUrl?.(image.objectUrl);
}

/** Patches the image `imageId` if replay `replayId` still owns it; false when it was replaced. */
function updateImage(
  { get, set }: SliceContext,
  imageId: string,
  replayId: string,
  patch: Partial<ImageResult>,
): boolean {
  const current = get().images.find((image) => image.imageId === imageId);
  // A newer fetch of the same image, or a clear, replaced this one: its result is not wanted.
  if (!current || current.replayId !== replayId) return false;
  set({
    images: get().images.map((image) => (image === current ? { ...image, ...patch } : image)),
  });
  return true;
}

function createObjectUrl(
  { deps }: SliceContext,
  bytes: Uint8Array,
  contentType: string,
): string | undefined {
  try {
    return deps.createObjectUrl?.(
      bytes,
      readImageMimeType(contentType) || 'application/octet-stream',
    );
  } catch {
    return undefined;
  }
}

function settleImage(
  ctx: SliceContext,
  ref: ImageRef,
  replayId: string,
  sessionId: string | undefined,
  result: ReplayResult,
): void {
  if (result.kind !== 'response' || !result.ok || !result.bodyBytes || result.truncated) {
    updateImage(ctx, ref.id, replayId, describeFailedImage(result));
    return;
  }
  const objectUrl = createObjectUrl(ctx, result.bodyBytes, result.contentType);
  const patch = describeLoadedImage(ref, sessionId, result);
  if (objectUrl) patch.objectUrl = objectUrl;
  // The image was cleared or fetched again meanwhile: the new URL is not shown, so free it.
  if (!updateImage(ctx, ref.id, replayId, patch) && objectUrl)
    ctx.deps.revokeObjectUrl?.(objectUrl);
}

/** Sends one image request; its gallery entry appears at once (pending) and settles with the answer. */
async function startImage(
  ctx: SliceContext,
  send: RequestPart['send'],
  job: ImageJob,
  sessionId: string | undefined,
): Promise<ReplayResult> {
  const { ref, request } = job;
  let replayId = '';
  const { result } = await send(request, REPLAY_LABELS.image(ref.key, ref.id), {
    withToken: true,
    onListed: (id) => {
      replayId = id;
      const put = putGalleryImage(ctx.get().images, buildPendingImage(ref, id, sessionId));
      for (const old of put.dropped) revokeImage(ctx, old);
      ctx.set({ images: put.images });
    },
  });
  settleImage(ctx, ref, replayId, sessionId, result);
  return result;
}

/** Runs `jobs` `concurrency` at a time until done or the batch `batchId` is stopped. */
async function runBatch(
  ctx: SliceContext,
  send: RequestPart['send'],
  concurrency: number,
  batchId: number,
  jobs: readonly ImageJob[],
  sessionId: string | undefined,
): Promise<{ loaded: number; failed: number; cancelled: boolean }> {
  const { get, set } = ctx;
  const updateBatch = (patch: Partial<ImageBatch>) => {
    const current = get().imageBatch;
    if (current?.id === batchId) set({ imageBatch: { ...current, ...patch } });
  };
  const stopped = () => {
    const current = get().imageBatch;
    return current?.id !== batchId || current.cancelled;
  };
  const counts = { loaded: 0, failed: 0 };
  const queue = jobs.slice();
  const worker = async () => {
    for (let next = queue.shift(); next; next = stopped() ? undefined : queue.shift()) {
      const result = await startImage(ctx, send, next, sessionId);
      if (result.kind === 'response' && result.ok) counts.loaded += 1;
      else counts.failed += 1;
      updateBatch({ done: counts.loaded + counts.failed, failed: counts.failed });
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, () => worker()));
  const finalBatch = get().imageBatch;
  const cancelled = finalBatch?.id === batchId ? finalBatch.cancelled : true;
  updateBatch({ running: false });
  return { ...counts, cancelled };
}

/** Creates the image part over the sender and the token part. */
export function createImagePart(
  ctx: SliceContext,
  sender: RequestPart,
  token: TokenPart,
): ImagePart {
  const { deps, get, set, fail } = ctx;
  const concurrency = Math.max(1, Math.floor(deps.imageConcurrency ?? DEFAULT_IMAGE_CONCURRENCY));
  let batchSeq = 0;
  const actions: ImagePart['actions'] = {
    async fetchImage(ref, sessionId) {
      const prepared = await sender.prepare((base) =>
        buildImageRequest({ base, imageId: ref.id, ...(sessionId ? { sessionId } : {}) }),
      );
      if (!prepared.ok) return prepared;
      set({ problem: undefined });
      const result = await startImage(
        ctx,
        sender.send,
        { ref, request: prepared.request },
        sessionId,
      );
      return { ok: true, result };
    },
    async fetchImages(refs, sessionId) {
      if (refs.length === 0) return fail(REPLAY_TEXT.noImages);
      const { apiOrigin, apiBaseError } = get();
      if (apiOrigin === undefined) return fail(apiBaseError ?? REPLAY_TEXT.chooseValidBase);
      // One check for the whole batch: an expired token or a foreign origin stops all of it.
      const refused = await token.refusal(apiOrigin);
      if (refused) return fail(refused);
      const { requests, invalid } = buildImageRequests(refs, apiOrigin, sessionId);
      // Image ids come from the (untrusted) payload: unusable ones are reported, the rest fetched.
      if (requests.length === 0) return fail(describeNoUsableImages(invalid));
      const skipped = invalid.length > 0 ? describeSkippedImages(invalid) : undefined;
      set({ problem: skipped === undefined ? undefined : capText(skipped, MAX_PROBLEM_CHARS) });
      batchSeq += 1;
      const total = requests.length;
      const batch = { id: batchSeq, total, done: 0, failed: 0, running: true, cancelled: false };
      set({ imageBatch: batch });
      const outcome = await runBatch(ctx, sender.send, concurrency, batch.id, requests, sessionId);
      return { ok: true, total, ...outcome };
    },
    cancelImages() {
      const batch = get().imageBatch;
      if (batch?.running) set({ imageBatch: { ...batch, cancelled: true } });
    },
    removeImage(imageId) {
      const removed = get().images.filter((image) => image.imageId === imageId);
      if (removed.length === 0) return;
      for (const image of removed) revokeImage(ctx, image);
      set({ images: get().images.filter((image) => image.imageId !== imageId) });
    },
    releaseImages() {
      for (const image of get().images) revokeImage(ctx, image);
      if (get().images.length > 0) set({ images: [] });
    },
  };
  const revokeAll = () => {
    for (const image of get().images) revokeImage(ctx, image);
  };
  return { actions, revokeAll };
}
