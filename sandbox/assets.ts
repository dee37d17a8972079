// Static files the sandbox serves: sample JPEGs per image kind, the chip photo, and the demo page.
import { readFile } from 'node:fs/promises';
import type { ImageKind } from './scenarios';

const IMAGE_FILES: Record<ImageKind, string> = {
  portrait: 'portrait.jpg',
  front: 'front.jpg',
  'front-frame': 'frame.jpg',
  back: 'back.jpg',
  'back-frame': 'frame.jpg',
  selfie: 'selfie.jpg',
};

/** The demo page's files by request path. */
export const DEMO_FILES: Record<string, { file: string; type: string }> = {
  '/': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/index.html': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/demo.js': { file: 'demo.js', type: 'text/javascript; charset=utf-8' },
  '/demo.css': { file: 'demo.css', type: 'text/css; charset=utf-8' },
};

/** Content-Security-Policy of the demo page: its own scripts and styles only. */
export const DEMO_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'";

/** Static assets loaded once at start. */
export interface Assets {
  images: Record<ImageKind, Buffer>;
  nfcPhotoBase64: string;
  demo: Map<string, Buffer>;
}

/** Reads every asset from disk (sandbox/images and sandbox/demo). */
export async function loadAssets(): Promise<Assets> {
  const imagesDir = new URL('./images/', import.meta.url);
  const demoDir = new URL('./demo/', import.meta.url);
  const images = {} as Record<ImageKind, Buffer>;
  for (const [kind, file] of Object.entries(IMAGE_FILES) as [ImageKind, string][]) {
    images[kind] = await readFile(new URL(file, imagesDir));
  }
  const nfcPhotoBase64 = (await readFile(new URL('nfc-photo.jpg', imagesDir))).toString('base64');
  const demo = new Map<string, Buffer>();
  for (const { file } of Object.values(DEMO_FILES)) {
    if (!demo.has(file)) demo.set(file, await readFile(new URL(file, demoDir)));
  }
  return { images, nfcPhotoBase64, demo };
}
