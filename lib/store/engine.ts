// The store's moving parts wired together: intake → collection → inspection queue → batched state updates.
import type { StoreApi } from 'zustand/vanilla';
import type { CapturedExchange, Sighting } from '../capture/exchange';
import { ExchangeLog } from '../export/log';
import type { Inspection } from '../jose/inspect';
import { extractSessionEvidence } from '../session/evidence';
import { createCaptures, MAX_URL_CHARS, type Capture } from './capture';
import { compareOldestFirst } from './capture-list';
import { CaptureCollection } from './collection';
import { INITIAL_EVIDENCE_STATE } from './evidence-slice';
import { InspectionQueue } from './inspection-queue';
import { SeenIds, sightingsOf } from './intake';
import { KeyChecks } from './key-checks';
import { appendNotice, type Notice } from './notices';
import type { CaptureLimits, InspectorState, InspectorStoreDeps } from './state';
import { SessionTracker } from './session-tracker';
import { capText } from './text';

/**
 * New captures are applied at most this often: the first after a quiet spell at once (on the next
 * task), later ones of a burst together, this long after the previous update.
 */
const FLUSH_DELAY_MS = 16;
/**
 * Finished inspections alone are applied at most this often after the previous update (new
 * captures still go out within FLUSH_DELAY_MS and take the finished ones along): each update
 * re-renders the panel, and during a burst that rendering is most of the panel's CPU.
 */
const RESULTS_FLUSH_INTERVAL_MS = 100;

/** Effects the engine runs with (defaults filled in by createInspectorStore). */
export interface EngineDeps {
  inspect: InspectorStoreDeps['inspect'];
  now: () => number;
  schedule?: InspectorStoreDeps['schedule'];
  limits: CaptureLimits;
  keyChecks: Omit<ConstructorParameters<typeof KeyChecks>[0], 'setKeySetup' | 'setDecryptionSetup'>;
}

/**
 * Holds the mutable parts of the store (the collection, the queue, the intake buffer) so that a
 * burst of traffic costs one state update per ~frame and each capture O(1) amortised.
 */
export class InspectorEngine {
  readonly collection: CaptureCollection;
  /** Session evidence and grouping, fed from the same intake. */
  readonly sessions: SessionTracker;
  /** The exchanges an export needs (bounded, memory only). */
  readonly log = new ExchangeLog();
  private readonly queue: InspectionQueue;
  private readonly checks: KeyChecks;
  private readonly seen = new SeenIds();
  private seq = 0;
  private noticeSeq = 0;
  private flushScheduled = false;
  // The pending flush timer and when it fires, and when the last flush ran (performance.now()).
  private flushTimer: ReturnType<typeof setTimeout> | undefined;
  private flushDue = 0;
  private lastFlushAt = Number.NEGATIVE_INFINITY;
  // Captures waiting for the next flush, and the one to select then (a pasted token).
  private incoming: Capture[] = [];
  private incomingSelection: string | undefined;

  constructor(
    private readonly api: StoreApi<InspectorState>,
    private readonly deps: EngineDeps,
  ) {
    this.collection = new CaptureCollection(deps.limits);
    this.sessions = new SessionTracker((id) => this.collection.get(id));
    this.checks = new KeyChecks({
      ...deps.keyChecks,
      setKeySetup: (keySetup) => api.setState({ keySetup }),
      setDecryptionSetup: (decryptionSetup) => api.setState({ decryptionSetup }),
    });
    this.queue = new InspectionQueue({
      inspect: deps.inspect,
      now: deps.now,
      concurrency: deps.limits.concurrency,
      onSettled: () => this.scheduleFlush(false),
    });
  }

  /** Prepares the checks for the current settings and re-checks every capture, newest first. */
  recheckAll(forceKeys: boolean): void {
    const { settings, secrets } = this.api.getState();
    this.queue.restart(this.checks.prepare(settings, secrets, forceKeys));
    for (const capture of this.collection.views().captures) this.queue.enqueue(capture);
    this.queue.pump();
    this.api.setState({ pending: this.pendingCount() });
  }

  /** The next sequence number (capture ids and paste ids). */
  nextSeq(): number {
    this.seq += 1;
    return this.seq;
  }

  /** Captures of exchanges; repeated network ids are ignored, unreadable bodies counted. */
  captureExchanges(exchanges: readonly CapturedExchange[]): Capture[] {
    const added: Capture[] = [];
    const before = this.api.getState().unavailableBodies;
    let unavailable = before;
    for (const exchange of exchanges) {
      if (exchange.source === 'network' && !this.seen.remember(exchange.id)) continue;
      const sightings = sightingsOf(exchange);
      if (exchange.bodyNote && sightings.length === 0) {
        unavailable = {
          count: (unavailable?.count ?? 0) + 1,
          lastUrl: capText(exchange.url, MAX_URL_CHARS),
          lastNote: exchange.bodyNote,
        };
      }
      const captures = this.capturesOf(exchange, sightings);
      // Session evidence once per exchange, shared by the session view and the export log.
      const evidence = extractSessionEvidence(exchange);
      this.sessions.addExchange(exchange, captures, evidence);
      this.log.record(
        exchange,
        captures.map((c) => c.id),
        evidence,
      );
      added.push(...captures);
    }
    this.accept(added, unavailable !== before ? { unavailableBodies: unavailable } : {});
    return added;
  }

  capturesOf(exchange: CapturedExchange, sightings: readonly Sighting[]): Capture[] {
    return createCaptures(exchange, sightings, () => this.nextSeq());
  }

  /** Queues new captures; the next flush inserts them (one state update for a burst of traffic). */
  accept(added: Capture[], patch: Partial<InspectorState> = {}, select?: string): void {
    for (const capture of added) this.incoming.push(capture);
    if (select !== undefined) this.incomingSelection = select;
    if (added.length > 0) this.scheduleFlush(true);
    // The pending count is refreshed by each flush; here only the switch from idle to busy is
    // published, so a burst of requests does not re-render the panel once per request.
    if (this.api.getState().pending === 0 && added.length > 0) {
      patch = { ...patch, pending: this.pendingCount() };
    }
    if (Object.keys(patch).length > 0) this.api.setState(patch);
  }

  /** The notices with a new one (ids never reused). */
  withNotice(level: Notice['level'], text: string): readonly Notice[] {
    this.noticeSeq += 1;
    return appendNotice(this.api.getState().notices, this.noticeSeq, level, text);
  }

  /**
   * Changes the filter and publishes the new visible list; the captures, counts and suggestions
   * did not change, so their views stay (what derives from them is not recomputed per keystroke).
   */
  setFilter(filter: string): void {
    const changed = this.collection.setFilter(filter);
    const visible = changed ? this.collection.visibleView(this.api.getState().captures) : undefined;
    this.api.setState(visible ? { filter, visible } : { filter });
  }

  /** Forgets every capture and what is waiting (running inspections finish and are ignored). */
  reset(): void {
    this.seen.clear();
    this.log.clear();
    this.incoming = [];
    this.incomingSelection = undefined;
    this.queue.clear();
    this.collection.clear();
    this.sessions.clear();
    this.api.setState({
      ...this.collection.views(),
      sessions: this.sessions.view(0),
      markers: [],
      selectedId: undefined,
      selected: undefined,
      dropped: 0,
      pending: this.queue.pending,
      notices: [],
      unavailableBodies: undefined,
      evidence: INITIAL_EVIDENCE_STATE,
    });
  }

  pendingCount(): number {
    return this.incoming.length + this.queue.pending;
  }

  /**
   * Schedules the next state update: for new captures (`urgent`) FLUSH_DELAY_MS after the last
   * update (at once after a quiet spell), and for finished inspections alone no sooner than
   * FLUSH_DELAY_MS from now and RESULTS_FLUSH_INTERVAL_MS after the last update.
   */
  private scheduleFlush(urgent: boolean): void {
    const flush = () => this.flush();
    if (this.deps.schedule) {
      if (this.flushScheduled) return;
      this.flushScheduled = true;
      this.deps.schedule(flush);
      return;
    }
    const now = performance.now();
    const delay = urgent
      ? Math.max(0, this.lastFlushAt + FLUSH_DELAY_MS - now)
      : Math.max(FLUSH_DELAY_MS, this.lastFlushAt + RESULTS_FLUSH_INTERVAL_MS - now);
    if (this.flushTimer !== undefined && this.flushDue <= now + delay) return;
    clearTimeout(this.flushTimer);
    this.flushDue = now + delay;
    this.flushTimer = setTimeout(flush, delay);
  }

  private flush(): void {
    this.flushScheduled = false;
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    this.lastFlushAt = performance.now();
    const state = this.api.getState();
    const patch: Partial<InspectorState> = {};
    let changed = false;
    if (this.incoming.length > 0) {
      changed = true;
      const { dropped, droppedIds } = this.insertIncoming();
      patch.dropped = state.dropped + dropped;
      const wanted = this.incomingSelection ?? state.selectedId;
      patch.selectedId = wanted !== undefined && !droppedIds.has(wanted) ? wanted : undefined;
      this.incomingSelection = undefined;
    }
    const ready = this.queue.takeResults();
    if (ready.size > 0) {
      changed = this.applyResults(ready) || changed;
      const keySetup = this.checks.statusAfter(state.keySetup, ready.values());
      if (keySetup !== state.keySetup) patch.keySetup = keySetup;
    }
    const pending = this.pendingCount();
    if (changed) {
      const selectedId = 'selectedId' in patch ? patch.selectedId : state.selectedId;
      const selected = selectedId === undefined ? undefined : this.collection.get(selectedId);
      const sessions = this.sessions.view(pending);
      this.api.setState({ ...patch, ...this.collection.views(), selected, pending, sessions });
    } else if (state.pending !== pending) {
      this.api.setState({ pending, sessions: this.sessions.view(pending) });
    }
  }

  /** Inserts the waiting captures, applies the caps, queues their checks newest first. */
  private insertIncoming(): { dropped: number; droppedIds: ReadonlySet<string> } {
    const added = this.incoming;
    this.incoming = [];
    const outcome = this.collection.add(added);
    this.sessions.dropped(outcome.droppedIds);
    // Newest first, so the rows at the top of the list are checked first.
    const newestFirst =
      added.length > 1 ? [...added].sort((a, b) => compareOldestFirst(b, a)) : added;
    for (const capture of newestFirst) {
      if (!outcome.droppedIds.has(capture.id)) this.queue.enqueue(capture);
    }
    this.queue.pump();
    return outcome;
  }

  private applyResults(ready: ReadonlyMap<string, Inspection>): boolean {
    let changed = false;
    for (const [id, inspection] of ready) {
      if (this.collection.inspect(id, inspection)) {
        changed = true;
        this.sessions.inspected(id);
      }
    }
    return changed;
  }
}
