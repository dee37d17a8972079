// "Download all images": the fetched images of a session as one zip (fflate, loaded only when used).
import type { ImageResult } from './gallery';
import { ZIP_TEXT } from './replay-text';

/** One file of the archive. */
interface ZipEntry {
  name: string;
  bytes: Uint8Array;
}

/** A built archive, or why there is none. */
export type ZipOutcome =
  { ok: true; bytes: Uint8Array; fileName: string; count: number } | { ok: false; error: string };

/** The loaded images with their bytes, one entry each, names made unique (`name`, `name-2`…). */
function listZipEntries(images: readonly ImageResult[]): ZipEntry[] {
  const used = new Set<string>();
  const entries: ZipEntry[] = [];
  // Oldest first, so the archive lists images in the order they were fetched.
  for (const image of [...images].reverse()) {
    if (image.status !== 'loaded' || !image.bytes) continue;
    const base = image.fileName ?? `${image.refKey}-${image.imageId}.bin`;
    let name = base;
    for (let n = 2; used.has(name); n += 1) name = base.replace(/(\.[^.]*)?$/, `-${n}$1`);
    used.add(name);
    entries.push({ name, bytes: image.bytes });
  }
  return entries;
}

/** The archive's file name: `{session id}-images.zip` (characters unsafe in a file name replaced). */
function formatZipName(sessionId: string | undefined): string {
  const safe = (sessionId ?? '').replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[._-]+/, '');
  return `${safe.slice(0, 80) || 'uqudo'}-images.zip`;
}

/**
 * Builds the zip of `images` (stored, not deflated: JPEG and PNG are compressed already). fflate is
 * imported here only, so its code is a chunk of its own, fetched on the first click.
 */
export async function buildImageZip(
  images: readonly ImageResult[],
  sessionId: string | undefined,
): Promise<ZipOutcome> {
  const entries = listZipEntries(images);
  if (entries.length === 0) return { ok: false, error: ZIP_TEXT.nothingFetched };
  try {
    const { zipSync } = await import('fflate');
    const files = Object.fromEntries(entries.map((entry) => [entry.name, entry.bytes]));
    const bytes = zipSync(files, { level: 0 });
    return { ok: true, bytes, fileName: formatZipName(sessionId), count: entries.length };
  } catch (error) {
    return { ok: false, error: ZIP_TEXT.failed(error) };
  }
}
