// The verification object: source detection, fraud scores, MRZ checksum, data consistency and biometric checks.
import { chipVerificationSection } from './chip';
import { matchLevelItem } from './face';
import {
  asArray,
  asBoolean,
  asNumber,
  asRecord,
  asText,
  clip,
  formatScore,
  get,
  item,
  nonEmpty,
  type JsonObject,
  type SummaryContext,
} from './read';
import type { Level, SummaryItem, SummarySection } from './types';

/**
 * Fraud-score thresholds for `idScreenDetection`, `idPrintDetection` and `idPhotoTamperingDetection`
 * (scores 0–100, higher = more likely fraud). Uqudo leaves the cut-off to the integrator; we show a
 * score ≥ 50 as `bad` and ≥ 20 as `warn`, which flags borderline cases for a human look.
 */
export const FRAUD_SCORE_THRESHOLDS = { bad: 50, warn: 20 } as const;

/** The sections of one `data.verifications[]` entry. */
export function verificationSections(
  verification: JsonObject,
  path: string,
  ctx: SummaryContext,
): SummarySection[] {
  return nonEmpty([
    fraudSection(verification, path, ctx),
    mrzChecksumSection(get(verification, 'mrzChecksum'), `${path}.mrzChecksum`),
    chipVerificationSection(get(verification, 'reading'), `${path}.reading`),
    dataConsistencySection(
      get(verification, 'dataConsistencyCheck'),
      `${path}.dataConsistencyCheck`,
    ),
    biometricSection(get(verification, 'biometric'), `${path}.biometric`),
  ]);
}

function fraudSection(
  verification: JsonObject,
  path: string,
  ctx: SummaryContext,
): SummarySection | undefined {
  const items = sourceDetectionItems(
    get(verification, 'sourceDetection'),
    `${path}.sourceDetection`,
    ctx,
  );
  for (const [key, label, meaning] of [
    ['idScreenDetection', 'Screen detection', 'the document was shown on a screen'],
    ['idPrintDetection', 'Print detection', 'the document is a printed copy'],
    ['idPhotoTamperingDetection', 'Photo tampering detection', 'the ID photo was altered'],
  ] as const) {
    const check = asRecord(get(verification, key));
    if (check) items.push(scoreItem(check, label, meaning, `${path}.${key}`));
  }
  return items.length ? { id: 'fraud-checks', title: 'Document fraud checks', items } : undefined;
}

function sourceDetectionItems(value: unknown, path: string, ctx: SummaryContext): SummaryItem[] {
  const source = asRecord(value);
  if (!source) return [];
  if (asBoolean(get(source, 'enabled')) === false) {
    return [item('Source detection', 'disabled', 'info', undefined, `${path}.enabled`)];
  }
  const items: SummaryItem[] = [];
  const allow = asBoolean(get(source, 'allowNonPhysicalDocuments'));
  if (allow !== undefined)
    items.push(nonPhysicalItem(allow, ctx, `${path}.allowNonPhysicalDocuments`));
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
          ? 'The camera resolution was below what source detection needs: its scores are less reliable (Uqudo: evaluate manually).'
          : undefined,
        `${path}.${optimal !== undefined ? 'optimalResolution' : 'selectedResolution'}`,
      ),
    );
  }
  return items;
}

function nonPhysicalItem(allow: boolean, ctx: SummaryContext, path: string): SummaryItem {
  if (allow && ctx.sdkType === 'KYC_WEB') {
    // Uqudo documents allowNonPhysicalDocuments as always true for the Web SDK.
    return item(
      'Non-physical documents',
      'allowed (always, on the web)',
      'info',
      'Uqudo documents this as always true for the Web SDK: the screen and print scores are the guard.',
      path,
    );
  }
  return item(
    'Non-physical documents',
    allow ? 'allowed' : 'not allowed',
    allow ? 'warn' : 'good',
    allow
      ? 'The mobile SDK was configured to accept documents shown on a screen or printed: the screen and print scores are the only guard.'
      : 'Only physical documents are accepted.',
    path,
  );
}

function scoreItem(check: JsonObject, label: string, meaning: string, path: string): SummaryItem {
  const score = asNumber(get(check, 'score'));
  if (asBoolean(get(check, 'enabled')) === false) {
    return item(label, 'disabled', 'info', undefined, `${path}.enabled`);
  }
  if (score === undefined) {
    return item(label, 'no score', 'warn', 'Enabled but no numeric score in the result.', path);
  }
  const level: Level =
    score >= FRAUD_SCORE_THRESHOLDS.bad
      ? 'bad'
      : score >= FRAUD_SCORE_THRESHOLDS.warn
        ? 'warn'
        : 'good';
  return item(
    label,
    `${formatScore(score)} / 100`,
    level,
    `Higher means more likely that ${meaning}. Shown red from ${FRAUD_SCORE_THRESHOLDS.bad}, amber from ${FRAUD_SCORE_THRESHOLDS.warn}.`,
    `${path}.score`,
  );
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

/**
 * The compared values, e.g. `SCAN FRONT secondaryId: “TEST” · READING nameOfHolder: “…”`.
 * Sources are documented as objects `{source, documentSide, name, value}`; older results listed
 * bare source names (`["MRZ", "NFC"]`), which are shown as they are.
 */
function describeConsistencySources(value: unknown): string | undefined {
  const sources = asArray(value);
  if (!sources) return undefined;
  const parts = sources.slice(0, 6).flatMap((entry) => {
    const bare = asText(entry);
    if (bare) return [clip(bare, 60)];
    const s = asRecord(entry);
    if (!s) return [];
    const where = [asText(get(s, 'source')), asText(get(s, 'documentSide')), asText(get(s, 'name'))]
      .filter(Boolean)
      .map((part) => clip(part!, 60))
      .join(' ');
    const text = asText(get(s, 'value'));
    return [
      `${where || 'source'}: ${text === undefined ? '(empty)' : `\u201c${clip(text, 60)}\u201d`}`,
    ];
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
