// data.documents[] with their data.verifications[] attached: one DocumentSummary per document.
import { faceSection } from './face';
import { listFieldSources, readHighlights } from './highlights';
import {
  asArray,
  asBoolean,
  asNumber,
  asRecord,
  asText,
  describeType,
  get,
  item,
  nonEmpty,
  type JsonObject,
  type SummaryContext,
} from './read';
import { lookupSection, readingSection, scanSection } from './steps';
import type { DocumentSteps, DocumentSummary, SummarySection } from './types';
import { verificationSections } from './verifications';

/**
 * Documents with their verifications attached. A verification without documentType and without a
 * document at its index (older face sessions carried a lone biometric check) becomes session-wide.
 */
export function summarizeDocuments(
  data: JsonObject,
  dataPath: string,
  ctx: SummaryContext,
): { documents: DocumentSummary[]; sessionSections: SummarySection[] } {
  const summaries: DocumentSummary[] = [];
  const docTypes: (string | undefined)[] = [];
  readList(data, 'documents', ctx).forEach((value, index) => {
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
  const sessionSections = attachVerifications(data, dataPath, ctx, summaries, docTypes);
  return { documents: summaries, sessionSections };
}

/** The array under `key`, with a note when it is something else (null verifications are normal). */
function readList(data: JsonObject, key: string, ctx: SummaryContext): unknown[] {
  const raw = get(data, key);
  if (raw !== undefined && !(key === 'verifications' && raw === null) && !Array.isArray(raw)) {
    ctx.notes.push(`\`${key}\` is ${describeType(raw)}, not an array.`);
  }
  return asArray(raw) ?? [];
}

/** Attaches each verification to the document of the same type (or the same index when untyped). */
function attachVerifications(
  data: JsonObject,
  dataPath: string,
  ctx: SummaryContext,
  summaries: DocumentSummary[],
  docTypes: (string | undefined)[],
): SummarySection[] {
  const sessionSections: SummarySection[] = [];
  const taken = new Set<number>();
  readList(data, 'verifications', ctx).forEach((value, index) => {
    const path = `${dataPath}.verifications[${index}]`;
    const verification = asRecord(value);
    if (!verification) {
      ctx.notes.push(`${path} is ${describeType(value)}, not an object.`);
      return;
    }
    const type = asText(get(verification, 'documentType'));
    let docIndex = type ? docTypes.findIndex((t, i) => t === type && !taken.has(i)) : -1;
    if (docIndex < 0 && !type && index < docTypes.length && !taken.has(index)) docIndex = index;
    const sections = verificationSections(verification, path, ctx);
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
    summaries.push(orphanVerification(type, path, sections));
  });
  return sessionSections;
}

function orphanVerification(
  type: string | undefined,
  path: string,
  sections: SummarySection[],
): DocumentSummary {
  return {
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
  };
}

function summarizeDocument(
  document: JsonObject,
  path: string,
  ctx: SummaryContext,
): DocumentSummary {
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
  const { highlights, items } = readHighlights(listFieldSources(document, path), ctx.now);
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
      scan ? scanSection(scan, `${path}.scan`, steps, ctx) : undefined,
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
