// The face (facial recognition) object: match, match level in words, errors and the 1:N duplicate-face signal.
import {
  asBoolean,
  asNumber,
  asRecord,
  asText,
  clip,
  get,
  item,
  safeJson,
  type JsonObject,
} from './read';
import type { SummaryItem, SummarySection } from './types';

/** The face step: match, match level, errors and the 1:N duplicate-face search. */
export function faceSection(
  value: unknown,
  path: string,
  title: string,
): SummarySection | undefined {
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
  items.push(...oneToNItems(face, path));
  const sessionId = asText(get(face, 'sessionId'));
  if (sessionId)
    items.push(item('Session id', clip(sessionId), 'info', undefined, `${path}.sessionId`));
  if (items.length === 0) {
    items.push(item('Face', 'present, no match data', 'info', undefined, path));
  }
  return { id: 'face', title, items };
}

/** The 1:N search: the id to store, and whether the face matched an earlier selfie. */
function oneToNItems(face: JsonObject, path: string): SummaryItem[] {
  const items: SummaryItem[] = [];
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
  const duplicate = asBoolean(get(face, 'oneToNVerificationMatch'));
  if (duplicate !== undefined)
    items.push(oneToNMatchItem(duplicate, `${path}.oneToNVerificationMatch`));
  return items;
}

/** Plain-English description of Uqudo's face `matchLevel` (1 worst … 5 best). */
export function matchLevelItem(level: number, path: string): SummaryItem {
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

/**
 * `oneToNVerificationMatch` (Uqudo: "a match with a previously onboarded selfie"): the same face
 * was already enrolled — a returning user, or one person behind several identities.
 */
function oneToNMatchItem(duplicate: boolean, path: string): SummaryItem {
  return duplicate
    ? item(
        'Duplicate face (1:N)',
        'matches an earlier selfie',
        'warn',
        'This face matches a selfie onboarded before for your tenant: a returning user, or one person enrolling under several identities. Compare with the user record that holds the same oneToNVerificationId.',
        path,
      )
    : item(
        'Duplicate face (1:N)',
        'no earlier match',
        'good',
        'The 1:N search found no previously onboarded selfie with this face.',
        path,
      );
}
