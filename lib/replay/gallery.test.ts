// Tests for the gallery's pure rules: replacing and capping images, and what an answer means for an image.
import { describe, expect, it } from 'vitest';
import { explainReplay } from './explain';
import {
  MAX_IMAGES,
  buildPendingImage,
  describeFailedImage,
  describeLoadedImage,
  putGalleryImage,
  readImageMimeType,
  type ImageResult,
} from './gallery';
import { buildReplayResponse } from './testing/replays';

const REF = {
  id: '65f1c2a9e4b0a1b2c3d4e5f8',
  path: '$.x',
  key: 'frontImageId',
  documentType: 'ID',
};

describe('putGalleryImage', () => {
  it('replaces an image with the same id and drops the oldest beyond the cap', () => {
    const images: ImageResult[] = Array.from({ length: MAX_IMAGES }, (_, i) =>
      buildPendingImage({ ...REF, id: `id${i}` }, `r${i}`, undefined),
    );
    const again = putGalleryImage(images, buildPendingImage({ ...REF, id: 'id3' }, 'r99', 'S'));
    expect(again.images).toHaveLength(MAX_IMAGES);
    expect(again.images[0]).toMatchObject({ imageId: 'id3', replayId: 'r99', sessionId: 'S' });
    expect(again.dropped.map((image) => image.replayId)).toEqual(['r3']);
    const fresh = putGalleryImage(
      images,
      buildPendingImage({ ...REF, id: 'new' }, 'rn', undefined),
    );
    expect(fresh.images).toHaveLength(MAX_IMAGES);
    expect(fresh.dropped.map((image) => image.imageId)).toEqual([`id${MAX_IMAGES - 1}`]);
  });
});

describe('image outcomes', () => {
  it('names a loaded image after its session, key and id', () => {
    const patch = describeLoadedImage(REF, 'S', {
      status: 200,
      contentType: 'Image/PNG; charset=x',
      bodySize: 10,
    });
    expect(patch).toEqual({
      status: 'loaded',
      httpStatus: 200,
      mimeType: 'image/png',
      byteSize: 10,
      fileName: `S-frontImageId-${REF.id}.png`,
    });
    expect(readImageMimeType('')).toBe('');
  });

  it('explains too-large, non-image, cancelled, refused and network failures', () => {
    const big = buildReplayResponse({
      bodyBytes: new Uint8Array(1),
      truncated: true,
      bodySize: 2048,
    });
    expect(describeFailedImage(big).failure?.title).toBe('Image too large');
    const html = buildReplayResponse({ contentType: 'text/html', explanation: undefined });
    expect(describeFailedImage(html)).toMatchObject({
      status: 'failed',
      httpStatus: 200,
      failure: { title: 'Not an image (200)' },
    });
    const missing = buildReplayResponse({
      status: 404,
      ok: false,
      explanation: explainReplay('image', 404),
    });
    expect(describeFailedImage(missing).failure).toEqual(explainReplay('image', 404));
    expect(describeFailedImage({ kind: 'aborted', durationMs: 1 }).failure?.title).toBe(
      'Cancelled',
    );
    expect(describeFailedImage({ kind: 'refused', reason: 'Nope.' }).failure?.detail).toBe('Nope.');
    const timeout = {
      kind: 'timeout' as const,
      durationMs: 5,
      explanation: explainReplay('image', 'timeout'),
    };
    expect(describeFailedImage(timeout).failure).toEqual(timeout.explanation);
  });
});
