// PEM text split into labelled blocks, linearly and without throwing (for verification and decryption keys).

/** One `-----BEGIN label----- … -----END label-----` block, normalised (whitespace removed from the body). */
export interface PemBlock {
  label: string;
  text: string;
}

/** A parse outcome: the value, or a readable reason. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/** Largest key text accepted (a JWKS with many keys and certificate chains fits easily). */
export const MAX_KEY_TEXT_LENGTH = 1024 * 1024;

/** Splits text into PEM blocks with indexOf only (linear; stops at the first unterminated block). */
export function splitPem(text: string): Parsed<PemBlock[]> {
  const blocks: PemBlock[] = [];
  let position = 0;
  for (;;) {
    const begin = text.indexOf('-----BEGIN ', position);
    if (begin < 0) break;
    const labelEnd = text.indexOf('-----', begin + 11);
    if (labelEnd < 0 || labelEnd - begin > 80)
      return { ok: false, error: 'Broken PEM header line.' };
    const label = text.slice(begin + 11, labelEnd);
    const footer = `-----END ${label}-----`;
    const end = text.indexOf(footer, labelEnd + 5);
    if (end < 0) return { ok: false, error: `PEM block "${label}" has no END line.` };
    const body = text.slice(labelEnd + 5, end).replace(/\s+/g, '');
    blocks.push({ label, text: `-----BEGIN ${label}-----\n${body}\n${footer}` });
    position = end + footer.length;
  }
  return blocks.length > 0
    ? { ok: true, value: blocks }
    : { ok: false, error: 'No PEM block found.' };
}

/** The message of a thrown value. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
