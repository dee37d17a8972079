// Cheap request classification: which requests are static assets and which bodies could hold a token.

/** What is known about a request before its body is read. */
export interface RequestTraits {
  url: string;
  /** Response MIME type (HAR `response.content.mimeType` or Content-Type), parameters allowed. */
  mimeType?: string;
  /** Chrome's HAR `_resourceType` (image, font, stylesheet, script, media, xhr, fetch…). */
  resourceType?: string;
}

const STATIC_RESOURCE_TYPES = new Set([
  'image',
  'font',
  'stylesheet',
  'script',
  'media',
  'texttrack',
  'manifest',
]);

const STATIC_EXTENSIONS = new Set([
  'png',
  'jpg',
  'jpeg',
  'gif',
  'webp',
  'avif',
  'svg',
  'ico',
  'bmp',
  'woff',
  'woff2',
  'ttf',
  'otf',
  'eot',
  'css',
  'js',
  'mjs',
  'map',
  'wasm',
  'mp4',
  'webm',
  'mp3',
  'wav',
  'ogg',
  'm4a',
]);

const STATIC_MIME_TYPES = new Set([
  'text/css',
  'text/javascript',
  'application/javascript',
  'application/x-javascript',
  'application/ecmascript',
  'application/wasm',
  'application/font-woff',
  'application/font-woff2',
  'application/vnd.ms-fontobject',
]);

const BINARY_MIME_PREFIXES = ['image/', 'audio/', 'video/', 'font/'];

const BINARY_MIME_TYPES = new Set([
  'application/pdf',
  'application/zip',
  'application/gzip',
  'application/wasm',
  'application/font-woff',
  'application/font-woff2',
  'application/vnd.ms-fontobject',
  'application/x-protobuf',
  'application/protobuf',
]);

/** Lower-cased MIME type without parameters (`application/json; charset=utf-8` → `application/json`). */
export function normalizeMimeType(mimeType: string | undefined): string {
  if (!mimeType) return '';
  const semicolon = mimeType.indexOf(';');
  return (semicolon === -1 ? mimeType : mimeType.slice(0, semicolon)).trim().toLowerCase();
}

/** The lower-cased file extension of a URL's path, or '' (never throws on odd URLs). */
function extensionOf(url: string): string {
  let end = url.length;
  const query = url.indexOf('?');
  if (query !== -1) end = query;
  const hash = url.indexOf('#');
  if (hash !== -1 && hash < end) end = hash;
  const path = url.slice(0, end);
  const slash = path.lastIndexOf('/');
  const dot = path.lastIndexOf('.');
  if (dot === -1 || dot < slash) return '';
  return path.slice(dot + 1).toLowerCase();
}

/**
 * True for images, fonts, stylesheets, scripts and media: their bodies are never read, though their
 * URL query and headers are still examined.
 */
export function isStaticAsset(traits: RequestTraits): boolean {
  if (traits.resourceType && STATIC_RESOURCE_TYPES.has(traits.resourceType.toLowerCase())) {
    return true;
  }
  const mime = normalizeMimeType(traits.mimeType);
  if (mime && (isBinaryMimeType(mime) || STATIC_MIME_TYPES.has(mime))) return true;
  // The extension only counts when the server did not say it is something else (an API may end in .js).
  return mime === '' && STATIC_EXTENSIONS.has(extensionOf(traits.url));
}

/** True when a MIME type names binary content (images, audio, video, fonts, archives…). */
export function isBinaryMimeType(mimeType: string | undefined): boolean {
  const mime = normalizeMimeType(mimeType);
  if (mime === '') return false;
  if (mime === 'image/svg+xml') return false;
  return (
    BINARY_MIME_PREFIXES.some((prefix) => mime.startsWith(prefix)) || BINARY_MIME_TYPES.has(mime)
  );
}

/**
 * True when a response body of this MIME type could carry a compact token: text, JSON, JWT, form
 * data, XML, or an unknown/unlabelled type. Binary and static-asset types are false.
 */
export function mayCarryTokenBody(mimeType: string | undefined): boolean {
  const mime = normalizeMimeType(mimeType);
  if (mime === '') return true;
  if (isBinaryMimeType(mime) || STATIC_MIME_TYPES.has(mime)) return false;
  return true;
}

/** True for JSON MIME types (`application/json`, `application/problem+json`, `text/json`…). */
export function isJsonMimeType(mimeType: string | undefined): boolean {
  const mime = normalizeMimeType(mimeType);
  return mime === 'application/json' || mime === 'text/json' || mime.endsWith('+json');
}

/** True for `application/x-www-form-urlencoded`. */
export function isFormMimeType(mimeType: string | undefined): boolean {
  return normalizeMimeType(mimeType) === 'application/x-www-form-urlencoded';
}
