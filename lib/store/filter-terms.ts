// Filter terms and how two filters relate, so a keystroke re-tests only the captures it can change (pure).

/** The lower-cased terms of a filter text; every term must match. */
export function filterTerms(filter: string): string[] {
  return filter.toLowerCase().split(/\s+/).filter(Boolean);
}

/** How two filters' matches relate (see relateFilterTerms). */
export type FilterRelation = 'same' | 'narrower' | 'wider' | 'other';

/**
 * How the matches of `next` relate to those of `previous` when matching means "the haystack
 * contains every term":
 * - 'same': the same terms (in any order and multiplicity);
 * - 'narrower': every previous term is inside some next term, so whatever `next` matches,
 *   `previous` matched (a typed character, a term added) — only the current matches need a test;
 * - 'wider': every next term is inside some previous term, so whatever `previous` matched, `next`
 *   matches (a deleted character, a term removed) — only the current non-matches need a test;
 * - 'other': neither (a replaced term, or no terms on one side): test everything.
 */
export function relateFilterTerms(
  previous: readonly string[],
  next: readonly string[],
): FilterRelation {
  if (previous.length === 0 || next.length === 0) {
    return previous.length === next.length ? 'same' : 'other';
  }
  const narrower = previous.every((term) => next.some((longer) => longer.includes(term)));
  const wider = next.every((term) => previous.some((longer) => longer.includes(term)));
  if (narrower && wider) return sameTerms(previous, next) ? 'same' : 'narrower';
  return narrower ? 'narrower' : wider ? 'wider' : 'other';
}

/** Whether a haystack (already lower-cased) contains every term. */
export function matchesTerms(haystack: string, terms: readonly string[]): boolean {
  for (let index = 0; index < terms.length; index += 1) {
    if (!haystack.includes(terms[index] as string)) return false;
  }
  return true;
}

function sameTerms(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((term) => right.has(term));
}
