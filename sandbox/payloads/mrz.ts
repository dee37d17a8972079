// ICAO 9303 machine-readable zones for the sandbox's fake documents: check digits, TD3 (passport) and TD1 (ID card).

const MRZ_WEIGHTS = [7, 3, 1] as const;

/** Computes an ICAO 9303 check digit (weights 7-3-1; A=10 … Z=35; '<' = 0). */
export function computeCheckDigit(field: string): string {
  let sum = 0;
  for (let i = 0; i < field.length; i++) {
    const ch = field[i] ?? '<';
    const code = ch.charCodeAt(0);
    const value = ch >= '0' && ch <= '9' ? code - 48 : ch >= 'A' && ch <= 'Z' ? code - 55 : 0;
    sum += value * (MRZ_WEIGHTS[i % 3] ?? 1);
  }
  return String(sum % 10);
}

/** Pads (or cuts) an MRZ field to its length with the filler `<`. */
function padMrz(text: string, length: number): string {
  return text.padEnd(length, '<').slice(0, length);
}

/** A date as the MRZ prints it (`YYMMDD`) and as Uqudo's `<name>Formatted` sibling (`yyyy-MM-dd`). */
export interface MrzDate {
  yymmdd: string;
  iso: string;
}

/** Builds both spellings of a calendar date. */
export function mrzDate(year: number, month: number, day: number): MrzDate {
  const mm = String(month).padStart(2, '0');
  const dd = String(day).padStart(2, '0');
  return { yymmdd: `${String(year % 100).padStart(2, '0')}${mm}${dd}`, iso: `${year}-${mm}-${dd}` };
}

/** What a machine-readable zone says about its holder. */
export interface MrzHolder {
  surname: string;
  givenNames: string;
  sex: 'F' | 'M';
  dateOfBirth: MrzDate;
  dateOfExpiry: MrzDate;
}

/** A TD3 (passport) MRZ and its parts, check digits as strings. */
export interface Td3Mrz {
  line1: string;
  line2: string;
  documentCd: string;
  birthCd: string;
  expiryCd: string;
  /** The 14-character optional (personal number) field, `<`-filled. */
  optional: string;
  optionalCd: string;
  finalCd: string;
}

/** Builds a TD3 (passport) MRZ with correct check digits. */
export function buildTd3Mrz(holder: MrzHolder, documentNumber: string, state: string): Td3Mrz {
  const number = padMrz(documentNumber, 9);
  const optional = padMrz('', 14);
  const documentCd = computeCheckDigit(number);
  const birthCd = computeCheckDigit(holder.dateOfBirth.yymmdd);
  const expiryCd = computeCheckDigit(holder.dateOfExpiry.yymmdd);
  const optionalCd = computeCheckDigit(optional);
  const finalCd = computeCheckDigit(
    number +
      documentCd +
      holder.dateOfBirth.yymmdd +
      birthCd +
      holder.dateOfExpiry.yymmdd +
      expiryCd +
      optional +
      optionalCd,
  );
  const line1 = padMrz(`P<${state}${holder.surname}<<${holder.givenNames.replace(/ /g, '<')}`, 44);
  const line2 =
    number +
    documentCd +
    state +
    holder.dateOfBirth.yymmdd +
    birthCd +
    holder.sex +
    holder.dateOfExpiry.yymmdd +
    expiryCd +
    optional +
    optionalCd +
    finalCd;
  return { line1, line2, documentCd, birthCd, expiryCd, optional, optionalCd, finalCd };
}

/** A TD1 (ID card) MRZ and its parts, check digits as strings. */
export interface Td1Mrz {
  lines: [string, string, string];
  documentCd: string;
  birthCd: string;
  expiryCd: string;
  /** Optional field 1 (line 1, 15 characters): UAE IDs carry the identity number there. */
  optional1: string;
  compositeCd: string;
}

/** Builds a TD1 (ID card) MRZ with correct check digits. */
export function buildTd1Mrz(
  holder: MrzHolder,
  card: {
    documentCode: string;
    state: string;
    documentNumber: string;
    optional1: string;
    nationality: string;
  },
): Td1Mrz {
  const number = padMrz(card.documentNumber, 9);
  const documentCd = computeCheckDigit(number);
  const optional1 = padMrz(card.optional1, 15);
  const line1 = padMrz(card.documentCode, 2) + card.state + number + documentCd + optional1;
  const birthCd = computeCheckDigit(holder.dateOfBirth.yymmdd);
  const expiryCd = computeCheckDigit(holder.dateOfExpiry.yymmdd);
  const optional2 = padMrz('', 11);
  const compositeCd = computeCheckDigit(
    line1.slice(5, 30) +
      holder.dateOfBirth.yymmdd +
      birthCd +
      holder.dateOfExpiry.yymmdd +
      expiryCd +
      optional2,
  );
  const line2 =
    holder.dateOfBirth.yymmdd +
    birthCd +
    holder.sex +
    holder.dateOfExpiry.yymmdd +
    expiryCd +
    card.nationality +
    optional2 +
    compositeCd;
  const line3 = padMrz(`${holder.surname}<<${holder.givenNames.replace(/ /g, '<')}`, 30);
  return { lines: [line1, line2, line3], documentCd, birthCd, expiryCd, optional1, compositeCd };
}
