// The ordered capture sequence: oldest-first storage with O(1) append and drop-oldest, read newest first.
import type { Capture } from './capture';
import { SearchCorpus } from './search-corpus';

/**
 * A read-only, newest-first view of captures. A new view object is published with every change of
 * the list (its `version` grows), so `state.captures !== previous.captures` still means "changed";
 * reads go to the live sequence, so only the view in the current state is meaningful.
 */
export interface CaptureList extends Iterable<Capture> {
  readonly length: number;
  /** Grows with every change of the list. */
  readonly version: number;
  /** The capture at `index`, newest first. */
  at(index: number): Capture | undefined;
  /** Newest-first index of the capture with this id, -1 when it is not in the list (O(log n)). */
  indexOf(id: string): number;
  /** Captures `start`…`end - 1`, newest first (what a virtualised list renders). */
  slice(start: number, end: number): Capture[];
  /** Every capture, newest first (O(n): for tests and exports, not for rendering). */
  toArray(): Capture[];
}

/** Arrival order: exchange time, then arrival sequence (the reverse of the display order). */
export function compareOldestFirst(a: Capture, b: Capture): number {
  return a.exchange.time - b.exchange.time || a.seq - b.seq;
}

/** Compact the storage once this many dropped slots lead it (and they are at least half of it). */
const COMPACT_AFTER = 1_024;

/**
 * Captures sorted oldest first in one array with a moving head. New traffic lands at (or near) the
 * end, caps drop from the head, so both cost O(1) amortised; a capture is found by binary search on
 * its (time, seq) key, which never changes once it is created. Each capture's search text is kept
 * in a parallel array, so a filter change reads the texts without touching the capture objects.
 */
export class CaptureSequence {
  private items: (Capture | undefined)[] = [];
  /** `texts[i]` is `items[i].searchText`. */
  private texts: (string | undefined)[] = [];
  private head = 0;
  /** The texts joined (built by selectByTerms, dropped by any change). */
  private corpus: SearchCorpus | undefined;

  get length(): number {
    return this.items.length - this.head;
  }

  /** Newest first. */
  at(index: number): Capture | undefined {
    if (index < 0 || index >= this.length) return undefined;
    return this.items[this.items.length - 1 - index];
  }

  /** The oldest capture. */
  oldest(): Capture | undefined {
    return this.items[this.head];
  }

  /** Inserts in order; scanning from the newest end makes in-order arrivals O(1). */
  insert(capture: Capture): void {
    const last = this.items[this.items.length - 1];
    this.corpus = undefined;
    if (this.length === 0 || (last && compareOldestFirst(last, capture) <= 0)) {
      this.items.push(capture);
      this.texts.push(capture.searchText);
      return;
    }
    const index = this.lowerBound(capture);
    this.items.splice(index, 0, capture);
    this.texts.splice(index, 0, capture.searchText);
  }

  /**
   * A new sequence of the captures whose search text `keep` accepts, in order, in one pass over the
   * storage (a filter change). Captures also in `known` (a subsequence of this one, holding the same
   * capture objects: what matched a narrower filter) are kept without asking, walking both in step;
   * a capture `known` holds in another version is simply asked.
   */
  select(keep: (searchText: string) => boolean, known?: CaptureSequence): CaptureSequence {
    const selected = new CaptureSequence();
    const { items, texts } = this;
    const knownItems = known?.items ?? [];
    let next = known?.head ?? 0;
    for (let index = this.head; index < items.length; index += 1) {
      const capture = items[index];
      const text = texts[index] as string;
      if (next < knownItems.length && knownItems[next] === capture) next += 1;
      else if (!keep(text)) continue;
      selected.append(capture as Capture, text);
    }
    return selected;
  }

  /** Whether selectByTerms would read a corpus already built (nothing changed since). */
  get hasCorpus(): boolean {
    return this.corpus !== undefined;
  }

  /**
   * The captures whose search text contains every term, in order, like `select(matchesTerms)`:
   * read from the texts joined into one corpus, built on first use and kept until the sequence
   * changes, so that keystrokes over an unchanged list read one contiguous string. Terms are filter
   * terms (no whitespace). The corpus copies the texts: the caller bounds their size.
   */
  selectByTerms(terms: readonly string[]): CaptureSequence {
    this.corpus ??= new SearchCorpus(this.texts.slice(this.head) as string[]);
    const found = this.corpus.matchAll(terms);
    const selected = new CaptureSequence();
    for (let index = 0; index < found.length; index += 1) {
      if (found[index] === 0) continue;
      const at = this.head + index;
      selected.append(this.items[at] as Capture, this.texts[at] as string);
    }
    return selected;
  }

  /** Removes and returns the oldest capture. */
  dropOldest(): Capture | undefined {
    if (this.length === 0) return undefined;
    const oldest = this.items[this.head];
    this.corpus = undefined;
    this.items[this.head] = undefined;
    this.texts[this.head] = undefined;
    this.head += 1;
    if (this.head >= COMPACT_AFTER && this.head * 2 >= this.items.length) {
      this.items = this.items.slice(this.head);
      this.texts = this.texts.slice(this.head);
      this.head = 0;
    }
    return oldest;
  }

  /** Replaces a capture by its updated copy (same time and seq); false when it is not here. */
  replace(previous: Capture, next: Capture): boolean {
    const index = this.find(previous);
    if (index === -1) return false;
    this.corpus = undefined;
    this.items[index] = next;
    this.texts[index] = next.searchText;
    return true;
  }

  /** Removes a capture; false when it is not here. */
  remove(capture: Capture): boolean {
    const index = this.find(capture);
    if (index === -1) return false;
    if (index === this.head) this.dropOldest();
    else {
      this.corpus = undefined;
      this.items.splice(index, 1);
      this.texts.splice(index, 1);
    }
    return true;
  }

  /** Newest-first index, or -1. */
  indexOf(capture: Capture): number {
    const index = this.find(capture);
    return index === -1 ? -1 : this.items.length - 1 - index;
  }

  clear(): void {
    this.items = [];
    this.texts = [];
    this.head = 0;
    this.corpus = undefined;
  }

  /** Appends to a sequence being built in order (select). */
  private append(capture: Capture, text: string): void {
    this.items.push(capture);
    this.texts.push(text);
  }

  /** Storage index of the capture with the same key, or -1. */
  private find(capture: Capture): number {
    const index = this.lowerBound(capture);
    const found = this.items[index];
    return found && found.id === capture.id ? index : -1;
  }

  /** First storage index whose capture is not older than `capture`. */
  private lowerBound(capture: Capture): number {
    let low = this.head;
    let high = this.items.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compareOldestFirst(this.items[middle] as Capture, capture) < 0) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}

/** A fresh view of `sequence` (publish one per change); `lookup` finds a capture by id. */
export function viewOf(
  sequence: CaptureSequence,
  version: number,
  lookup: (id: string) => Capture | undefined,
): CaptureList {
  return {
    get length() {
      return sequence.length;
    },
    version,
    at: (index) => sequence.at(index),
    indexOf(id) {
      const capture = lookup(id);
      return capture ? sequence.indexOf(capture) : -1;
    },
    slice(start, end) {
      const rows: Capture[] = [];
      const stop = Math.min(end, sequence.length);
      for (let index = Math.max(0, start); index < stop; index += 1) {
        rows.push(sequence.at(index) as Capture);
      }
      return rows;
    },
    toArray() {
      return this.slice(0, sequence.length);
    },
    *[Symbol.iterator]() {
      for (let index = 0; index < sequence.length; index += 1) yield sequence.at(index) as Capture;
    },
  };
}

/** A list over a plain array, in its order (component tests, fixtures). */
export function listOf(captures: readonly Capture[], version = 0): CaptureList {
  const index = new Map(captures.map((capture, position) => [capture.id, position]));
  return {
    length: captures.length,
    version,
    at: (position) => captures[position],
    indexOf: (id) => index.get(id) ?? -1,
    slice: (start, end) => captures.slice(start, end),
    toArray: () => captures.slice(),
    [Symbol.iterator]: () => captures[Symbol.iterator](),
  };
}
