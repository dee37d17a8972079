// SessionTracker: the store's session side — evidence per captured exchange, fed in capture order into a SessionIndex.
import type { CapturedExchange } from '../capture/exchange';
import { extractSessionEvidence, type SessionEvidence } from '../session/evidence';
import type { Session } from '../session/build';
import type { SessionSummary } from '../session/findings';
import { createSessionIndex, type SessionIndex } from '../session/group';
import type { SessionSighting } from '../session/state';
import { SessionSummaryTally } from '../session/summary-tally';
import type { Capture } from './capture';

/** What the store publishes about sessions; a new object whenever a session changed. */
export interface SessionsView {
  /** Grows with every change. */
  readonly version: number;
  /** Every session, newest first (sessions are built lazily and cached by the index). */
  list(): readonly Session[];
  /** How many sessions there are (O(1): `list().length` without building the list). */
  readonly count: number;
  /** Findings counted per code across all sessions (kept up to date per touched session). */
  readonly summary: SessionSummary;
  get(id: string): Session | undefined;
  /** Ids of the captures of one exchange (the rows a timeline entry stands for). */
  capturesOf(exchangeId: string): readonly string[];
  /** The session a capture's exchange belongs to, if any. */
  sessionOf(captureId: string): string | undefined;
  /** Exchanges captured but not yet grouped (their inspections are still running). */
  readonly waiting: number;
}

/** One captured exchange as the tracker keeps it: evidence (computed once) and its captures. */
interface ExchangeRecord {
  evidence: SessionEvidence;
  captureIds: string[];
  indexed: boolean;
  /** Session ids the exchange touched or is linked to (access token, token request). */
  sessions: string[];
  alive: boolean;
}

/** Rebuild the index once this share of its exchanges has been dropped (amortised O(1) per drop). */
const REBUILD_DROPPED_SHARE = 0.1;

/**
 * Keeps one SessionEvidence per captured network/HAR exchange (pastes and the panel's replays are
 * not page traffic) and feeds exchanges to a SessionIndex in capture order once every capture of
 * the exchange has its first inspection, so each exchange is grouped once: O(1) amortised per
 * store update, and only the sessions it touches are rebuilt. A re-inspection (keys changed) marks
 * the index stale; it is rebuilt once when the inspection queue is idle. Dropped captures drop their
 * evidence; the index is rebuilt after a tenth of its exchanges were dropped, so memory stays
 * within the capture cap.
 */
export class SessionTracker {
  private readonly byExchange = new Map<string, ExchangeRecord>();
  private readonly byCapture = new Map<string, ExchangeRecord>();
  /** Records in capture order; `head` is the first one not yet indexed. */
  private order: ExchangeRecord[] = [];
  private head = 0;
  private index: SessionIndex = createSessionIndex();
  private indexedCount = 0;
  private droppedSinceBuild = 0;
  private stale = false;
  private version = 0;
  private published: SessionsView | undefined;
  /** Sessions touched since the last view, whose findings the summary has yet to count. */
  private readonly touched = new Set<string>();
  /** Creation order of each session of the current index (the order `list()` reverses). */
  private readonly sessionSeq = new Map<string, number>();
  private readonly tally = new SessionSummaryTally();

  constructor(private readonly lookup: (captureId: string) => Capture | undefined) {}

  /** Records an exchange and its captures (evidence given by the engine, or computed here). */
  addExchange(
    exchange: CapturedExchange,
    captures: readonly Capture[],
    evidence: SessionEvidence = extractSessionEvidence(exchange),
  ): void {
    if (captures.length === 0 || exchange.source === 'paste' || exchange.source === 'replay') {
      return;
    }
    const record: ExchangeRecord = {
      evidence,
      captureIds: captures.map((capture) => capture.id),
      indexed: false,
      sessions: [],
      alive: true,
    };
    // Exchange ids can repeat across HAR imports: the newest record answers for the id.
    this.byExchange.set(record.evidence.id, record);
    for (const id of record.captureIds) this.byCapture.set(id, record);
    this.order.push(record);
  }

  /** A capture's inspection was applied. */
  inspected(captureId: string): void {
    const record = this.byCapture.get(captureId);
    if (!record) return;
    if (record.indexed) this.stale = true;
    else this.advance();
  }

  /** Captures were dropped by the caps (their evidence goes with them). */
  dropped(captureIds: Iterable<string>): void {
    let any = false;
    for (const id of captureIds) {
      const record = this.byCapture.get(id);
      if (!record) continue;
      this.byCapture.delete(id);
      record.captureIds = record.captureIds.filter((other) => other !== id);
      if (record.captureIds.length > 0) continue;
      record.alive = false;
      if (this.byExchange.get(record.evidence.id) === record) {
        this.byExchange.delete(record.evidence.id);
      }
      if (record.indexed) this.droppedSinceBuild += 1;
      any = true;
    }
    if (any) this.advance();
  }

  clear(): void {
    this.byExchange.clear();
    this.byCapture.clear();
    this.order = [];
    this.head = 0;
    this.newIndex();
    this.indexedCount = 0;
    this.droppedSinceBuild = 0;
    this.stale = false;
    this.bump();
  }

  /** The view to publish; rebuilds first when stale and the queue is idle (`pending` 0). */
  view(pending: number): SessionsView {
    const tooManyDropped = this.droppedSinceBuild > this.indexedCount * REBUILD_DROPPED_SHARE;
    if ((this.stale && pending === 0) || (this.droppedSinceBuild > 0 && tooManyDropped)) {
      this.rebuild();
    }
    if (this.published?.version === this.version) return this.published;
    this.published = this.createView();
    return this.published;
  }

  /** Indexes the records at the head of the capture order whose captures are all inspected. */
  private advance(): void {
    let changed = false;
    while (this.head < this.order.length) {
      const record = this.order[this.head]!;
      if (record.alive) {
        const sightings = this.sightingsOf(record);
        if (!sightings) break;
        this.indexRecord(record, sightings);
        changed = true;
      }
      this.head += 1;
    }
    if (this.head > 1024 && this.head * 2 > this.order.length) {
      this.order = this.order.slice(this.head);
      this.head = 0;
    }
    if (changed) this.bump();
  }

  /** The record's sightings with their inspections, or undefined while one is still running. */
  private sightingsOf(record: ExchangeRecord): SessionSighting[] | undefined {
    const sightings: SessionSighting[] = [];
    for (const id of record.captureIds) {
      // Every id here is in the collection (dropped ones were removed): absent means not inserted yet.
      const capture = this.lookup(id);
      if (!capture?.inspection) return undefined;
      sightings.push({ ...capture.sighting, inspection: capture.inspection });
    }
    return sightings;
  }

  private indexRecord(record: ExchangeRecord, sightings: SessionSighting[]): void {
    const touched = this.index.add({ evidence: record.evidence, sightings });
    for (const id of touched) {
      // The index creates sessions in the order they are first touched.
      if (!this.sessionSeq.has(id)) this.sessionSeq.set(id, this.sessionSeq.size);
      this.touched.add(id);
    }
    record.indexed = true;
    record.sessions = touched;
    this.indexedCount += 1;
    // The exchanges that issued a touched session's access token (or asked for it) belong to it too.
    for (const id of touched) {
      const session = this.index.get(id);
      for (const linked of [session?.accessToken?.exchangeId, session?.tokenRequestId]) {
        const other = linked === undefined ? undefined : this.byExchange.get(linked);
        if (other && !other.sessions.includes(id)) other.sessions.push(id);
      }
    }
  }

  private rebuild(): void {
    const live = this.order.filter((record) => record.alive);
    this.order = live;
    this.head = 0;
    this.newIndex();
    this.indexedCount = 0;
    this.droppedSinceBuild = 0;
    this.stale = false;
    for (const record of live) {
      record.indexed = false;
      record.sessions = [];
    }
    this.advance();
    this.bump();
  }

  private bump(): void {
    this.version += 1;
  }

  /** A fresh, empty index (and summary) to feed from the start. */
  private newIndex(): void {
    this.index = createSessionIndex();
    this.touched.clear();
    this.sessionSeq.clear();
    this.tally.clear();
  }

  /** Counts the findings of the sessions touched since the last view (builds only those). */
  private summarize(): SessionSummary {
    for (const id of this.touched) {
      const session = this.index.get(id);
      if (session) this.tally.set(id, this.sessionSeq.get(id) ?? 0, session.findings);
    }
    this.touched.clear();
    return this.tally.summary();
  }

  private createView(): SessionsView {
    const summary = this.summarize();
    const index = this.index;
    const records = this.byCapture;
    const byExchange = this.byExchange;
    let list: Session[] | undefined;
    return {
      version: this.version,
      waiting: this.order.length - this.head,
      list: () => (list ??= index.list().reverse()),
      count: this.sessionSeq.size,
      summary,
      get: (id) => index.get(id),
      capturesOf: (exchangeId) => byExchange.get(exchangeId)?.captureIds ?? [],
      sessionOf: (captureId) => records.get(captureId)?.sessions[0],
    };
  }
}
