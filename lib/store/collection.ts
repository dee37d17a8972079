// The capture collection: every capture, the filtered view, id lookup, jti counts and the caps, updated in place.
import type { Inspection } from '../jose/inspect';
import { applyInspection, type Capture } from './capture';
import { CaptureSequence, viewOf, type CaptureList } from './capture-list';
import { filterTerms, matchesTerms, relateFilterTerms, type FilterRelation } from './filter-terms';

/**
 * Search text the list's corpus may copy (~16 MB: ~30,000 typical captures). Beyond it a filter
 * change reads each text on its own, so the corpus never adds more than this to the panel's heap.
 */
const MAX_CORPUS_CHARS = 16 * 1024 * 1024;

/** How many captures carry each jti (a new view object whenever a count changes). */
export interface JtiCounts {
  get(jti: string): number | undefined;
}

/** Memory bounds of the collection. */
export interface CollectionLimits {
  /** Captures kept; the oldest are dropped beyond this. */
  maxCaptures: number;
  /** Approximate bytes of token text kept across captures; the oldest are dropped beyond this. */
  maxBytes: number;
}

/** The published, immutable-by-identity views of the collection (what the state holds). */
export interface CollectionViews {
  captures: CaptureList;
  visible: CaptureList;
  jtiCounts: JtiCounts;
  /** JWKS URL → captures whose iss suggests it (live; a change comes with a new `captures` view). */
  keySuggestions: ReadonlyMap<string, number>;
}

/** What adding captures did. */
export interface AddOutcome {
  /** Captures dropped to stay within the limits (oldest first; may include some just added). */
  dropped: number;
  droppedIds: ReadonlySet<string>;
}

/**
 * The captures of the panel, kept sorted in place so that each new capture, each finished
 * inspection and each dropped capture costs O(1) amortised (O(log n) to locate), however many
 * captures are kept and whatever filter is typed: the filtered list is maintained alongside
 * instead of being recomputed. Views are republished only after a change.
 */
export class CaptureCollection {
  private readonly all = new CaptureSequence();
  private matching = new CaptureSequence();
  private readonly byId = new Map<string, Capture>();
  private readonly counts = new Map<string, number>();
  private readonly suggestions = new Map<string, number>();
  private terms: string[] = [];
  private totalBytes = 0;
  /** Characters of search text across the captures (what a corpus of them would copy). */
  private searchChars = 0;
  private version = 0;
  private countsView: JtiCounts = countsViewOf(this.counts);
  private countsChanged = false;

  constructor(private readonly limits: CollectionLimits) {}

  get size(): number {
    return this.all.length;
  }

  get(id: string): Capture | undefined {
    return this.byId.get(id);
  }

  /** Inserts captures in order, then drops the oldest beyond the limits. */
  add(captures: readonly Capture[]): AddOutcome {
    for (const capture of captures) {
      this.all.insert(capture);
      this.byId.set(capture.id, capture);
      this.totalBytes += capture.bytes;
      this.searchChars += capture.searchText.length;
      this.count(capture.jti, 1);
      tally(this.suggestions, capture.keySuggestion, 1);
      if (this.matches(capture)) this.matching.insert(capture);
    }
    const droppedIds = new Set<string>();
    while (
      this.all.length > 0 &&
      (this.all.length > this.limits.maxCaptures || this.totalBytes > this.limits.maxBytes)
    ) {
      const oldest = this.all.dropOldest() as Capture;
      this.forget(oldest);
      droppedIds.add(oldest.id);
    }
    this.version += 1;
    return { dropped: droppedIds.size, droppedIds };
  }

  /** Applies a finished inspection; false when the capture is gone. */
  inspect(id: string, inspection: Inspection): boolean {
    const previous = this.byId.get(id);
    if (!previous) return false;
    const next = applyInspection(previous, inspection);
    this.all.replace(previous, next);
    this.byId.set(id, next);
    this.searchChars += next.searchText.length - previous.searchText.length;
    if (next.jti !== previous.jti) {
      this.count(previous.jti, -1);
      this.count(next.jti, 1);
    }
    tally(this.suggestions, previous.keySuggestion, -1);
    tally(this.suggestions, next.keySuggestion, 1);
    if (this.terms.length > 0) {
      const was = this.matches(previous);
      const is = this.matches(next);
      if (was && is) this.matching.replace(previous, next);
      else if (was) this.matching.remove(previous);
      else if (is) this.matching.insert(next);
    }
    this.version += 1;
    return true;
  }

  /**
   * Changes the filter; false when its terms are the same. A typed character (or an added term)
   * re-tests only the current matches, a deleted one only the current non-matches; a replaced
   * term re-tests every capture (see selectMatches for when the list's corpus is read instead).
   * Either way the matches come out in list order.
   */
  setFilter(filter: string): boolean {
    const terms = filterTerms(filter);
    const relation = relateFilterTerms(this.terms, terms);
    this.terms = terms;
    if (relation === 'same') return false;
    this.matching =
      terms.length === 0 ? new CaptureSequence() : this.selectMatches(terms, relation);
    this.version += 1;
    return true;
  }

  /** The visible list to publish beside `captures` (the current captures view), after a filter change. */
  visibleView(captures: CaptureList): CaptureList {
    return this.terms.length > 0
      ? viewOf(this.matching, this.version, (id) => this.byId.get(id))
      : captures;
  }

  clear(): void {
    this.all.clear();
    this.matching.clear();
    this.byId.clear();
    if (this.counts.size > 0) this.countsChanged = true;
    this.counts.clear();
    this.suggestions.clear();
    this.totalBytes = 0;
    this.searchChars = 0;
    this.version += 1;
  }

  /** Fresh views after a change (call once per published state update). */
  views(): CollectionViews {
    if (this.countsChanged) {
      this.countsView = countsViewOf(this.counts);
      this.countsChanged = false;
    }
    const lookup = (id: string) => this.byId.get(id);
    const captures = viewOf(this.all, this.version, lookup);
    return {
      captures,
      visible: this.terms.length > 0 ? viewOf(this.matching, this.version, lookup) : captures,
      jtiCounts: this.countsView,
      keySuggestions: this.suggestions,
    };
  }

  private matches(capture: Capture): boolean {
    return matchesTerms(capture.searchText, this.terms);
  }

  /**
   * The captures matching `terms`. Narrowing re-tests the current matches, widening keeps them and
   * tests the rest; when that is most of the list anyway (or the list has not changed since a
   * corpus was built), every text is read from the list's corpus in one pass instead (up to
   * MAX_CORPUS_CHARS of text).
   */
  private selectMatches(terms: string[], relation: FilterRelation): CaptureSequence {
    const previous = this.matching;
    const toTest =
      relation === 'narrower'
        ? previous.length
        : relation === 'wider'
          ? this.all.length - previous.length
          : this.all.length;
    const corpus =
      this.all.hasCorpus || (toTest * 2 >= this.all.length && this.searchChars <= MAX_CORPUS_CHARS);
    if (corpus) return this.all.selectByTerms(terms);
    const matches = (searchText: string) => matchesTerms(searchText, terms);
    return relation === 'narrower'
      ? previous.select(matches)
      : this.all.select(matches, relation === 'wider' ? previous : undefined);
  }

  private forget(capture: Capture): void {
    this.byId.delete(capture.id);
    this.totalBytes -= capture.bytes;
    this.searchChars -= capture.searchText.length;
    this.count(capture.jti, -1);
    tally(this.suggestions, capture.keySuggestion, -1);
    if (this.terms.length > 0) this.matching.remove(capture);
  }

  private count(jti: string, change: number): void {
    if (!jti) return;
    tally(this.counts, jti, change);
    this.countsChanged = true;
  }
}

function countsViewOf(counts: Map<string, number>): JtiCounts {
  return { get: (jti) => counts.get(jti) };
}

function tally(counts: Map<string, number>, key: string | undefined, change: number): void {
  if (!key) return;
  const count = (counts.get(key) ?? 0) + change;
  if (count > 0) counts.set(key, count);
  else counts.delete(key);
}
