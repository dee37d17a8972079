// Inline photos: the lookup portrait beside the chip photo, types by magic bytes, and what the panel may show.
import { describe, expect, it } from 'vitest';
import {
  assessInlinePhoto,
  detectImageType,
  MAX_INLINE_PHOTO_BYTES,
  summarizeUqudoResult,
} from './index';
import { FIXTURE_NOW, findSummaryItem, loadFixture } from './testing';

const JPEG = '/9j/4AAQSkZJRgABAQAAAQABAAD/2w==';
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAAB';

describe('lookup data.faceImage', () => {
  it('is listed like the chip photo, with its own label and a lookup item', () => {
    const payload = loadFixture('uae-id', (data) => {
      data.documents[0].lookup = {
        status: 'SUCCESS',
        data: { identityNumber: '784', faceImage: PNG },
      };
    });
    const summary = summarizeUqudoResult(payload, { now: FIXTURE_NOW });
    const portrait = summary.inlinePhotos.find((p) => p.source === 'lookup')!;
    expect(portrait).toMatchObject({
      label: 'Government record photo',
      path: '$.data.documents[0].lookup.data.faceImage',
      mimeType: 'image/png',
      detectedType: 'image/png',
      documentType: 'UAE_ID',
    });
    expect(summary.inlinePhotos.map((p) => p.source)).toEqual(['chip', 'lookup']);
    expect(findSummaryItem(summary.documents[0]!, 'lookup', 'Government record photo').path).toBe(
      portrait.path,
    );
  });
});

describe('detectImageType and assessInlinePhoto', () => {
  it('reads the type from the bytes, not from the declaration', () => {
    expect(detectImageType(JPEG)).toBe('image/jpeg');
    expect(detectImageType(PNG)).toBe('image/png');
    expect(detectImageType('AAAADGpQICANCocK')).toBe('image/jp2');
    expect(detectImageType('PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmci')).toBeUndefined();
    expect(detectImageType('A')).toBeUndefined();
  });

  it('shows JPEG and PNG, offers JPEG 2000 as a download, withholds the rest and anything too large', () => {
    const photo = (base64: string, mimeType: string, approxBytes = 100) => ({
      source: 'chip' as const,
      label: 'Chip photo',
      path: '$.p',
      mimeType,
      base64,
      approxBytes,
      ...(detectImageType(base64) && { detectedType: detectImageType(base64)! }),
    });
    expect(assessInlinePhoto(photo(JPEG, 'image/png'))).toEqual({
      kind: 'show',
      type: 'image/jpeg',
    });
    expect(assessInlinePhoto(photo('AAAADGpQICANCocK', 'image/jp2')).kind).toBe('download');
    // An SVG declared as a JPEG is never put in an <img>.
    const svg = assessInlinePhoto(photo('PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmci', 'image/jpeg'));
    expect(svg).toMatchObject({ kind: 'withhold' });
    expect(assessInlinePhoto(photo(JPEG, 'image/jpeg', MAX_INLINE_PHOTO_BYTES + 1))).toMatchObject({
      kind: 'withhold',
      reason: expect.stringMatching(/over the 2\.0 MB/),
    });
  });
});
