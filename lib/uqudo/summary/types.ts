// Types of the Uqudo summary: levels, items, sections, documents, image references and inline photos.

/**
 * How an item should look: `bad` (red) needs attention, `warn` (amber) deserves a look,
 * `good` (green) is a passed check, `info` (neutral) is plain information.
 * These are developer diagnostics, never a trust decision: Uqudo says decisions belong on the backend.
 */
export type Level = 'good' | 'warn' | 'bad' | 'info';

/** One line of a section: label, value and its level, with an optional plain-English explanation. */
export interface SummaryItem {
  /** Short name of what is shown, e.g. "Screen detection score". */
  label: string;
  /** Display text (already clipped to a sane length), e.g. "12 / 100". */
  value: string;
  level: Level;
  /** One or two sentences saying what the value means or what to do. */
  detail?: string;
  /** JSON path of the value in the payload, e.g. `$.data.verifications[0].idScreenDetection.score`. */
  path?: string;
}

/** Stable section identifiers, for icons, ordering or tests. */
export type SectionId =
  | 'document'
  | 'scan'
  | 'reading'
  | 'face'
  | 'lookup'
  | 'fraud-checks'
  | 'mrz-checksum'
  | 'chip-verification'
  | 'data-consistency'
  | 'biometric'
  | 'session'
  | 'source'
  | 'background-check'
  | 'device-attestation';

/** A titled group of items. Sections without items are left out. */
export interface SummarySection {
  id: SectionId;
  title: string;
  items: SummaryItem[];
}

/** The OCR (or chip / lookup) values people look at first. Dates are ISO `yyyy-MM-dd` when parseable. */
export interface DocumentHighlights {
  fullName?: string;
  documentNumber?: string;
  nationality?: string;
  dateOfBirth?: string;
  dateOfExpiry?: string;
  /** true when `dateOfExpiry` is before `now`; undefined when no expiry date could be read. */
  expired?: boolean;
}

/** Which steps a document went through (the payload has the object, not null). */
export interface DocumentSteps {
  scan: boolean;
  reading: boolean;
  face: boolean;
  lookup: boolean;
}

/** Everything about one document of `data.documents[]` and its matching `data.verifications[]` entry. */
export interface DocumentSummary {
  /** e.g. "PASSPORT", "UAE_ID"; "UNKNOWN" when the payload does not say. */
  documentType: string;
  /** JSON path of the document (or of its verification when no document entry exists). */
  path: string;
  highlights: DocumentHighlights;
  steps: DocumentSteps;
  /** Face step result, when present. */
  face?: { matchLevel?: number; match?: boolean };
  sections: SummarySection[];
}

/** An image the Info API can return: `GET {base}/api/v1/info/img/{id}`. The same id may appear at several paths. */
export interface ImageRef {
  id: string;
  /** JSON path, e.g. `$.data.documents[0].scan.frontImageId`. */
  path: string;
  /** The key it was found under, e.g. `frontImageId`. */
  key: string;
  /** documentType of the enclosing document, when there is one. */
  documentType?: string;
}

/** A picture carried inside the payload itself: the NFC chip photo or a lookup's portrait. */
export interface InlinePhoto {
  /** `chip`: `reading.data.photo` (or `photography`); `lookup`: `lookup.data.faceImage`. */
  source: 'chip' | 'lookup';
  /** What to call it, e.g. "Chip photo" or "Government record photo". */
  label: string;
  /** JSON path of the base64 string, e.g. `$.data.documents[0].reading.data.photo`. */
  path: string;
  /** The declared type (`photoMimeType`, data-URL prefix), else the one its bytes show. */
  mimeType: string;
  /** The type its first bytes show (JPEG, PNG or JPEG 2000), whatever was declared. */
  detectedType?: 'image/jpeg' | 'image/png' | 'image/jp2';
  /** Standard base64 without whitespace or data-URL prefix. */
  base64: string;
  /** Decoded size in bytes (computed from the base64 length). */
  approxBytes: number;
  documentType?: string;
}

/** The whole summary. Session-wide sections (session, source, face session, background check, device attestation) are in `sections`. */
export interface UqudoSummary {
  /** false when the payload has neither a `data` object nor `documents`: probably not an SDK result. */
  hasData: boolean;
  /** The id to replay with: `data.sessionId` (face sessions) or else `jti`. */
  sessionId?: string;
  sessionIdSource?: 'data.sessionId' | 'jti';
  nonce?: string;
  documents: DocumentSummary[];
  sections: SummarySection[];
  images: ImageRef[];
  inlinePhotos: InlinePhoto[];
  /** Counts of `bad` and `warn` items over all sections. */
  overall: { bad: number; warn: number };
  /** Notes about the payload's shape (missing data, wrong types), in plain English. */
  notes: string[];
}

/** Options of summarizeUqudoResult. */
export interface SummaryOptions {
  /** Current time in milliseconds since the epoch (default `Date.now()`), used to flag expired documents. */
  now?: number;
}
