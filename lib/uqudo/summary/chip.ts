// The verification object's `reading`: one coherent passive-authentication verdict, its flags, chip/active authentication.
import { asBoolean, asRecord, get, item, type JsonObject } from './read';
import type { SummaryItem, SummarySection } from './types';

/** The four flags of `passiveAuthentication`, with what each one says when true or false. */
const PASSIVE_AUTH_FLAGS = [
  ['documentDataSignatureValid', 'Document data signature', 'valid', 'not valid'],
  [
    'documentSigningCertificateSignatureValid',
    'Document signing certificate signature',
    'valid',
    'not valid',
  ],
  ['documentSigningCertificateAvailable', 'Document signing certificate', 'available', 'missing'],
  ['countrySigningCertificateAvailable', 'Country signing certificate', 'available', 'missing'],
] as const;

type PassiveFlag = (typeof PASSIVE_AUTH_FLAGS)[number][0];

/** Chip verification: passive authentication (one verdict, then its raw flags), chip and active authentication. */
export function chipVerificationSection(value: unknown, path: string): SummarySection | undefined {
  const reading = asRecord(value);
  if (!reading) return undefined;
  const items: SummaryItem[] = [];
  if (asBoolean(get(reading, 'enabled')) === false) {
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
  if (passive) items.push(...passiveAuthenticationItems(passive, `${path}.passiveAuthentication`));
  for (const [key, label] of [
    ['chipAuthentication', 'Chip authentication'],
    ['activeAuthentication', 'Active authentication'],
  ] as const) {
    const check = asRecord(get(reading, key));
    const flag = check ? asBoolean(get(check, 'enabled')) : undefined;
    if (flag === undefined) continue;
    items.push(
      item(
        label,
        flag ? 'performed' : 'not performed',
        'info',
        flag
          ? 'Performed: it proves the chip is genuine, not cloned.'
          : 'Not performed (not every chip supports it).',
        `${path}.${key}.enabled`,
      ),
    );
  }
  return items.length ? { id: 'chip-verification', title: 'Chip verification', items } : undefined;
}

/**
 * One verdict for passive authentication, then each flag as plain information: the flags depend
 * on each other (a data signature is only as good as the certificate it was checked with), so
 * colouring them one by one would show contradictory verdicts side by side.
 */
function passiveAuthenticationItems(passive: JsonObject, path: string): SummaryItem[] {
  if (asBoolean(get(passive, 'enabled')) === false) {
    return [item('Passive authentication', 'disabled', 'info', undefined, `${path}.enabled`)];
  }
  const flags = new Map<PassiveFlag, boolean>();
  for (const [key] of PASSIVE_AUTH_FLAGS) {
    const flag = asBoolean(get(passive, key));
    if (flag !== undefined) flags.set(key, flag);
  }
  const items = [passiveVerdict(flags, path)];
  for (const [key, label, yes, no] of PASSIVE_AUTH_FLAGS) {
    const flag = flags.get(key);
    if (flag !== undefined)
      items.push(item(label, flag ? yes : no, 'info', undefined, `${path}.${key}`));
  }
  return items;
}

function passiveVerdict(flags: Map<PassiveFlag, boolean>, path: string): SummaryItem {
  const label = 'Passive authentication';
  const data = flags.get('documentDataSignatureValid');
  if (data === false) {
    return item(
      label,
      'failed',
      'bad',
      'The chip data signature does not verify: the chip data may have been altered.',
      `${path}.documentDataSignatureValid`,
    );
  }
  if (flags.get('documentSigningCertificateSignatureValid') === false) {
    return item(
      label,
      'failed',
      'bad',
      'The document signing certificate does not chain to the country signing certificate: the signer is not trusted.',
      `${path}.documentSigningCertificateSignatureValid`,
    );
  }
  if (flags.get('documentSigningCertificateAvailable') === false) {
    return item(
      label,
      'not verifiable',
      'warn',
      data === true
        ? 'documentDataSignatureValid is true, but the chip carries no document signing certificate: there was no certificate to check that signature with, so the chip data is not authenticated. Treat it like OCR data.'
        : 'The chip carries no document signing certificate, so the chip data signature cannot be checked.',
      `${path}.documentSigningCertificateAvailable`,
    );
  }
  if (flags.get('countrySigningCertificateAvailable') === false) {
    return item(
      label,
      'chain not checked',
      'warn',
      'The data signature was checked with the chip\u2019s own document signing certificate, but the issuing country\u2019s certificate was not available, so the chain was not checked to its root.',
      `${path}.countrySigningCertificateAvailable`,
    );
  }
  if (flags.size === PASSIVE_AUTH_FLAGS.length) {
    return item(
      label,
      'passed',
      'good',
      'The chip data is signed by a document signer whose certificate chains to the issuing country\u2019s signing certificate.',
      path,
    );
  }
  return item(
    label,
    'incomplete',
    'info',
    'The result does not carry every passive-authentication flag, so no verdict can be given.',
    path,
  );
}
