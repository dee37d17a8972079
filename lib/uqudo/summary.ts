// summarizeUqudoResult: turns a Uqudo SDK result payload into render-ready sections, levels and image references.

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

/** A picture carried inside the payload itself (the NFC chip photo). */
export interface InlinePhoto {
  /** JSON path of the base64 string, e.g. `$.data.documents[0].reading.data.photo`. */
  path: string;
  /** `image/jpeg`, `image/jp2` (Chrome cannot render it: offer a download) or `image/png`. */
  mimeType: string;
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

/** Options for {@link summarizeUqudoResult}. */
export interface SummaryOptions {
  /** Current time in milliseconds since the epoch (default `Date.now()`), used to flag expired documents. */
  now?: number;
}

/**
 * Fraud-score thresholds for `idScreenDetection`, `idPrintDetection` and `idPhotoTamperingDetection`
 * (scores 0–100, higher = more likely fraud). Uqudo leaves the cut-off to the integrator; we show a
 * score ≥ 50 as `bad` and ≥ 20 as `warn`, which flags borderline cases for a human look.
 */
export const FRAUD_SCORE_THRESHOLDS = { bad: 50, warn: 20 } as const;

/**
 * Device-attestation risk flags that depend on context (a VPN or proxy is common on corporate
 * networks) and are shown as `warn`; every other risk flag that is true is shown as `bad`.
 */
export const CONTEXTUAL_DEVICE_RISKS: readonly string[] = [
  'vpnRunning',
  'proxy',
  'incognito',
  'screenSharing',
];

const MAX_VALUE_CHARS = 200;
const MAX_WALK_DEPTH = 64;
const MAX_WALK_NODES = 200_000;
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

type JsonObject = Record<string, unknown>;

/**
 * Summarizes a Uqudo SDK result payload (the decoded JWS payload `{iss, aud, jti, data}`, or `data`
 * itself). Never throws: unknown keys are ignored, wrong types are skipped, and anything unexpected
 * ends up as a note.
 */
export function summarizeUqudoResult(payload: unknown, options: SummaryOptions = {}): UqudoSummary {
  const now =
    typeof options.now === 'number' && Number.isFinite(options.now) ? options.now : Date.now();
  try {
    return summarize(payload, now);
  } catch (error) {
    // Only reachable with exotic inputs (throwing getters, proxies): degrade to an empty summary.
    const summary = createEmptySummary();
    summary.notes.push(`The payload could not be read: ${clip(String(error))}`);
    return summary;
  }
}

/** A summary with nothing in it (`hasData` false), the start of every summary. */
export function createEmptySummary(): UqudoSummary {
  return {
    hasData: false,
    documents: [],
    sections: [],
    images: [],
    inlinePhotos: [],
    overall: { bad: 0, warn: 0 },
    notes: [],
  };
}

function summarize(payload: unknown, now: number): UqudoSummary {
  const summary = createEmptySummary();
  const root = asRecord(payload);
  if (!root) {
    summary.notes.push(`The payload is ${describeType(payload)}, not a JSON object.`);
    return summary;
  }

  let data = asRecord(get(root, 'data'));
  let dataPath = '$.data';
  if (!data && get(root, 'documents') !== undefined) {
    // Someone pasted `data` itself rather than the whole payload.
    data = root;
    dataPath = '$';
  }
  if (!data) {
    const raw = get(root, 'data');
    summary.notes.push(
      raw === undefined
        ? 'The payload has no `data` object, so it is probably not a Uqudo SDK result.'
        : `\`data\` is ${describeType(raw)}, not an object.`,
    );
  }
  summary.hasData = data !== undefined;
  const ctx: Ctx = { now, notes: summary.notes };

  const dataSessionId = data ? asText(get(data, 'sessionId')) : undefined;
  const jti = asText(get(root, 'jti'));
  if (dataSessionId) {
    summary.sessionId = dataSessionId;
    summary.sessionIdSource = 'data.sessionId';
  } else if (jti) {
    summary.sessionId = jti;
    summary.sessionIdSource = 'jti';
  }
  summary.nonce = data ? asText(get(data, 'nonce')) : undefined;

  let verificationOnly: SummarySection[] = [];
  if (data) {
    const documents = summarizeDocuments(data, dataPath, ctx);
    summary.documents = documents.documents;
    verificationOnly = documents.sessionSections;
    summary.images = collectImageRefs(data, dataPath);
    summary.inlinePhotos = collectInlinePhotos(data, dataPath);
  }

  summary.sections = nonEmpty([
    sessionSection(summary, jti, dataPath),
    data ? faceSection(get(data, 'face'), `${dataPath}.face`, 'Face session') : undefined,
    data ? sourceSection(get(data, 'source'), `${dataPath}.source`) : undefined,
    data
      ? backgroundCheckSection(get(data, 'backgroundCheck'), `${dataPath}.backgroundCheck`)
      : undefined,
    ...verificationOnly,
    deviceAttestationSection(root, data, dataPath),
  ]);

  for (const section of [...summary.sections, ...summary.documents.flatMap((d) => d.sections)]) {
    for (const entry of section.items) {
      if (entry.level === 'bad') summary.overall.bad += 1;
      if (entry.level === 'warn') summary.overall.warn += 1;
    }
  }
  return summary;
}

interface Ctx {
  now: number;
  notes: string[];
}

// ---------- documents ----------

/**
 * Documents with their verifications attached. A verification without documentType and without a
 * document at its index (face sessions carry a lone biometric check) becomes session-wide sections.
 */
function summarizeDocuments(
  data: JsonObject,
  dataPath: string,
  ctx: Ctx,
): { documents: DocumentSummary[]; sessionSections: SummarySection[] } {
  const rawDocuments = get(data, 'documents');
  const documents = asArray(rawDocuments) ?? [];
  if (rawDocuments !== undefined && !Array.isArray(rawDocuments)) {
    ctx.notes.push(`\`documents\` is ${describeType(rawDocuments)}, not an array.`);
  }
  const rawVerifications = get(data, 'verifications');
  const verifications = asArray(rawVerifications) ?? [];
  if (
    rawVerifications !== undefined &&
    rawVerifications !== null &&
    !Array.isArray(rawVerifications)
  ) {
    ctx.notes.push(`\`verifications\` is ${describeType(rawVerifications)}, not an array.`);
  }

  const summaries: DocumentSummary[] = [];
  const sessionSections: SummarySection[] = [];
  const docTypes: (string | undefined)[] = [];
  documents.forEach((value, index) => {
    const path = `${dataPath}.documents[${index}]`;
    const document = asRecord(value);
    if (!document) {
      ctx.notes.push(`${path} is ${describeType(value)}, not an object.`);
      docTypes.push(undefined);
      return;
    }
    docTypes.push(asText(get(document, 'documentType')));
    summaries.push(summarizeDocument(document, path, ctx));
  });

  // Attach each verification to the document of the same type (or the same index when untyped).
  const taken = new Set<number>();
  verifications.forEach((value, index) => {
    const path = `${dataPath}.verifications[${index}]`;
    const verification = asRecord(value);
    if (!verification) {
      ctx.notes.push(`${path} is ${describeType(value)}, not an object.`);
      return;
    }
    const type = asText(get(verification, 'documentType'));
    let docIndex = type ? docTypes.findIndex((t, i) => t === type && !taken.has(i)) : -1;
    if (docIndex < 0 && !type && index < docTypes.length && !taken.has(index)) docIndex = index;
    const sections = verificationSections(verification, path);
    if (docIndex >= 0) {
      taken.add(docIndex);
      const target = summaries.find((s) => s.path === `${dataPath}.documents[${docIndex}]`);
      if (target) {
        target.sections.push(...sections);
        return;
      }
    }
    if (!type && index >= docTypes.length) {
      sessionSections.push(...sections);
      return;
    }
    summaries.push({
      documentType: type ?? 'UNKNOWN',
      path,
      highlights: {},
      steps: { scan: false, reading: false, face: false, lookup: false },
      sections: [
        {
          id: 'document',
          title: 'Document',
          items: [
            item(
              'Document entry',
              'only verifications',
              'info',
              'This verification has no matching entry in data.documents.',
              path,
            ),
          ],
        },
        ...sections,
      ],
    });
  });
  return { documents: summaries, sessionSections };
}

function summarizeDocument(document: JsonObject, path: string, ctx: Ctx): DocumentSummary {
  const documentType = asText(get(document, 'documentType')) ?? 'UNKNOWN';
  const scan = asRecord(get(document, 'scan'));
  const reading = asRecord(get(document, 'reading'));
  const face = asRecord(get(document, 'face'));
  const lookup = asRecord(get(document, 'lookup'));
  const steps: DocumentSteps = {
    scan: scan !== undefined,
    reading: reading !== undefined,
    face: face !== undefined,
    lookup: lookup !== undefined,
  };

  const readingData = reading ? asRecord(get(reading, 'data')) : undefined;
  const lookupData = lookup ? asRecord(get(lookup, 'data')) : undefined;
  const sources: Source[] = [];
  const addSource = (value: JsonObject | undefined, sourcePath: string) => {
    if (value) sources.push({ value, path: sourcePath });
  };
  addSource(scan ? asRecord(get(scan, 'front')) : undefined, `${path}.scan.front`);
  addSource(scan ? asRecord(get(scan, 'back')) : undefined, `${path}.scan.back`);
  addSource(readingData, `${path}.reading.data`);
  for (const key of ['personalDetails', 'documentDetails', 'mrz']) {
    addSource(
      readingData ? asRecord(get(readingData, key)) : undefined,
      `${path}.reading.data.${key}`,
    );
  }
  addSource(lookupData, `${path}.lookup.data`);

  const { highlights, items } = readHighlights(sources, ctx.now);
  const performed = (Object.keys(steps) as (keyof DocumentSteps)[]).filter((k) => steps[k]);
  items.push(
    item(
      'Steps in the result',
      performed.length ? performed.map(stepName).join(', ') : 'none',
      'info',
      'Steps that are null or missing were not performed (or not returned).',
      path,
    ),
  );

  const summary: DocumentSummary = {
    documentType,
    path,
    highlights,
    steps,
    sections: nonEmpty([
      { id: 'document', title: 'Document', items },
      scan ? scanSection(scan, `${path}.scan`, steps) : undefined,
      reading ? readingSection(reading, `${path}.reading`, ctx.now) : undefined,
      face ? faceSection(face, `${path}.face`, 'Face') : undefined,
      lookup ? lookupSection(lookup, `${path}.lookup`) : undefined,
    ]),
  };
  if (face) {
    summary.face = {};
    const matchLevel = asNumber(get(face, 'matchLevel'));
    const match = asBoolean(get(face, 'match'));
    if (matchLevel !== undefined) summary.face.matchLevel = matchLevel;
    if (match !== undefined) summary.face.match = match;
  }
  return summary;
}

function stepName(step: keyof DocumentSteps): string {
  return { scan: 'scan', reading: 'NFC reading', face: 'face', lookup: 'lookup' }[step];
}

interface Source {
  value: JsonObject;
  path: string;
}

function readHighlights(
  sources: Source[],
  now: number,
): { highlights: DocumentHighlights; items: SummaryItem[] } {
  const highlights: DocumentHighlights = {};
  const items: SummaryItem[] = [];

  const name = findFullName(sources);
  if (name) {
    highlights.fullName = name.value;
    items.push(item('Name', name.value, 'info', undefined, name.path));
  }
  const number = findText(sources, ['documentNumber', 'identityNumber', 'cardNumber', 'idNumber']);
  if (number) {
    highlights.documentNumber = number.value;
    items.push(item('Document number', number.value, 'info', undefined, number.path));
  }
  const nationality = findText(sources, ['nationality', 'nationalityCode']);
  if (nationality) {
    highlights.nationality = nationality.value;
    items.push(item('Nationality', nationality.value, 'info', undefined, nationality.path));
  }
  const birth = findDate(sources, ['dateOfBirth', 'birthDate'], 'birth', now);
  if (birth) {
    highlights.dateOfBirth = birth.iso ?? birth.raw;
    items.push(
      item(
        'Date of birth',
        birth.iso ?? birth.raw,
        'info',
        birth.iso ? undefined : 'Not a date format this tool knows; shown as found.',
        birth.path,
      ),
    );
  }
  const expiry = findDate(sources, ['dateOfExpiry', 'expiryDate'], 'expiry', now);
  if (expiry) {
    highlights.dateOfExpiry = expiry.iso ?? expiry.raw;
    if (expiry.date) {
      // A document is valid through its expiry day: it is expired from the next UTC midnight.
      const expired = now >= expiry.date.getTime() + 86_400_000;
      highlights.expired = expired;
      items.push(
        item(
          'Date of expiry',
          expired ? `${expiry.iso} (expired)` : (expiry.iso ?? expiry.raw),
          expired ? 'bad' : 'good',
          expired
            ? 'The document had expired at the time of this check.'
            : 'The document had not expired at the time of this check.',
          expiry.path,
        ),
      );
    } else {
      items.push(
        item(
          'Date of expiry',
          expiry.raw,
          'warn',
          'Not a date format this tool knows, so expiry could not be checked.',
          expiry.path,
        ),
      );
    }
  }
  return { highlights, items };
}

function findFullName(sources: Source[]): { value: string; path: string } | undefined {
  for (const source of sources) {
    const full = asText(get(source.value, 'fullName'));
    if (full) return { value: clip(full), path: `${source.path}.fullName` };
    const given = firstText(source.value, ['secondaryId', 'givenNames', 'givenName', 'firstName']);
    const surname = firstText(source.value, ['primaryId', 'surname', 'lastName']);
    if (given || surname) {
      const value = [given?.value, surname?.value].filter(Boolean).join(' ');
      return { value: clip(value), path: `${source.path}.${(given ?? surname)!.key}` };
    }
  }
  return undefined;
}

function firstText(value: JsonObject, keys: string[]): { key: string; value: string } | undefined {
  for (const key of keys) {
    const text = asText(get(value, key));
    if (text) return { key, value: text };
  }
  return undefined;
}

function findText(sources: Source[], keys: string[]): { value: string; path: string } | undefined {
  for (const key of keys) {
    for (const source of sources) {
      const text = asText(get(source.value, key));
      if (text) return { value: clip(text), path: childPath(source.path, key) };
    }
  }
  return undefined;
}

interface FoundDate {
  raw: string;
  iso?: string;
  date?: Date;
  path: string;
}

function findDate(
  sources: Source[],
  keys: string[],
  kind: DateKind,
  now: number,
): FoundDate | undefined {
  let fallback: FoundDate | undefined;
  for (const key of keys) {
    for (const source of sources) {
      // Prefer the ISO `<key>Formatted` sibling; fall back to the raw value (YYMMDD or dd.MM.yyyy).
      for (const candidate of [`${key}Formatted`, key]) {
        const raw = asText(get(source.value, candidate));
        if (!raw) continue;
        const path = childPath(source.path, candidate);
        const date = parseDocumentDate(raw, kind, now);
        if (date) return { raw: clip(raw), iso: isoDate(date), date, path };
        fallback ??= { raw: clip(raw), path };
      }
    }
  }
  return fallback;
}

type DateKind = 'birth' | 'expiry';

function parseDocumentDate(text: string, kind: DateKind, now: number): Date | undefined {
  const value = text.trim();
  let match = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/.exec(value);
  if (match) return makeDate(Number(match[1]), Number(match[2]), Number(match[3]));
  match = /^(\d{2})[./-](\d{2})[./-](\d{4})$/.exec(value);
  if (match) return makeDate(Number(match[3]), Number(match[2]), Number(match[1]));
  match = /^(\d{2})(\d{2})(\d{2})$/.exec(value);
  if (match) {
    // MRZ dates carry two-digit years: births are never in the future; expiries are at most a few decades ahead.
    const yy = Number(match[1]);
    const thisYear = new Date(now).getUTCFullYear();
    let year = 2000 + yy;
    if (kind === 'birth' && year > thisYear) year -= 100;
    if (kind === 'expiry' && year > thisYear + 50) year -= 100;
    return makeDate(year, Number(match[2]), Number(match[3]));
  }
  return undefined;
}

function makeDate(year: number, month: number, day: number): Date | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  ) {
    return undefined;
  }
  return date;
}

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

// ---------- per-step sections ----------

function scanSection(scan: JsonObject, path: string, steps: DocumentSteps): SummarySection {
  const items: SummaryItem[] = [];
  for (const side of ['front', 'back']) {
    const fields = asRecord(get(scan, side));
    if (!fields) continue;
    const sidePath = `${path}.${side}`;
    const mrzVerified = asBoolean(get(fields, 'mrzVerified'));
    if (mrzVerified !== undefined) {
      items.push(
        item(
          `MRZ verified (${side})`,
          yesNo(mrzVerified),
          mrzVerified ? 'good' : 'bad',
          mrzVerified
            ? 'The MRZ check digits read by OCR are consistent.'
            : 'The MRZ check digits read by OCR do not add up: a misread or an altered document.',
          `${sidePath}.mrzVerified`,
        ),
      );
    }
    const idVerified = asBoolean(get(fields, 'identityNumberVerified'));
    if (idVerified !== undefined) {
      items.push(
        item(
          `Identity number checksum (${side})`,
          idVerified ? 'valid' : 'invalid',
          idVerified ? 'good' : 'bad',
          undefined,
          `${sidePath}.identityNumberVerified`,
        ),
      );
    }
    const chip = asBoolean(get(fields, 'chipAvailable'));
    if (chip !== undefined) {
      const skipped = chip && !steps.reading;
      items.push(
        item(
          'Chip available',
          yesNo(chip),
          skipped ? 'warn' : 'info',
          skipped
            ? 'The document has a chip but the result has no NFC reading: Uqudo recommends enforcing the NFC step where the document supports it.'
            : chip
              ? 'The document has an NFC chip.'
              : undefined,
          `${sidePath}.chipAvailable`,
        ),
      );
    }
  }
  return { id: 'scan', title: 'Scan (OCR)', items };
}

function readingSection(reading: JsonObject, path: string, now: number): SummarySection {
  const items: SummaryItem[] = [];
  const data = asRecord(get(reading, 'data'));
  items.push(
    item(
      'Chip data',
      data ? 'read' : 'no data',
      data ? 'good' : 'warn',
      data
        ? 'Data was read from the document chip over NFC.'
        : 'The reading step has no data object.',
      `${path}.data`,
    ),
  );
  if (!data) return { id: 'reading', title: 'NFC reading', items };

  const photo = inlinePhotoOf(data, `${path}.data`);
  if (photo) {
    items.push(
      item(
        'Chip photo',
        `${photo.mimeType}, ${formatBytes(photo.approxBytes)}`,
        'info',
        photo.mimeType === 'image/jp2'
          ? 'JPEG 2000: Chrome cannot display it; download it to view.'
          : 'The portrait stored on the chip, inlined in the payload.',
        photo.path,
      ),
    );
  }
  for (const [key, label] of [
    ['documentSigningCertificate', 'Document signing certificate'],
    ['countrySigningCertificate', 'Country signing certificate'],
  ] as const) {
    const certificate = asRecord(get(data, key));
    if (!certificate) continue;
    const subject = asText(get(certificate, 'subject'));
    const validTo = asText(get(certificate, 'validTo'));
    const validToDate = validTo ? new Date(validTo) : undefined;
    const lapsed =
      validToDate !== undefined &&
      !Number.isNaN(validToDate.getTime()) &&
      validToDate.getTime() < now;
    const parts = [
      asText(get(certificate, 'issuer')) && `issuer ${clip(asText(get(certificate, 'issuer'))!)}`,
      asText(get(certificate, 'validFrom')) &&
        `valid from ${clip(asText(get(certificate, 'validFrom'))!)}`,
      validTo && `to ${clip(validTo)}`,
      asText(get(certificate, 'signatureAlgorithm')) &&
        `signed with ${clip(asText(get(certificate, 'signatureAlgorithm'))!)}`,
    ].filter(Boolean);
    items.push(
      item(
        label,
        subject ? clip(subject) : 'present',
        'info',
        [
          parts.join(', '),
          lapsed ? 'The certificate validity period has ended (normal for older documents).' : '',
        ]
          .filter(Boolean)
          .join('. ') || undefined,
        `${path}.data.${key}`,
      ),
    );
  }
  return { id: 'reading', title: 'NFC reading', items };
}

function faceSection(value: unknown, path: string, title: string): SummarySection | undefined {
  const face = asRecord(value);
  if (!face) return undefined;
  const items: SummaryItem[] = [];
  const match = asBoolean(get(face, 'match'));
  if (match !== undefined) {
    items.push(
      item(
        'Face match',
        match ? 'match' : 'no match',
        match ? 'good' : 'bad',
        match
          ? 'The selfie matched the reference photo (for documents, the chip photo when available).'
          : 'The selfie did not match the reference photo (Uqudo returns this only in the partial result of an incomplete session).',
        `${path}.match`,
      ),
    );
  }
  const matchLevel = asNumber(get(face, 'matchLevel'));
  if (matchLevel !== undefined) {
    items.push(matchLevelItem(matchLevel, `${path}.matchLevel`));
  } else if (get(face, 'matchLevel') !== undefined) {
    items.push(
      item(
        'Match level',
        clip(String(get(face, 'matchLevel'))),
        'warn',
        'Not a number.',
        `${path}.matchLevel`,
      ),
    );
  }
  const error = get(face, 'error');
  if (error !== undefined && error !== null && error !== '') {
    items.push(
      item(
        'Face recognition error',
        clip(typeof error === 'string' ? error : safeJson(error)),
        'bad',
        undefined,
        `${path}.error`,
      ),
    );
  }
  const far = get(face, 'falseAcceptRate');
  if (far !== undefined && far !== null) {
    items.push(
      item(
        'False acceptance rate',
        clip(String(far)),
        'info',
        undefined,
        `${path}.falseAcceptRate`,
      ),
    );
  }
  const oneToN = asText(get(face, 'oneToNVerificationId'));
  if (oneToN) {
    items.push(
      item(
        '1:N verification id',
        clip(oneToN),
        'info',
        'Store it with the user record to search for users with the same face later.',
        `${path}.oneToNVerificationId`,
      ),
    );
  }
  const sessionId = asText(get(face, 'sessionId'));
  if (sessionId)
    items.push(item('Session id', clip(sessionId), 'info', undefined, `${path}.sessionId`));
  if (items.length === 0) {
    items.push(item('Face', 'present, no match data', 'info', undefined, path));
  }
  return { id: 'face', title, items };
}

/** Plain-English description of Uqudo's face `matchLevel` (1 worst … 5 best). */
function matchLevelItem(level: number, path: string): SummaryItem {
  if (level <= 1) {
    return item(
      'Match level',
      `${level} of 5`,
      'bad',
      'The lowest accuracy setting: Uqudo recommends against it except for very poor ID photos.',
      path,
    );
  }
  if (level < 3) {
    return item(
      'Match level',
      `${level} of 5`,
      'warn',
      'Relatively high false-acceptance rate: the lowest level Uqudo considers acceptable, and only for photo scans.',
      path,
    );
  }
  if (level < 4) {
    return item(
      'Match level',
      `${level} of 5`,
      'good',
      'Moderate accuracy (Uqudo\u2019s default minimum).',
      path,
    );
  }
  if (level < 5) {
    return item('Match level', `${level} of 5`, 'good', 'Good accuracy.', path);
  }
  return item('Match level', `${level} of 5`, 'good', 'The highest accuracy level.', path);
}

const LOOKUP_STATUS_CODES: Record<string, string> = {
  INVALID_INPUT: 'The data sent to the government database was rejected as invalid.',
  ID_NOT_FOUND: 'The government database has no record for this id.',
  UNEXPECTED_ERROR: 'The lookup failed with an unexpected error.',
  SERVICE_UNAVAILABLE:
    'The government data source was unavailable; the lookup can be retried later.',
};

function lookupSection(lookup: JsonObject, path: string): SummarySection {
  const items: SummaryItem[] = [];
  const status = asText(get(lookup, 'status'));
  if (status) {
    const upper = status.toUpperCase();
    items.push(
      item(
        'Lookup status',
        clip(status),
        upper === 'SUCCESS' ? 'good' : upper === 'FAILED' ? 'bad' : 'warn',
        upper === 'SUCCESS'
          ? 'The government database lookup returned data.'
          : upper === 'FAILED'
            ? 'The government database lookup failed.'
            : 'An unknown lookup status.',
        `${path}.status`,
      ),
    );
  }
  const code = asText(get(lookup, 'statusCode'));
  if (code) {
    items.push(
      item(
        'Status code',
        clip(code),
        'warn',
        LOOKUP_STATUS_CODES[code.toUpperCase()],
        `${path}.statusCode`,
      ),
    );
  }
  const message = asText(get(lookup, 'statusMessage'));
  if (message)
    items.push(item('Status message', clip(message), 'info', undefined, `${path}.statusMessage`));
  if (items.length === 0) items.push(item('Lookup', 'present, no status', 'info', undefined, path));
  return { id: 'lookup', title: 'Government lookup', items };
}

// ---------- verifications ----------

function verificationSections(verification: JsonObject, path: string): SummarySection[] {
  return nonEmpty([
    fraudSection(verification, path),
    mrzChecksumSection(get(verification, 'mrzChecksum'), `${path}.mrzChecksum`),
    chipVerificationSection(get(verification, 'reading'), `${path}.reading`),
    dataConsistencySection(
      get(verification, 'dataConsistencyCheck'),
      `${path}.dataConsistencyCheck`,
    ),
    biometricSection(get(verification, 'biometric'), `${path}.biometric`),
  ]);
}

function fraudSection(verification: JsonObject, path: string): SummarySection | undefined {
  const items: SummaryItem[] = [];
  const source = asRecord(get(verification, 'sourceDetection'));
  if (source) {
    const sourcePath = `${path}.sourceDetection`;
    const enabled = asBoolean(get(source, 'enabled'));
    if (enabled === false) {
      items.push(item('Source detection', 'disabled', 'info', undefined, `${sourcePath}.enabled`));
    } else {
      const allow = asBoolean(get(source, 'allowNonPhysicalDocuments'));
      if (allow !== undefined) {
        items.push(
          item(
            'Non-physical documents',
            allow ? 'allowed' : 'not allowed',
            allow ? 'warn' : 'good',
            allow
              ? 'The SDK accepted documents shown on a screen or printed: screen and print scores are the only guard.'
              : 'Only physical documents are accepted.',
            `${sourcePath}.allowNonPhysicalDocuments`,
          ),
        );
      }
      const optimal = asBoolean(get(source, 'optimalResolution'));
      const resolution = asText(get(source, 'selectedResolution'));
      if (optimal !== undefined || resolution) {
        items.push(
          item(
            'Camera resolution',
            [
              resolution && clip(resolution),
              optimal === undefined ? '' : optimal ? 'optimal' : 'not optimal',
            ]
              .filter(Boolean)
              .join(', '),
            optimal === false ? 'warn' : 'info',
            optimal === false
              ? 'The camera resolution was below what source detection needs: its scores are less reliable.'
              : undefined,
            `${sourcePath}.${optimal !== undefined ? 'optimalResolution' : 'selectedResolution'}`,
          ),
        );
      }
    }
  }
  for (const [key, label, meaning] of [
    ['idScreenDetection', 'Screen detection', 'the document was shown on a screen'],
    ['idPrintDetection', 'Print detection', 'the document is a printed copy'],
    ['idPhotoTamperingDetection', 'Photo tampering detection', 'the ID photo was altered'],
  ] as const) {
    const check = asRecord(get(verification, key));
    if (!check) continue;
    const checkPath = `${path}.${key}`;
    const enabled = asBoolean(get(check, 'enabled'));
    const score = asNumber(get(check, 'score'));
    if (enabled === false) {
      items.push(item(label, 'disabled', 'info', undefined, `${checkPath}.enabled`));
    } else if (score === undefined) {
      items.push(
        item(label, 'no score', 'warn', 'Enabled but no numeric score in the result.', checkPath),
      );
    } else {
      const level =
        score >= FRAUD_SCORE_THRESHOLDS.bad
          ? 'bad'
          : score >= FRAUD_SCORE_THRESHOLDS.warn
            ? 'warn'
            : 'good';
      items.push(
        item(
          label,
          `${formatScore(score)} / 100`,
          level,
          `Higher means more likely that ${meaning}. Shown red from ${FRAUD_SCORE_THRESHOLDS.bad}, amber from ${FRAUD_SCORE_THRESHOLDS.warn}.`,
          `${checkPath}.score`,
        ),
      );
    }
  }
  return items.length ? { id: 'fraud-checks', title: 'Document fraud checks', items } : undefined;
}

function mrzChecksumSection(value: unknown, path: string): SummarySection | undefined {
  const mrz = asRecord(value);
  if (!mrz) return undefined;
  if (asBoolean(get(mrz, 'enabled')) === false) {
    return {
      id: 'mrz-checksum',
      title: 'MRZ checksum',
      items: [item('MRZ checksum', 'disabled', 'info', undefined, `${path}.enabled`)],
    };
  }
  const items: SummaryItem[] = [];
  const digits = asArray(get(mrz, 'checkDigits')) ?? [];
  const failing: string[] = [];
  digits.forEach((entry, index) => {
    const digit = asRecord(entry);
    if (!digit || asBoolean(get(digit, 'valid')) !== false) return;
    const name = asText(get(digit, 'fieldName')) ?? `check digit ${index + 1}`;
    const fieldValue = asText(get(digit, 'fieldValue'));
    const checkDigit = asText(get(digit, 'checkDigit'));
    failing.push(name);
    items.push(
      item(
        `Check digit: ${clip(name)}`,
        'fails',
        'bad',
        [fieldValue && `value ${clip(fieldValue)}`, checkDigit && `check digit ${clip(checkDigit)}`]
          .filter(Boolean)
          .join(', ') || undefined,
        `${path}.checkDigits[${index}]`,
      ),
    );
  });
  const valid = asBoolean(get(mrz, 'valid'));
  if (valid !== undefined) {
    const level: Level = !valid ? 'bad' : failing.length ? 'warn' : 'good';
    items.unshift(
      item(
        'MRZ checksum',
        valid ? 'valid' : 'invalid',
        level,
        !valid
          ? failing.length
            ? `Failing check digits: ${failing.map((name) => clip(name, 60)).join(', ')}.`
            : 'The MRZ checksum does not add up.'
          : failing.length
            ? 'Marked valid overall, yet some check digits fail.'
            : 'All MRZ check digits add up.',
        `${path}.valid`,
      ),
    );
  }
  const finalDigit = asText(get(mrz, 'finalCheckDigit'));
  if (finalDigit)
    items.push(
      item('Final check digit', clip(finalDigit), 'info', undefined, `${path}.finalCheckDigit`),
    );
  return items.length ? { id: 'mrz-checksum', title: 'MRZ checksum', items } : undefined;
}

const PASSIVE_AUTH_FLAGS = [
  [
    'documentDataSignatureValid',
    'Document data signature',
    'bad',
    'The chip data is signed by the document signer.',
    'The chip data signature does not verify: the chip data may have been altered.',
  ],
  [
    'documentSigningCertificateSignatureValid',
    'Document signing certificate signature',
    'bad',
    'The document signing certificate is signed by the country signing certificate.',
    'The document signing certificate does not chain to the country signing certificate.',
  ],
  [
    'documentSigningCertificateAvailable',
    'Document signing certificate available',
    'warn',
    'The chip carries its document signing certificate.',
    'No document signing certificate: the chip data signature cannot be checked.',
  ],
  [
    'countrySigningCertificateAvailable',
    'Country signing certificate available',
    'warn',
    'The issuing country\u2019s signing certificate was available to check the chain.',
    'The issuing country\u2019s signing certificate was not available, so the chain could not be checked to its root.',
  ],
] as const;

function chipVerificationSection(value: unknown, path: string): SummarySection | undefined {
  const reading = asRecord(value);
  if (!reading) return undefined;
  const items: SummaryItem[] = [];
  const enabled = asBoolean(get(reading, 'enabled'));
  if (enabled === false) {
    items.push(
      item(
        'Chip verification',
        'disabled',
        'info',
        'No NFC reading was verified.',
        `${path}.enabled`,
      ),
    );
    return { id: 'chip-verification', title: 'Chip verification', items };
  }
  const passive = asRecord(get(reading, 'passiveAuthentication'));
  if (passive) {
    const passivePath = `${path}.passiveAuthentication`;
    if (asBoolean(get(passive, 'enabled')) === false) {
      items.push(
        item('Passive authentication', 'disabled', 'info', undefined, `${passivePath}.enabled`),
      );
    } else {
      for (const [key, label, failLevel, ok, fail] of PASSIVE_AUTH_FLAGS) {
        const flag = asBoolean(get(passive, key));
        if (flag === undefined) continue;
        items.push(
          item(
            label,
            yesNo(flag),
            flag ? 'good' : failLevel,
            flag ? ok : fail,
            `${passivePath}.${key}`,
          ),
        );
      }
    }
  }
  for (const [key, label, meaning] of [
    ['chipAuthentication', 'Chip authentication', 'proves the chip is genuine, not cloned'],
    ['activeAuthentication', 'Active authentication', 'proves the chip is genuine, not cloned'],
  ] as const) {
    const check = asRecord(get(reading, key));
    const flag = check ? asBoolean(get(check, 'enabled')) : undefined;
    if (flag === undefined) continue;
    items.push(
      item(
        label,
        flag ? 'performed' : 'not performed',
        'info',
        flag ? `Performed: it ${meaning}.` : 'Not performed (not every chip supports it).',
        `${path}.${key}.enabled`,
      ),
    );
  }
  return items.length ? { id: 'chip-verification', title: 'Chip verification', items } : undefined;
}

function dataConsistencySection(value: unknown, path: string): SummarySection | undefined {
  const check = asRecord(value);
  if (!check) return undefined;
  const items: SummaryItem[] = [];
  if (asBoolean(get(check, 'enabled')) === false) {
    items.push(item('Data consistency check', 'disabled', 'info', undefined, `${path}.enabled`));
    return { id: 'data-consistency', title: 'Data consistency', items };
  }
  const fields = asArray(get(check, 'fields')) ?? [];
  const matching: string[] = [];
  fields.forEach((entry, index) => {
    const field = asRecord(entry);
    if (!field) return;
    const name = asText(get(field, 'name')) ?? `field ${index + 1}`;
    const match = (asText(get(field, 'match')) ?? '').toUpperCase();
    const fieldPath = `${path}.fields[${index}]`;
    if (match === 'MATCH') {
      matching.push(name);
      return;
    }
    const detail = describeConsistencySources(get(field, 'sources'));
    if (match === 'NO_MATCH') {
      items.push(
        item(
          clip(name),
          'no match',
          'bad',
          detail ?? 'The sources disagree on this field.',
          fieldPath,
        ),
      );
    } else if (match === 'MATCH_PARTIALLY') {
      items.push(
        item(
          clip(name),
          'partial match',
          'warn',
          detail ?? 'The sources only partly agree.',
          fieldPath,
        ),
      );
    } else {
      items.push(item(clip(name), clip(match || 'unknown'), 'info', detail, fieldPath));
    }
  });
  if (matching.length) {
    items.unshift(
      item(
        'Matching fields',
        `${matching.length} of ${fields.length}`,
        'good',
        clip(matching.join(', ')),
        `${path}.fields`,
      ),
    );
  }
  if (items.length === 0)
    items.push(item('Data consistency check', 'no fields compared', 'info', undefined, path));
  return { id: 'data-consistency', title: 'Data consistency', items };
}

function describeConsistencySources(value: unknown): string | undefined {
  const sources = asArray(value);
  if (!sources) return undefined;
  const parts = sources
    .map(asRecord)
    .filter((s): s is JsonObject => s !== undefined)
    .slice(0, 6)
    .map((s) => {
      const where = [asText(get(s, 'source')), asText(get(s, 'documentSide'))]
        .filter(Boolean)
        .join(' ');
      const text = asText(get(s, 'value'));
      return `${where || 'source'}: ${text === undefined ? '(empty)' : `\u201c${clip(text, 60)}\u201d`}`;
    });
  return parts.length ? parts.join(' \u00b7 ') : undefined;
}

function biometricSection(value: unknown, path: string): SummarySection | undefined {
  const biometric = asRecord(value);
  if (!biometric) return undefined;
  const items: SummaryItem[] = [];
  if (asBoolean(get(biometric, 'enabled')) === false) {
    items.push(item('Biometric check', 'disabled', 'info', undefined, `${path}.enabled`));
  } else {
    const type = asText(get(biometric, 'type'));
    if (type) items.push(item('Type', clip(type), 'info', undefined, `${path}.type`));
    const level = asNumber(get(biometric, 'matchLevel'));
    if (level !== undefined) items.push(matchLevelItem(level, `${path}.matchLevel`));
  }
  return items.length ? { id: 'biometric', title: 'Biometric verification', items } : undefined;
}

// ---------- session-wide sections ----------

function sessionSection(
  summary: UqudoSummary,
  jti: string | undefined,
  dataPath: string,
): SummarySection | undefined {
  const items: SummaryItem[] = [];
  if (summary.sessionId) {
    items.push(
      item(
        'Session id',
        clip(summary.sessionId),
        'info',
        summary.sessionIdSource === 'data.sessionId'
          ? 'From data.sessionId (face session): use it, not jti, for Info API calls and DELETE.'
          : 'From jti: the id for Info API calls, image downloads and DELETE.',
        summary.sessionIdSource === 'data.sessionId' ? `${dataPath}.sessionId` : '$.jti',
      ),
    );
    if (summary.sessionIdSource === 'data.sessionId' && jti && jti !== summary.sessionId) {
      items.push(
        item(
          'Token id (jti)',
          clip(jti),
          'info',
          'A fresh id for this token; not the session id.',
          '$.jti',
        ),
      );
    }
  }
  if (summary.hasData) {
    items.push(
      summary.nonce
        ? item(
            'Nonce',
            clip(summary.nonce),
            'info',
            'Compare it with the nonce your backend created for this session.',
            `${dataPath}.nonce`,
          )
        : item(
            'Nonce',
            'none',
            'info',
            'No nonce: Uqudo recommends minting one on your backend and comparing it here.',
            `${dataPath}.nonce`,
          ),
    );
  }
  return items.length ? { id: 'session', title: 'Session', items } : undefined;
}

function sourceSection(value: unknown, path: string): SummarySection | undefined {
  const source = asRecord(value);
  if (!source) return undefined;
  const items: SummaryItem[] = [];
  for (const [key, label] of [
    ['sdkType', 'SDK type'],
    ['sdkVersion', 'SDK version'],
    ['devicePlatform', 'Platform'],
    ['deviceVersion', 'OS version'],
    ['deviceManufacturer', 'Manufacturer'],
    ['deviceModel', 'Device model'],
    ['sourceIp', 'Source IP'],
  ] as const) {
    const text = asText(get(source, key));
    if (text) items.push(item(label, clip(text), 'info', undefined, `${path}.${key}`));
  }
  return items.length ? { id: 'source', title: 'Source', items } : undefined;
}

function backgroundCheckSection(value: unknown, path: string): SummarySection | undefined {
  const check = asRecord(value);
  if (!check) return undefined;
  const items: SummaryItem[] = [];
  const type = asText(get(check, 'type'));
  if (type) items.push(item('Type', clip(type), 'info', undefined, `${path}.type`));
  const match = asBoolean(get(check, 'match'));
  if (match !== undefined) {
    items.push(
      item(
        'Watch-list match',
        match ? 'match found' : 'no match',
        match ? 'bad' : 'good',
        match
          ? 'The person matched a background-check record: review the content before deciding.'
          : 'No background-check record matched.',
        `${path}.match`,
      ),
    );
  }
  const monitoringId = asText(get(check, 'monitoringId'));
  if (monitoringId) {
    items.push(
      item(
        'Monitoring id',
        clip(monitoringId),
        'info',
        'Ongoing monitoring is active for this person.',
        `${path}.monitoringId`,
      ),
    );
  }
  if (has(check, 'content') && get(check, 'content') === null) {
    items.push(
      item(
        'Content',
        'not included',
        'info',
        'Null, as when the record details are kept out of the result.',
        `${path}.content`,
      ),
    );
  }
  if (items.length === 0) items.push(item('Background check', 'present', 'info', undefined, path));
  return { id: 'background-check', title: 'Background check', items };
}

function deviceAttestationSection(
  root: JsonObject,
  data: JsonObject | undefined,
  dataPath: string,
): SummarySection | undefined {
  let attestation = data ? asRecord(get(data, 'deviceAttestation')) : undefined;
  let path = `${dataPath}.deviceAttestation`;
  if (!attestation) {
    attestation = asRecord(get(root, 'deviceAttestation'));
    path = '$.deviceAttestation';
  }
  if (!attestation) return undefined;
  const items: SummaryItem[] = [];
  const risk = asRecord(get(attestation, 'risk'));
  if (risk) {
    const raised: SummaryItem[] = [];
    const other: SummaryItem[] = [];
    for (const key of Object.keys(risk).slice(0, 200)) {
      const raw = get(risk, key);
      const flag = asBoolean(raw);
      const keyPath = childPath(`${path}.risk`, key);
      if (flag === true) {
        const contextual = CONTEXTUAL_DEVICE_RISKS.includes(key);
        raised.push(
          item(
            clip(key),
            'true',
            contextual ? 'warn' : 'bad',
            contextual
              ? 'Depends on context; evaluate it against your risk policy.'
              : 'A high-risk signal for the device or SDK runtime.',
            keyPath,
          ),
        );
      } else if (
        flag === undefined &&
        raw !== null &&
        raw !== undefined &&
        typeof raw !== 'object'
      ) {
        other.push(item(clip(key), clip(String(raw)), 'info', undefined, keyPath));
      }
    }
    if (raised.length === 0) {
      items.push(
        item(
          'Risk flags',
          'none raised',
          'good',
          'No device-attestation risk flag is true.',
          `${path}.risk`,
        ),
      );
    }
    items.push(...raised, ...other);
  } else {
    items.push(item('Risk flags', 'not present', 'info', undefined, path));
  }
  const info = asRecord(get(attestation, 'info'));
  if (info) {
    const device = ['platform', 'manufacturer', 'model', 'version']
      .map((key) => asText(get(info, key)))
      .filter(Boolean)
      .join(' ');
    if (device) items.push(item('Device', clip(device), 'info', undefined, `${path}.info`));
  }
  return { id: 'device-attestation', title: 'Device attestation', items };
}

// ---------- image references ----------

function collectImageRefs(data: JsonObject, dataPath: string): ImageRef[] {
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
    const ownType = asText(get(record, 'documentType'));
    const type = ownType ?? documentType;
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

function collectInlinePhotos(data: JsonObject, dataPath: string): InlinePhoto[] {
  const photos: InlinePhoto[] = [];
  (asArray(get(data, 'documents')) ?? []).forEach((entry, index) => {
    const document = asRecord(entry);
    const reading = document ? asRecord(get(document, 'reading')) : undefined;
    const readingData = reading ? asRecord(get(reading, 'data')) : undefined;
    if (!document || !readingData) return;
    const photo = inlinePhotoOf(readingData, `${dataPath}.documents[${index}].reading.data`);
    if (!photo) return;
    const type = asText(get(document, 'documentType'));
    if (type) photo.documentType = type;
    photos.push(photo);
  });
  return photos;
}

function inlinePhotoOf(readingData: JsonObject, path: string): InlinePhoto | undefined {
  const raw = get(readingData, 'photo');
  if (typeof raw !== 'string') return undefined;
  let text = raw;
  let mimeType = asText(get(readingData, 'photoMimeType'))?.toLowerCase();
  const dataUrl = /^data:([\w.+-]+\/[\w.+-]+);base64,/i.exec(text);
  if (dataUrl) {
    mimeType ??= dataUrl[1]!.toLowerCase();
    text = text.slice(dataUrl[0].length);
  }
  const base64 = text.replace(/\s+/g, '').replace(/-/g, '+').replace(/_/g, '/');
  if (base64 === '' || !/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) return undefined;
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  return {
    path: `${path}.photo`,
    mimeType: mimeType ?? sniffImageType(base64),
    base64,
    approxBytes: Math.floor((base64.length * 3) / 4) - padding,
  };
}

function sniffImageType(base64: string): string {
  if (base64.startsWith('/9j/')) return 'image/jpeg';
  if (base64.startsWith('iVBORw0KGgo')) return 'image/png';
  // JPEG 2000: the JP2 signature box (0000000C 6A502020) or a raw codestream (FF4FFF51).
  if (base64.startsWith('AAAADGpQ') || base64.startsWith('/0//UQ')) return 'image/jp2';
  return 'application/octet-stream';
}

// ---------- small readers ----------

function item(
  label: string,
  value: string,
  level: Level,
  detail?: string,
  path?: string,
): SummaryItem {
  const entry: SummaryItem = { label, value, level };
  if (detail) entry.detail = detail;
  if (path) entry.path = path;
  return entry;
}

function compact<T>(values: (T | undefined)[]): T[] {
  return values.filter((v): v is T => v !== undefined);
}

function nonEmpty(sections: (SummarySection | undefined)[]): SummarySection[] {
  return compact(sections).filter((section) => section.items.length > 0);
}

function has(record: JsonObject, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(record, key);
}

/** Own properties only, so keys like `constructor` never reach Object.prototype. */
function get(record: JsonObject, key: string): unknown {
  return has(record, key) ? record[key] : undefined;
}

function asRecord(value: unknown): JsonObject | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as JsonObject)
    : undefined;
}

function asArray(value: unknown): unknown[] | undefined {
  return Array.isArray(value) ? value : undefined;
}

function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

function asNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) return Number(value);
  return undefined;
}

/** Booleans, and the strings "true"/"false" some payloads carry. */
function asBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (value === 'true') return true;
  if (value === 'false') return false;
  return undefined;
}

function childPath(parent: string, key: string): string {
  return IDENTIFIER.test(key) ? `${parent}.${key}` : `${parent}[${JSON.stringify(key)}]`;
}

function clip(text: string, max = MAX_VALUE_CHARS): string {
  return text.length > max ? `${text.slice(0, max - 1)}\u2026` : text;
}

function yesNo(flag: boolean): string {
  return flag ? 'yes' : 'no';
}

function formatScore(score: number): string {
  return String(Math.round(score * 100) / 100);
}

/** A byte count for people: `512 B`, `1.6 KB`, `2.3 MB`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'missing';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
