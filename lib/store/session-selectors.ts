// Selectors of the session view: the (filtered) session list, the findings summary, ungrouped captures, memoised.
import type { Session } from '../session/build';
import type { SessionSummary } from '../session/findings';
import type { Capture } from './capture';
import { filterTerms, matchesTerms, relateFilterTerms } from './filter-terms';
import { SearchCorpus } from './search-corpus';
import type { SessionsView } from './session-tracker';
import type { InspectorState } from './state';

export type { Session } from '../session/build';
export type { SessionFinding, SessionFindingCode, SessionSummary } from '../session/findings';

/** Ungrouped captures listed at most (the flat token list has them all). */
const MAX_UNGROUPED_SHOWN = 200;

const searchTexts = new WeakMap<Session, string>();

/** Lower-cased text a session matches the filter against (computed once per built session). */
function searchTextOf(session: Session): string {
  let text = searchTexts.get(session);
  if (text === undefined) {
    text = [
      session.id,
      session.documentType ?? '',
      session.verdict ?? '',
      `verdict:${session.verdict ?? ''}`,
      // A session is about a result: the kind quick filter keeps it for "Uqudo result".
      'kind:uqudo-result',
      session.face ? 'face' : '',
      ...session.findings.map((finding) => finding.code),
      ...session.timeline.map((entry) => `${entry.method} ${entry.host}${entry.path}`),
    ]
      .join('\n')
      .toLowerCase();
    searchTexts.set(session, text);
  }
  return text;
}

/** A filtered session list and the terms it was filtered with. */
interface FilteredSessions {
  terms: string[];
  sessions: readonly Session[];
}

const listCache = new WeakMap<SessionsView, FilteredSessions>();
const allTexts = new WeakMap<SessionsView, readonly string[]>();
const corpora = new WeakMap<SessionsView, SearchCorpus>();

/** The search texts of every session of the view, in list order (looked up once per view). */
function textsOf(view: SessionsView): readonly string[] {
  let texts = allTexts.get(view);
  if (texts === undefined) {
    texts = view.list().map(searchTextOf);
    allTexts.set(view, texts);
  }
  return texts;
}

/**
 * Sessions newest first; with a filter, those whose id, document type, verdict, finding codes or
 * request paths match every term. Memoised on the sessions view and the filter's terms. The first
 * filter on a view (a store update came in between) tests each session's text; further keystrokes
 * on the same view read all the texts joined into one corpus, built once per view, in one pass.
 * Only the sessions a store update touched are rebuilt (the index caches the others).
 */
export function selectSessionList(state: InspectorState): readonly Session[] {
  const view = state.sessions;
  const terms = filterTerms(state.filter);
  const cached = listCache.get(view);
  const relation = cached ? relateFilterTerms(cached.terms, terms) : 'other';
  if (cached && relation === 'same') return cached.sessions;
  let sessions: readonly Session[];
  if (terms.length === 0) sessions = view.list();
  else if (cached) sessions = matchingByCorpus(view, terms);
  else sessions = collectMatching(view, terms);
  listCache.set(view, { terms, sessions });
  return sessions;
}

/** The sessions of the view that match, testing each one's text. */
function collectMatching(view: SessionsView, terms: readonly string[]): Session[] {
  const texts = textsOf(view);
  return view.list().filter((_, index) => matchesTerms(texts[index] as string, terms));
}

/** The sessions of the view that match, read from the view's corpus (built on first use). */
function matchingByCorpus(view: SessionsView, terms: readonly string[]): Session[] {
  let corpus = corpora.get(view);
  if (corpus === undefined) {
    corpus = new SearchCorpus(textsOf(view));
    corpora.set(view, corpus);
  }
  const found = corpus.matchAll(terms);
  return view.list().filter((_, index) => found[index] === 1);
}

/**
 * How many sessions the list shows: every session without a filter (O(1), the list is not built),
 * else the length of the filtered list.
 */
export function selectSessionCount(state: InspectorState): number {
  // filterTerms splits on whitespace: no terms exactly when the filter has no other character.
  return !/\S/.test(state.filter) ? state.sessions.count : selectSessionList(state).length;
}

/**
 * Counts of session findings per code across all sessions (the summary atop the panel), kept up to
 * date by the store as sessions change: the same object until a count changes.
 */
export function selectSessionSummary(state: InspectorState): SessionSummary {
  return state.sessions.summary;
}

/** Captures outside every session: the newest ones (capped) and how many there are. */
export interface UngroupedCaptures {
  count: number;
  newest: readonly Capture[];
}

const ungroupedCache = new WeakMap<SessionsView, { captures: unknown; value: UngroupedCaptures }>();

/** Captures no session claims (pastes, replays, other JWTs); linear in the visible captures, memoised. */
export function selectUngroupedCaptures(state: InspectorState): UngroupedCaptures {
  const cached = ungroupedCache.get(state.sessions);
  if (cached && cached.captures === state.visible) return cached.value;
  const newest: Capture[] = [];
  let count = 0;
  for (const capture of state.visible) {
    if (state.sessions.sessionOf(capture.id) !== undefined) continue;
    count += 1;
    if (newest.length < MAX_UNGROUPED_SHOWN) newest.push(capture);
  }
  const value = { count, newest };
  ungroupedCache.set(state.sessions, { captures: state.visible, value });
  return value;
}

/** The session the selected capture belongs to, if any. */
export function selectSelectedSession(state: InspectorState): string | undefined {
  return state.selected ? state.sessions.sessionOf(state.selected.id) : undefined;
}

/**
 * The capture a timeline entry stands for: the exchange's Uqudo result if it carried one, else its
 * first capture (an access token, say); undefined when the exchange is gone.
 */
export function selectEntryCapture(state: InspectorState, exchangeId: string): string | undefined {
  let first: string | undefined;
  for (const id of state.sessions.capturesOf(exchangeId)) {
    // indexOf is O(log n) on the live list.
    const capture = state.captures.at(state.captures.indexOf(id));
    if (!capture || capture.id !== id) continue;
    if (capture.kind === 'uqudo-result') return id;
    first ??= id;
  }
  return first;
}
