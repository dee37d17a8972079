// Tests for the image part of the replay slice: object URLs, the cap, failures, fetch-all concurrency and cancel.
import { describe, expect, it, vi } from 'vitest';
import type { ImageRef } from '../uqudo/summary';
import type { ReplayResult } from './send';
import { MAX_IMAGES } from './gallery';
import {
  SESSION,
  buildImageRefs as refs,
  buildImageResponse as imageResponse,
  replayState as state,
  setupReplayStore as setup,
} from './testing/slice-harness';

describe('images', () => {
  it('creates an object URL per loaded image and revokes it on remove, refetch and clear', async () => {
    const h = setup(async () => imageResponse());
    const [first, second] = refs(2) as [ImageRef, ImageRef];
    await h.store.replay.fetchImage(first, SESSION);
    const image = state(h).images[0]!;
    expect(image).toMatchObject({
      status: 'loaded',
      objectUrl: 'blob:test/1',
      mimeType: 'image/jpeg',
      byteSize: 64,
      fileName: `${SESSION}-image0Id-${first.id}.jpg`,
      sessionId: SESSION,
    });
    // The replay list does not keep a second copy of the bytes.
    const entry = state(h).replays[0]!;
    expect(entry.result?.kind === 'response' && entry.result.bodyBytes).toBeFalsy();

    await h.store.replay.fetchImage(first, SESSION);
    expect(h.revoked).toEqual(['blob:test/1']);
    expect(state(h).images).toHaveLength(1);

    await h.store.replay.fetchImage(second, SESSION);
    h.store.replay.removeImage(first.id);
    expect(h.revoked).toEqual(['blob:test/1', 'blob:test/2']);

    h.store.replay.clearReplays();
    expect(h.revoked).toEqual(['blob:test/1', 'blob:test/2', 'blob:test/3']);
    expect(state(h).images).toEqual([]);
    expect(state(h).replays).toEqual([]);
  });

  it('releaseImages revokes everything still shown', async () => {
    const h = setup(async () => imageResponse());
    await h.store.replay.fetchImages(refs(3));
    expect(h.created).toHaveLength(3);
    h.store.replay.releaseImages();
    expect([...h.revoked].sort()).toEqual([...h.created].sort());
    expect(state(h).images).toEqual([]);
  });

  it('revokes the URL of an image that was cleared while it loaded', async () => {
    let release: () => void = () => undefined;
    const h = setup(
      () =>
        new Promise<ReplayResult>((resolve) => {
          release = () => resolve(imageResponse());
        }),
    );
    const pending = h.store.replay.fetchImage(refs(1)[0]!);
    await vi.waitFor(() => expect(state(h).images[0]?.status).toBe('pending'));
    h.store.replay.releaseImages();
    release();
    await pending;
    expect(h.created).toEqual(['blob:test/1']);
    expect(h.revoked).toEqual(['blob:test/1']);
    expect(state(h).images).toEqual([]);
  });

  it('keeps at most MAX_IMAGES, revoking the oldest', async () => {
    const h = setup(async () => imageResponse());
    const many = Array.from({ length: MAX_IMAGES + 2 }, (_, i) => ({
      id: `65a1f0c2e4b0a1b2c3d4${String(i).padStart(4, '0')}`,
      path: `$.x${i}`,
      key: 'frontImageId',
    }));
    for (const ref of many) await h.store.replay.fetchImage(ref);
    expect(state(h).images).toHaveLength(MAX_IMAGES);
    expect(h.revoked).toEqual(['blob:test/1', 'blob:test/2']);
  });

  it('explains a failed image with the 404 explanation', async () => {
    const h = setup(async () => imageResponse(404));
    await h.store.replay.fetchImage(refs(1)[0]!);
    const image = state(h).images[0]!;
    expect(image.status).toBe('failed');
    expect(image.httpStatus).toBe(404);
    expect(image.failure?.title).toBe('Image not found or expired (404)');
    expect(h.created).toEqual([]);
  });

  it('fetches all images three at a time, each id once, with progress', async () => {
    const waiting: (() => void)[] = [];
    let inFlight = 0;
    let maxInFlight = 0;
    const h = setup(
      () =>
        new Promise<ReplayResult>((resolve) => {
          inFlight += 1;
          maxInFlight = Math.max(maxInFlight, inFlight);
          waiting.push(() => {
            inFlight -= 1;
            resolve(imageResponse());
          });
        }),
    );
    const list = refs(7);
    // The same id at two paths is fetched once.
    const withDuplicate = [...list, { ...list[0]!, path: '$.elsewhere' }];
    const batch = h.store.replay.fetchImages(withDuplicate, SESSION);
    await vi.waitFor(() => expect(waiting).toHaveLength(3));
    expect(state(h).imageBatches[0]).toMatchObject({ total: 7, done: 0, running: true });
    waiting.shift()!();
    await vi.waitFor(() => expect(state(h).imageBatches[0]?.done).toBe(1));
    await vi.waitFor(() => expect(waiting).toHaveLength(3));
    while (waiting.length > 0) {
      waiting.shift()!();
      await vi.waitFor(() => expect(inFlight).toBe(waiting.length));
      await new Promise((resolve) => setImmediate(resolve));
    }
    const result = await batch;
    expect(result).toEqual({ ok: true, total: 7, loaded: 7, failed: 0, cancelled: false });
    expect(maxInFlight).toBe(3);
    expect(h.send).toHaveBeenCalledTimes(7);
    expect(state(h).imageBatches[0]).toMatchObject({ total: 7, done: 7, running: false });
    expect(state(h).images).toHaveLength(7);
  });

  it('stops a batch on cancel after the requests already running', async () => {
    const waiting: (() => void)[] = [];
    const h = setup(
      () =>
        new Promise<ReplayResult>((resolve) => {
          waiting.push(() => resolve(imageResponse(404)));
        }),
    );
    const batch = h.store.replay.fetchImages(refs(6));
    await vi.waitFor(() => expect(waiting).toHaveLength(3));
    h.store.replay.cancelImages();
    for (const release of waiting.splice(0)) release();
    const result = await batch;
    expect(result).toEqual({ ok: true, total: 6, loaded: 0, failed: 3, cancelled: true });
    expect(h.send).toHaveBeenCalledTimes(3);
  });

  it('skips unusable image ids from the payload and fetches the rest', async () => {
    const h = setup(async () => imageResponse());
    const result = await h.store.replay.fetchImages([
      { id: '../../oauth/token', path: '$.a', key: 'frontImageId' },
      ...refs(1),
    ]);
    expect(result).toMatchObject({ ok: true, total: 1, loaded: 1 });
    expect(state(h).problem).toMatch(/Skipped unusable image ids: frontImageId/);
  });

  it('keeps problem messages short even for absurd payload keys', async () => {
    const h = setup(async () => imageResponse());
    const result = await h.store.replay.fetchImages([
      { id: 'a/b', path: '$.a', key: 'k'.repeat(10_000) },
    ]);
    expect(result.ok).toBe(false);
    expect(state(h).problem!.length).toBeLessThanOrEqual(2_001);
    expect(h.send).not.toHaveBeenCalled();
  });
});
