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

/** The image actions, plus revoking the object URLs of one scope's images (for a clear). */
export interface ImagePart {
  actions: Pick<
    ReplayActions,
    'fetchImage' | 'fetchImages' | 'cancelImages' | 'removeImage' | 'releaseImages'
  >;
  revokeScope(scope: string): void;
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
  // Replay ids are unique: a newer fetch of the same image, or a clear, replaced this one.
  const current = get().images.find(
    (image) => image.imageId === imageId && image.replayId === replayId,
  );
  if (!current) return false;
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
  patch.bytes = result.bodyBytes;
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
  scope: string,
): Promise<ReplayResult> {
  const { ref, request } = job;
  let replayId = '';
  const { result } = await send(request, REPLAY_LABELS.image(ref.key, ref.id), {
    withToken: true,
    scope,
    onListed: (id) => {
      replayId = id;
      const pending = buildPendingImage(ref, id, sessionId, scope);
      const put = putGalleryImage(ctx.get().images, pending);
      for (const old of put.dropped) revokeImage(ctx, old);
      ctx.set({ images: put.images });
    },
  });
  settleImage(ctx, ref, replayId, sessionId, result);
  return result;
}

/** The batch `batchId`, if it is still listed. */
function findBatch({ get }: SliceContext, batchId: number): ImageBatch | undefined {
  return get().imageBatches.find((batch) => batch.id === batchId);
}

/** `batches` with `batch` as its scope's only batch. */
function putBatch(batches: readonly ImageBatch[], batch: ImageBatch): ImageBatch[] {
  return [...batches.filter((candidate) => candidate.scope !== batch.scope), batch];
}

/** Runs `jobs` `concurrency` at a time until done or the batch `batchId` is stopped. */
async function runBatch(
  ctx: SliceContext,
  send: RequestPart['send'],
  concurrency: number,
  batch: ImageBatch,
  jobs: readonly ImageJob[],
  sessionId: string | undefined,
): Promise<{ loaded: number; failed: number; cancelled: boolean }> {
  const { get, set } = ctx;
  const batchId = batch.id;
  const updateBatch = (patch: Partial<ImageBatch>) => {
    const current = findBatch(ctx, batchId);
    if (current) set({ imageBatches: putBatch(get().imageBatches, { ...current, ...patch }) });
  };
  const stopped = () => findBatch(ctx, batchId)?.cancelled ?? true;
  const counts = { loaded: 0, failed: 0 };
  const queue = jobs.slice();
  const worker = async () => {
    for (let next = queue.shift(); next; next = stopped() ? undefined : queue.shift()) {
      const result = await startImage(ctx, send, next, sessionId, batch.scope);
      if (result.kind === 'response' && result.ok) counts.loaded += 1;
      else counts.failed += 1;
      updateBatch({ done: counts.loaded + counts.failed, failed: counts.failed });
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, () => worker()));
  const cancelled = findBatch(ctx, batchId)?.cancelled ?? true;
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
      const scope = get().scope;
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
        scope,
      );
      return { ok: true, result };
    },
    async fetchImages(refs, sessionId) {
      const scope = get().scope;
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
      const batch = {
        id: batchSeq,
        scope,
        total,
        done: 0,
        failed: 0,
        running: true,
        cancelled: false,
      };
      set({ imageBatches: putBatch(get().imageBatches, batch) });
      const outcome = await runBatch(ctx, sender.send, concurrency, batch, requests, sessionId);
      return { ok: true, total, ...outcome };
    },
    cancelImages() {
      const { scope, imageBatches } = get();
      const batch = imageBatches.find((candidate) => candidate.scope === scope);
      if (batch?.running)
        set({ imageBatches: putBatch(imageBatches, { ...batch, cancelled: true }) });
    },
    removeImage(imageId) {
      const { scope } = get();
      const matches = (image: ImageResult) => image.imageId === imageId && image.scope === scope;
      const removed = get().images.filter(matches);
      if (removed.length === 0) return;
      for (const image of removed) revokeImage(ctx, image);
      set({ images: get().images.filter((image) => !matches(image)) });
    },
    releaseImages() {
      for (const image of get().images) revokeImage(ctx, image);
      if (get().images.length > 0) set({ images: [] });
    },
  };
  const revokeScope = (scope: string) => {
    for (const image of get().images) if (image.scope === scope) revokeImage(ctx, image);
  };
  return { actions, revokeScope };
}
