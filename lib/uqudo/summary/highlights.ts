// The values people look at first (name, number, nationality, birth, expiry), chip data before OCR.
import { findDate, type FieldSource } from './dates';
import { asRecord, asText, childPath, clip, get, item, type JsonObject } from './read';
import type { DocumentHighlights, SummaryItem } from './types';

/**
 * Where a document's fields can be read, most trustworthy first. Uqudo: "the data that come from
 * the NFC chip should be always correct; data from the optical scanning could have OCR errors".
 */
export function listFieldSources(document: JsonObject, path: string): FieldSource[] {
  const sources: FieldSource[] = [];
  const add = (value: unknown, sourcePath: string) => {
    const record = asRecord(value);
    if (record) sources.push({ value: record, path: sourcePath });
  };
  const reading = asRecord(get(document, 'reading'));
  const readingData = reading ? asRecord(get(reading, 'data')) : undefined;
  const scan = asRecord(get(document, 'scan'));
  const lookup = asRecord(get(document, 'lookup'));
  if (readingData) {
    // The Saudi chip keeps its fields in personalInformation; passports split DG1/DG11/DG12.
    add(get(readingData, 'personalInformation'), `${path}.reading.data.personalInformation`);
    add(readingData, `${path}.reading.data`);
    for (const key of ['personalDetails', 'mrz', 'documentDetails']) {
      add(get(readingData, key), `${path}.reading.data.${key}`);
    }
  }
  if (scan) {
    add(get(scan, 'front'), `${path}.scan.front`);
    add(get(scan, 'back'), `${path}.scan.back`);
  }
  if (lookup) add(get(lookup, 'data'), `${path}.lookup.data`);
  return sources;
}

const NUMBER_KEYS = ['documentNumber', 'identityNumber', 'idNumber', 'cardNumber'];
const HIJRI_KEYS = [
  ['dateOfBirthHijri', 'Date of birth (Hijri)'],
  ['dateOfExpiryHijri', 'Date of expiry (Hijri)'],
] as const;

/** Highlights and the document section's items, from the first source that has each value. */
export function readHighlights(
  sources: FieldSource[],
  now: number,
): { highlights: DocumentHighlights; items: SummaryItem[] } {
  const highlights: DocumentHighlights = {};
  const items: SummaryItem[] = [];
  const name = findFullName(sources);
  if (name) {
    highlights.fullName = name.value;
    items.push(item('Name', name.value, 'info', undefined, name.path));
  }
  const number = findText(sources, NUMBER_KEYS);
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
  const expiry = expiryItem(sources, now, highlights);
  if (expiry) items.push(expiry);
  items.push(...hijriItems(sources));
  return { highlights, items };
}

function expiryItem(
  sources: FieldSource[],
  now: number,
  highlights: DocumentHighlights,
): SummaryItem | undefined {
  const expiry = findDate(sources, ['dateOfExpiry', 'expiryDate'], 'expiry', now);
  if (!expiry) return undefined;
  highlights.dateOfExpiry = expiry.iso ?? expiry.raw;
  if (!expiry.date) {
    return item(
      'Date of expiry',
      expiry.raw,
      'warn',
      'Not a date format this tool knows, so expiry could not be checked.',
      expiry.path,
    );
  }
  // A document is valid through its expiry day: it is expired from the next UTC midnight.
  const expired = now >= expiry.date.getTime() + 86_400_000;
  highlights.expired = expired;
  return item(
    'Date of expiry',
    expired ? `${expiry.iso} (expired)` : (expiry.iso ?? expiry.raw),
    expired ? 'bad' : 'good',
    expired
      ? 'The document had expired at the time of this check.'
      : 'The document had not expired at the time of this check.',
    expiry.path,
  );
}

/** Hijri dates are shown exactly as the chip gives them: converting them is not this tool's job. */
function hijriItems(sources: FieldSource[]): SummaryItem[] {
  const items: SummaryItem[] = [];
  for (const [key, label] of HIJRI_KEYS) {
    const found = findText(sources, [key]);
    if (found) {
      items.push(
        item(
          label,
          found.value,
          'info',
          'A date of the Hijri (Umm al-Qura) calendar, shown as given (yyyyMMdd).',
          found.path,
        ),
      );
    }
  }
  return items;
}

const GIVEN_KEYS = ['secondaryId', 'secondaryIdentifier', 'givenNames', 'givenName', 'firstName'];
const SURNAME_KEYS = ['primaryId', 'primaryIdentifier', 'surname', 'lastName'];

function findFullName(sources: FieldSource[]): { value: string; path: string } | undefined {
  for (const source of sources) {
    const full = asText(get(source.value, 'fullName'));
    if (full) return { value: clip(full), path: `${source.path}.fullName` };
    const holder = asText(get(source.value, 'nameOfHolder'));
    if (holder) return { value: clip(readIcaoName(holder)), path: `${source.path}.nameOfHolder` };
    const given = firstText(source.value, GIVEN_KEYS);
    const surname = firstText(source.value, SURNAME_KEYS);
    if (given || surname) {
      const value = [given?.value, surname?.value].filter(Boolean).join(' ');
      return { value: clip(value), path: `${source.path}.${(given ?? surname)!.key}` };
    }
  }
  return undefined;
}

/** `SURNAME<<GIVEN<NAMES` (ICAO name of holder) as "GIVEN NAMES SURNAME"; other text unchanged. */
function readIcaoName(text: string): string {
  if (!text.includes('<')) return text;
  const [surname = '', given = ''] = text.split('<<');
  return [given, surname]
    .map((part) => part.replace(/<+/g, ' ').trim())
    .filter(Boolean)
    .join(' ');
}

function firstText(value: JsonObject, keys: string[]): { key: string; value: string } | undefined {
  for (const key of keys) {
    const text = asText(get(value, key));
    if (text) return { key, value: text };
  }
  return undefined;
}

/** The first non-blank value under one of `keys`, trying sources in order (most trusted first). */
function findText(
  sources: FieldSource[],
  keys: string[],
): { value: string; path: string } | undefined {
  for (const source of sources) {
    for (const key of keys) {
      const text = asText(get(source.value, key));
      if (text) return { value: clip(text), path: childPath(source.path, key) };
    }
  }
  return undefined;
}
