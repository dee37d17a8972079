// Quick filters: "verdict:…" and "kind:…" terms of the filter text, read and replaced (pure).

/** The two quick filters. */
export type QuickKey = 'verdict' | 'kind';

/** The choices of each quick filter: value and label. */
export const QUICK_CHOICES: Record<QuickKey, readonly (readonly [string, string])[]> = {
  verdict: [
    ['valid', 'signature valid'],
    ['invalid', 'invalid'],
    ['unverified', 'unverified'],
    ['encrypted', 'encrypted'],
    ['malformed', 'malformed'],
    ['unsupported', 'unsupported'],
  ],
  kind: [
    ['uqudo-result', 'Uqudo result'],
    ['uqudo-access-token', 'Uqudo access token'],
    ['jwt', 'JWT'],
    ['unknown', 'unknown'],
  ],
};

const termsOf = (filter: string) => filter.split(/\s+/).filter(Boolean);

/** The value of the filter's `key:` term, if it has one. */
export function readQuickTerm(filter: string, key: QuickKey): string | undefined {
  const prefix = `${key}:`;
  const term = termsOf(filter).find((t) => t.toLowerCase().startsWith(prefix));
  return term === undefined ? undefined : term.slice(prefix.length).toLowerCase();
}

/** The filter text with its `key:` term replaced by `key:value` (or removed without a value). */
export function withQuickTerm(filter: string, key: QuickKey, value: string | undefined): string {
  const prefix = `${key}:`;
  const kept = termsOf(filter).filter((t) => !t.toLowerCase().startsWith(prefix));
  if (value) kept.push(`${prefix}${value}`);
  return kept.join(' ');
}
