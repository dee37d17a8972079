// Sections of a document's steps: scan (OCR checks), NFC reading (chip photo, certificates) and government lookup.
import { findInlinePhoto } from './images';
import {
  asBoolean,
  asRecord,
  asText,
  clip,
  formatBytes,
  get,
  item,
  yesNo,
  type JsonObject,
  type SummaryContext,
} from './read';
import type { DocumentSteps, SummaryItem, SummarySection } from './types';

/** MRZ and identity-number checks of each scanned side, and whether an available chip was read. */
export function scanSection(
  scan: JsonObject,
  path: string,
  steps: DocumentSteps,
  ctx: SummaryContext,
): SummarySection {
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
    if (chip !== undefined)
      items.push(chipAvailableItem(chip, steps, ctx, `${sidePath}.chipAvailable`));
  }
  return { id: 'scan', title: 'Scan (OCR)', items };
}

function chipAvailableItem(
  chip: boolean,
  steps: DocumentSteps,
  ctx: SummaryContext,
  path: string,
): SummaryItem {
  const skipped = chip && !steps.reading;
  // Uqudo documents NFC reading for the mobile SDKs only: a web result cannot have one.
  if (skipped && ctx.sdkType === 'KYC_WEB') {
    return item(
      'Chip available',
      'yes',
      'info',
      'The document has a chip; the Web SDK cannot read chips (NFC is a mobile SDK step).',
      path,
    );
  }
  return item(
    'Chip available',
    yesNo(chip),
    skipped ? 'warn' : 'info',
    skipped
      ? 'The document has a chip but the result has no NFC reading: Uqudo recommends enforcing the NFC step where the document supports it.'
      : chip
        ? 'The document has an NFC chip.'
        : undefined,
    path,
  );
}

/** What was read from the chip: whether data came back, the photo, and the signing certificates. */
export function readingSection(reading: JsonObject, path: string, now: number): SummarySection {
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
  const photo = findInlinePhoto(data, `${path}.data`, 'chip');
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
    if (certificate) items.push(certificateItem(certificate, label, `${path}.data.${key}`, now));
  }
  return { id: 'reading', title: 'NFC reading', items };
}

function certificateItem(
  certificate: JsonObject,
  label: string,
  path: string,
  now: number,
): SummaryItem {
  const text = (key: string) => asText(get(certificate, key));
  const subject = text('subject');
  const validTo = text('validTo');
  // Uqudo prints e.g. 2027-03-10T10:29:04.000+0000, which Date reads.
  const validToMs = validTo ? new Date(validTo).getTime() : Number.NaN;
  const lapsed = !Number.isNaN(validToMs) && validToMs < now;
  const parts = [
    text('issuer') && `issuer ${clip(text('issuer')!)}`,
    text('validFrom') && `valid from ${clip(text('validFrom')!)}`,
    validTo && `to ${clip(validTo)}`,
    text('publicKeyAlgorithm') && `${clip(text('publicKeyAlgorithm')!)} key`,
    text('signatureAlgorithm') && `signed with ${clip(text('signatureAlgorithm')!)}`,
    text('certificateThumbprint') && `thumbprint ${clip(text('certificateThumbprint')!)}`,
  ].filter(Boolean);
  return item(
    label,
    subject ? clip(subject) : 'present',
    'info',
    [
      parts.join(', '),
      lapsed ? 'The certificate validity period has ended (normal for older documents).' : '',
    ]
      .filter(Boolean)
      .join('. ') || undefined,
    path,
  );
}

const LOOKUP_STATUS_CODES: Record<string, string> = {
  INVALID_INPUT: 'The data sent to the government database was rejected as invalid.',
  ID_NOT_FOUND: 'The government database has no record for this id.',
  UNEXPECTED_ERROR: 'The lookup failed with an unexpected error.',
  SERVICE_UNAVAILABLE:
    'The government data source was unavailable; the lookup can be retried later.',
};

/** The government database lookup: status, failure code and message, and the record's portrait. */
export function lookupSection(lookup: JsonObject, path: string): SummarySection {
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
  const data = asRecord(get(lookup, 'data'));
  const portrait = data ? findInlinePhoto(data, `${path}.data`, 'lookup') : undefined;
  if (portrait) {
    items.push(
      item(
        'Government record photo',
        `${portrait.mimeType}, ${formatBytes(portrait.approxBytes)}`,
        'info',
        'The portrait held by the government database, inlined in the payload.',
        portrait.path,
      ),
    );
  }
  if (items.length === 0) items.push(item('Lookup', 'present, no status', 'info', undefined, path));
  return { id: 'lookup', title: 'Government lookup', items };
}
