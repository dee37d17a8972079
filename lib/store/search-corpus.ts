// SearchCorpus: many lower-cased search texts joined into one string, so a filter reads them in one pass (pure).

/**
 * Texts joined with '\n' plus where each starts. Which texts contain a term is found with
 * `indexOf` over one contiguous string instead of one `includes` per text: a filter change over
 * thousands of rows then reads memory in order instead of visiting thousands of separate strings.
 * Terms must not contain '\n' (filter terms never hold whitespace), so a match never spans two
 * texts.
 */
export class SearchCorpus {
  private readonly text: string;
  /** `starts[i]` is where text i begins; `starts[size]` is one past the last separator. */
  private readonly starts: Int32Array;

  constructor(texts: readonly string[]) {
    this.starts = new Int32Array(texts.length + 1);
    let offset = 0;
    for (let index = 0; index < texts.length; index += 1) {
      this.starts[index] = offset;
      offset += (texts[index] as string).length + 1;
    }
    this.starts[texts.length] = offset;
    this.text = texts.join('\n');
  }

  /** How many texts it holds. */
  get size(): number {
    return this.starts.length - 1;
  }

  /** For each text, 1 when it contains every term (as `matchesTerms` would say), else 0. */
  matchAll(terms: readonly string[]): Uint8Array {
    const found = new Uint8Array(this.size);
    if (terms.length === 0) return found.fill(1);
    if (terms.length > 0xfffe || terms.some((term) => term.includes('\n'))) {
      for (let index = 0; index < this.size; index += 1) {
        const text = this.text.slice(this.starts[index], (this.starts[index + 1] as number) - 1);
        found[index] = terms.every((term) => text.includes(term)) ? 1 : 0;
      }
      return found;
    }
    // hits[i] counts the terms found in text i so far; a text missing a term stops counting.
    const hits = terms.length > 1 ? new Uint16Array(this.size) : found;
    for (let term = 0; term < terms.length; term += 1) this.mark(terms[term] as string, hits, term);
    if (hits !== found) {
      for (let index = 0; index < this.size; index += 1) {
        found[index] = hits[index] === terms.length ? 1 : 0;
      }
    }
    return found;
  }

  /** Raises hits[i] to `counted + 1` for each text i that contains `term` and had `counted`. */
  private mark(term: string, hits: Uint8Array | Uint16Array, counted: number): void {
    const { text, starts } = this;
    let index = 0;
    let from = 0;
    for (;;) {
      const at = text.indexOf(term, from);
      if (at === -1) return;
      while ((starts[index + 1] as number) <= at) index += 1;
      if (hits[index] === counted) hits[index] = counted + 1;
      // The rest of this text cannot add anything: go on with the next one.
      from = starts[index + 1] as number;
    }
  }
}
