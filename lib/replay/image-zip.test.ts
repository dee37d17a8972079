// Tests of buildImageZip: entries named by session and role, each image's bytes, unique names, nothing to zip.
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { ImageResult } from './gallery';
import { buildImageZip } from './image-zip';

const image = (id: string, patch: Partial<ImageResult> = {}): ImageResult => ({
  imageId: id,
  scope: 'session:s',
  refKey: 'frontImageId',
  replayId: `r-${id}`,
  status: 'loaded',
  bytes: new TextEncoder().encode(`bytes of ${id}`),
  fileName: `s1-frontImageId-${id}.jpg`,
  ...patch,
});

describe('buildImageZip', () => {
  it('zips every loaded image under its file name, oldest first, named after the session', async () => {
    // Newest first, as the gallery keeps them.
    const images = [image('b'), image('a', { fileName: 's1-backImageId-a.png' })];
    const built = await buildImageZip(images, 's1');
    expect(built).toMatchObject({ ok: true, fileName: 's1-images.zip', count: 2 });
    if (!built.ok) return;
    const entries = unzipSync(built.bytes);
    expect(Object.keys(entries)).toEqual(['s1-backImageId-a.png', 's1-frontImageId-b.jpg']);
    expect(new TextDecoder().decode(entries['s1-frontImageId-b.jpg'])).toBe('bytes of b');
  });

  it('skips pending and failed images, makes repeated names unique, and sanitises the zip name', async () => {
    const images = [
      image('x', { fileName: 'same.jpg' }),
      image('y', { fileName: 'same.jpg' }),
      image('p', { status: 'pending', bytes: undefined }),
      image('f', { status: 'failed', bytes: undefined }),
    ];
    const built = await buildImageZip(images, '../evil/ name');
    expect(built).toMatchObject({ ok: true, fileName: 'evil_name-images.zip', count: 2 });
    if (built.ok)
      expect(Object.keys(unzipSync(built.bytes)).sort()).toEqual(['same-2.jpg', 'same.jpg']);
  });

  it('says so when nothing is fetched yet', async () => {
    expect(await buildImageZip([image('p', { status: 'pending' })], undefined)).toEqual({
      ok: false,
      error: 'No image of this session is fetched yet: fetch them first.',
    });
  });
});
