// The zip part of the replay slice: the current session's fetched images as one archive behind an object URL.
import { buildImageZip } from './image-zip';
import { ZIP_TEXT } from './replay-text';
import type { ReplayActions, SliceContext } from './state';

/** Creates "Download all images"; one archive URL lives at a time (the previous one is revoked). */
export function createZipPart(ctx: SliceContext): Pick<ReplayActions, 'zipImages'> {
  const { deps, get } = ctx;
  let lastUrl: string | undefined;
  return {
    async zipImages() {
      const { scope } = get();
      const images = get().images.filter((image) => image.scope === scope);
      const sessionId = images.find((image) => image.sessionId)?.sessionId;
      const built = await buildImageZip(images, sessionId);
      if (!built.ok) return built;
      let url: string | undefined;
      try {
        url = deps.createObjectUrl?.(built.bytes, 'application/zip');
      } catch {
        url = undefined;
      }
      if (url === undefined) return { ok: false, error: ZIP_TEXT.noDownload };
      if (lastUrl !== undefined) deps.revokeObjectUrl?.(lastUrl);
      lastUrl = url;
      return { ok: true, url, fileName: built.fileName, count: built.count };
    },
  };
}
