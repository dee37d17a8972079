// summarizeUqudoResult: turns a Uqudo SDK result payload into render-ready sections, levels and image references.
import { backgroundCheckSection } from './background';
import { summarizeDocuments } from './documents';
import { faceSection } from './face';
import { collectImageRefs, collectInlinePhotos } from './images';
import {
  asRecord,
  asText,
  clip,
  describeType,
  get,
  nonEmpty,
  type JsonObject,
  type SummaryContext,
} from './read';
import { deviceAttestationSection, sessionSection, sourceSection } from './session';
import type { SummaryOptions, SummarySection, UqudoSummary } from './types';

export { assessInlinePhoto, detectImageType, MAX_INLINE_PHOTO_BYTES } from './images';
export { formatBytes } from './read';
export * from './types';
export { FRAUD_SCORE_THRESHOLDS } from './verifications';

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

/** `data` and its JSON path; someone may paste `data` itself rather than the whole payload. */
function findData(root: JsonObject, notes: string[]): { data?: JsonObject; dataPath: string } {
  const data = asRecord(get(root, 'data'));
  if (data) return { data, dataPath: '$.data' };
  if (get(root, 'documents') !== undefined) return { data: root, dataPath: '$' };
  const raw = get(root, 'data');
  notes.push(
    raw === undefined
      ? 'The payload has no `data` object, so it is probably not a Uqudo SDK result.'
      : `\`data\` is ${describeType(raw)}, not an object.`,
  );
  return { dataPath: '$.data' };
}

function summarize(payload: unknown, now: number): UqudoSummary {
  const summary = createEmptySummary();
  const root = asRecord(payload);
  if (!root) {
    summary.notes.push(`The payload is ${describeType(payload)}, not a JSON object.`);
    return summary;
  }
  const { data, dataPath } = findData(root, summary.notes);
  summary.hasData = data !== undefined;
  const sdkType = data ? asText(get(asRecord(get(data, 'source')) ?? {}, 'sdkType')) : undefined;
  const ctx: SummaryContext = { now, notes: summary.notes, ...(sdkType && { sdkType }) };
  const jti = asText(get(root, 'jti'));
  const dataSessionId = data ? asText(get(data, 'sessionId')) : undefined;
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
