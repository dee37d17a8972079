// Pictures in a result: Info API image references (*ImageId anywhere) and base64 photos inlined in the payload.
import { base64url } from 'jose';
import { asArray, asRecord, asText, childPath, formatBytes, get, type JsonObject } from './read';
import type { ImageRef, InlinePhoto } from './types';

const MAX_WALK_DEPTH = 64;
const MAX_WALK_NODES = 200_000;

/** Inline photos larger than this (decoded bytes) are listed but never rendered. */
export const MAX_INLINE_PHOTO_BYTES = 2 * 1024 * 1024;

/** Every `*ImageId` value in `data` (scan-level ids, face audit trail, anything undocumented), bounded. */
export function collectImageRefs(data: JsonObject, dataPath: string): ImageRef[] {
  const images: ImageRef[] = [];
  const seen = new Set<object>();
  let nodes = 0;
  const walk = (value: unknown, path: string, depth: number, documentType: string | undefined) => {
    if (typeof value !== 'object' || value === null || depth > MAX_WALK_DEPTH) return;
    if (seen.has(value) || ++nodes > MAX_WALK_NODES) return;
    seen.add(value);
    if (Array.isArray(value)) {
      value.forEach((entry, index) => walk(entry, `${path}[${index}]`, depth + 1, documentType));
      return;
    }
    const record = value as JsonObject;
    const type = asText(get(record, 'documentType')) ?? documentType;
    for (const key of Object.keys(record)) {
      const child = record[key];
      const childAt = childPath(path, key);
      if (key.endsWith('ImageId')) {
        if (typeof child === 'string' && child.trim() !== '') {
          const ref: ImageRef = { id: child.trim(), path: childAt, key };
          if (type) ref.documentType = type;
          images.push(ref);
        }
        continue;
      }
      walk(child, childAt, depth + 1, type);
    }
  };
  walk(data, dataPath, 0, undefined);
  return images;
}

/** Each document's chip photo (`reading.data`) and lookup portrait (`lookup.data.faceImage`). */
export function collectInlinePhotos(data: JsonObject, dataPath: string): InlinePhoto[] {
  const photos: InlinePhoto[] = [];
  (asArray(get(data, 'documents')) ?? []).forEach((entry, index) => {
    const document = asRecord(entry);
    if (!document) return;
    const path = `${dataPath}.documents[${index}]`;
    const type = asText(get(document, 'documentType'));
    for (const [step, source] of [
      ['reading', 'chip'],
      ['lookup', 'lookup'],
    ] as const) {
      const stepData = asRecord(get(asRecord(get(document, step)) ?? {}, 'data'));
      const photo = stepData
        ? findInlinePhoto(stepData, `${path}.${step}.data`, source)
        : undefined;
      if (!photo) continue;
      if (type) photo.documentType = type;
      photos.push(photo);
    }
  });
  return photos;
}

const PHOTO_KEYS: Record<InlinePhoto['source'], readonly string[]> = {
  // Passports and most chips: `photo`; the Emirates ID chip: `photography`.
  chip: ['photo', 'photography'],
  lookup: ['faceImage'],
};

/** The base64 picture inlined in a reading's or lookup's `data`, when it is well-formed base64. */
export function findInlinePhoto(
  record: JsonObject,
  path: string,
  source: InlinePhoto['source'],
): InlinePhoto | undefined {
  const key = PHOTO_KEYS[source].find((name) => typeof get(record, name) === 'string');
  if (key === undefined) return undefined;
  let text = get(record, key) as string;
  let mimeType =
    source === 'chip' ? asText(get(record, 'photoMimeType'))?.toLowerCase() : undefined;
  const dataUrl = /^data:([\w.+-]+\/[\w.+-]+);base64,/i.exec(text);
  if (dataUrl) {
    mimeType ??= dataUrl[1]!.toLowerCase();
    text = text.slice(dataUrl[0].length);
  }
  const base64 = text.replace(/\s+/g, '').replace(/-/g, '+').replace(/_/g, '/');
  if (base64 === '' || !/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) return undefined;
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  const detectedType = detectImageType(base64);
  const photo: InlinePhoto = {
    source,
    label: source === 'chip' ? 'Chip photo' : 'Government record photo',
    path: childPath(path, key),
    mimeType: mimeType ?? detectedType ?? 'application/octet-stream',
    base64,
    approxBytes: Math.floor((base64.length * 3) / 4) - padding,
  };
  if (detectedType) photo.detectedType = detectedType;
  return photo;
}

/** The picture type its first bytes (magic numbers) show, whatever a payload declares. */
export function detectImageType(base64: string): InlinePhoto['detectedType'] {
  let bytes: Uint8Array;
  try {
    // 16 base64 characters are the first 12 bytes; jose decodes the URL-safe alphabet.
    bytes = base64url.decode(
      base64.slice(0, 16).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_'),
    );
  } catch {
    return undefined;
  }
  const starts = (...prefix: number[]) => prefix.every((byte, i) => bytes[i] === byte);
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  // JPEG 2000: the JP2 signature box or a raw codestream.
  if (starts(0x00, 0x00, 0x00, 0x0c, 0x6a, 0x50, 0x20, 0x20) || starts(0xff, 0x4f, 0xff, 0x51)) {
    return 'image/jp2';
  }
  return undefined;
}

/** How the panel may show an inline photo. */
export type PhotoDisplay =
  | { kind: 'show'; type: 'image/jpeg' | 'image/png' }
  | { kind: 'download'; type: 'image/jp2'; reason: string }
  | { kind: 'withhold'; reason: string };

/**
 * Decides how to show an inline photo: only JPEG and PNG by their bytes are rendered (a declared
 * type is not trusted), JPEG 2000 is offered as a download, anything else or too large is withheld.
 */
export function assessInlinePhoto(photo: InlinePhoto): PhotoDisplay {
  if (photo.approxBytes > MAX_INLINE_PHOTO_BYTES) {
    return {
      kind: 'withhold',
      reason: `${formatBytes(photo.approxBytes)} is over the ${formatBytes(MAX_INLINE_PHOTO_BYTES)} the panel shows inline.`,
    };
  }
  const type = photo.detectedType;
  if (type === 'image/jpeg' || type === 'image/png') return { kind: 'show', type };
  if (type === 'image/jp2') {
    return { kind: 'download', type, reason: 'JPEG 2000: Chrome cannot display it; download it.' };
  }
  return {
    kind: 'withhold',
    reason: `Its bytes are not a JPEG, PNG or JPEG 2000 picture (declared ${photo.mimeType}).`,
  };
}
