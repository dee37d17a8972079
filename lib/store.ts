// createInspectorStore: the panel's single store — captures, selection, filter, settings, secrets, notices.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CapturedExchange, Sighting, SightingLocation } from './capture/exchange';
import { extractSightings } from './capture/extract';
import { parseHar } from './capture/har';
import { findTokens, normalizeTokenInput } from './jose/find';
import {
  describeInspectionFailure,
  verdictOf,
  type InspectOptions,
  type Inspection,
  type TokenKind,
  type Verdict,
} from './jose/inspect';
import type { DecryptionKey, KeyResolver } from './jose/keys';
import { sendReplay } from './replay/send';
import {
  createReplaySlice,
  initialReplayState,
  type ReplayActions,
  type ReplayDeps,
  type ReplayState,
} from './replay/slice';
import {
  prepareDecryptionKey,
  prepareKeys,
  type DecryptionSetup,
  type KeySetup,
  type SetupStatus,
} from './settings/checks';
import {
  DEFAULT_SETTINGS,
  EMPTY_SECRETS,
  changesChecks,
  expectationsOf,
  keySourceOf,
  mergeSettings,
  normalizeSettings,
  sameSettings,
  type KeySource,
  type PanelSecrets,
  type PanelSettings,
} from './settings/settings';

/** The part of an exchange kept with each capture (bodies are not kept: only the token is). */
export interface ExchangeSummary {
  id: string;
  /** Milliseconds since the epoch. */
  time: number;
  method: string;
  url: string;
  status: number;
  source: CapturedExchange['source'];
  bodyNote?: string;
}

/** One token sighting with its (eventual) inspection: one row of the list. */
export interface Capture {
  /** Unique within the store, never reused (results of cleared captures cannot land on new ones). */
  id: string;
  exchange: ExchangeSummary;
  sighting: Sighting;
  /** Absent until the first inspection finishes. */
  inspection?: Inspection;
  verdict?: Verdict;
  /** The token's jti, or the inner JWS's for a decrypted JWE; '' when none. */
  jti: string;
  kind?: TokenKind;
  /** The exchange was a replay made by the panel. */
  replay: boolean;
  /** Approximate memory this capture holds, counted against the byte budget. */
  bytes: number;
  /** Lower-cased text the filter box matches against (URL, jti, kind, findings…). */
  searchText: string;
  /** Arrival order; breaks ties between captures with the same time. */
  seq: number;
}

/** A message shown above the list until dismissed. */
export interface Notice {
  id: number;
  level: 'info' | 'warning' | 'error';
  text: string;
}

/** Bodies DevTools could not give us (drained into a Blob, service worker, too large…). */
export interface UnavailableBodies {
  count: number;
  lastUrl: string;
  lastNote: string;
}

/** Everything the panel shows. Replaced immutably; components select slices. */
export interface InspectorState {
  /** Newest first (by exchange time, then arrival). */
  captures: readonly Capture[];
  selectedId: string | undefined;
  filter: string;
  /** Captures dropped (oldest first) to stay within the caps, since the last clear. */
  dropped: number;
  /** Inspections queued or running. */
  pending: number;
  settings: PanelSettings;
  /** Memory only: never persisted, never logged. */
  secrets: PanelSecrets;
  keySetup: SetupStatus;
  decryptionSetup: SetupStatus;
  notices: readonly Notice[];
  unavailableBodies: UnavailableBodies | undefined;
  /** jti → number of captures carrying it; replaced only when a count changes. */
  jtiCounts: ReadonlyMap<string, number>;
  /** Replays of Uqudo's Info API: token (memory only), API base, requests, fetched images. */
  replay: ReplayState;
}

/** Outcome of pasting text that should contain a token. */
export type PasteResult = { ok: true; tokens: number } | { ok: false; error: string };
/** Outcome of importing a HAR file. */
export type ImportResult =
  { ok: true; exchanges: number; tokens: number } | { ok: false; error: string };

/** What the panel does to the store. All actions are safe with untrusted input and never throw. */
export interface InspectorActions {
  /** Adds the token sightings of one exchange (work done once; a repeated network id is ignored). */
  addExchange(exchange: CapturedExchange): number;
  /** Adds many exchanges in one state update (HAR import, backfill). Returns sightings added. */
  addExchanges(exchanges: readonly CapturedExchange[]): number;
  /** Checks pasted text: every token in it, or the whole text as one token. */
  addPastedToken(text: string): PasteResult;
  /** Imports a HAR document through the same pipeline; failures also become a notice. */
  importHar(text: string): ImportResult;
  clear(): void;
  /** The inspected page navigated: clears unless "Preserve log" is on. */
  navigated(url: string): void;
  select(id: string | undefined): void;
  /** Moves the selection one row down the visible (filtered) list. */
  selectNext(): void;
  /** Moves the selection one row up the visible (filtered) list. */
  selectPrev(): void;
  setFilter(text: string): void;
  /** Merges, normalises and persists settings; key or claim changes re-check every capture. */
  updateSettings(patch: Partial<PanelSettings>): void;
  /** Replaces settings without persisting them (e.g. once loaded from storage). */
  replaceSettings(settings: PanelSettings): void;
  /** Sets the JWE private key (memory only) and re-checks every capture. */
  setDecryptionKey(text: string): void;
  /** Rebuilds the key resolver (e.g. after host access was granted) and re-checks every capture. */
  reloadKeys(): void;
  /** Shows a message above the list (e.g. a file that could not be read). */
  notify(level: Notice['level'], text: string): void;
  dismissNotice(id: number): void;
}

/** The store: a zustand store API (for useStore/subscribe) plus the actions. */
export type InspectorStore = StoreApi<InspectorState> &
  InspectorActions & {
    /** Replay actions (lib/replay/slice.ts); their state is `state.replay`. */
    replay: ReplayActions;
  };

/** Memory bounds. */
export interface CaptureLimits {
  /** Captures kept; the oldest are dropped beyond this. */
  maxCaptures: number;
  /** Approximate bytes of token text kept across captures; the oldest are dropped beyond this. */
  maxBytes: number;
  /** Inspections run at the same time. */
  concurrency: number;
}

/** Everything the store needs from outside; all effects are injected. */
export interface InspectorStoreDeps {
  /** Inspects one token (inspectToken in the panel, a fake in some tests). */
  inspect: (token: string, options: InspectOptions) => Promise<Inspection>;
  /** Current time in milliseconds (default Date.now). */
  now?: () => number;
  /** The fetch used to load JWKS URLs (the panel's own fetch). */
  fetch?: typeof fetch;
  /** Initial settings (e.g. loaded from storage). */
  settings?: PanelSettings;
  /** Called with the new settings whenever the user changes them (persist them here). */
  saveSettings?: (settings: PanelSettings) => void;
  /** Builds verification keys from the key source (default: prepareKeys with `fetch`). */
  prepareKeys?: (source: KeySource | undefined) => Promise<KeySetup>;
  /** Builds the decryption key (default: prepareDecryptionKey). */
  prepareDecryptionKey?: (text: string) => Promise<DecryptionSetup>;
  limits?: Partial<CaptureLimits>;
  /** Replay effects (host access, session storage, object URLs) and overrides (sender, timeouts). */
  replay?: Partial<Omit<ReplayDeps, 'inspect' | 'now' | 'addExchange'>>;
}

/** Default bounds: 5,000 captures and ~64 MB of token text. */
export const DEFAULT_LIMITS: Readonly<CaptureLimits> = Object.freeze({
  maxCaptures: 5_000,
  maxBytes: 64 * 1024 * 1024,
  concurrency: 8,
});

/** URLs longer than this are cut in the stored summary (the token is what matters). */
const MAX_URL_CHARS = 8_192;
/** Private keys longer than this are not real keys; refuse them before parsing. */
const MAX_SECRET_CHARS = 200_000;
/** Pasted text longer than this is refused. */
const MAX_PASTE_CHARS = 16 * 1024 * 1024;
/** Network exchange ids remembered for de-duplication. */
const MAX_SEEN_IDS = 50_000;
const MAX_NOTICES = 5;
/** Fixed per-capture overhead counted in the byte budget (objects, strings besides the token). */
const CAPTURE_OVERHEAD_BYTES = 512;
/** How long new captures and finished inspections wait to be applied together. */
const FLUSH_DELAY_MS = 16;
/** Up to this many new captures are spliced into the list; more are merged by sorting. */
const SPLICE_LIMIT = 16;

/** What inspectToken needs besides the token, prepared once per settings change. */
interface PreparedChecks {
  keys?: KeyResolver;
  decryptionKey?: DecryptionKey;
  expectations: InspectOptions['expectations'];
  leeway: number;
}

/** Creates the panel's store. */
export function createInspectorStore(deps: InspectorStoreDeps): InspectorStore {
  const now = deps.now ?? (() => Date.now());
  const limits: CaptureLimits = { ...DEFAULT_LIMITS, ...deps.limits };
  const buildKeys =
    deps.prepareKeys ??
    ((source: KeySource | undefined) =>
      prepareKeys(source, deps.fetch ? { fetch: deps.fetch } : {}));
  const buildDecryptionKey = deps.prepareDecryptionKey ?? prepareDecryptionKey;

  const api = createStore<InspectorState>()(() => ({
    captures: [],
    selectedId: undefined,
    filter: '',
    dropped: 0,
    pending: 0,
    settings: normalizeSettings(deps.settings ?? DEFAULT_SETTINGS),
    secrets: { ...EMPTY_SECRETS },
    keySetup: { state: 'loading', description: 'Preparing keys…' },
    decryptionSetup: { state: 'none', description: '' },
    notices: [],
    unavailableBodies: undefined,
    jtiCounts: new Map(),
    replay: initialReplayState(deps.replay?.apiBase),
  }));
  const { getState: get, setState: set } = api;

  let seq = 0;
  let noticeSeq = 0;
  let totalBytes = 0;
  const seenNetworkIds = new Set<string>();

  // Checking pipeline. Each settings change bumps `generation`; results of older generations are
  // discarded, and queued work of older generations is skipped without running.
  let generation = 0;
  let keySignature: string | undefined;
  let keyPromise: Promise<KeySetup> = Promise.resolve({ state: 'none', description: '' });
  // What preparing the keys reported; shown again once fetching them works after a failure.
  let preparedKeyStatus: SetupStatus = { state: 'none', description: '' };
  let decryptionText: string | undefined;
  let decryptionPromise: Promise<DecryptionSetup> = Promise.resolve({
    state: 'none',
    description: '',
  });
  let checks: Promise<PreparedChecks> = prepareChecks(false);

  interface Job {
    captureId: string;
    token: string;
    context: Pick<InspectOptions, 'seenAs' | 'url'>;
    generation: number;
  }
  const queue: Job[] = [];
  let running = 0;
  const results = new Map<string, { generation: number; inspection: Inspection }>();
  let flushScheduled = false;
  // Captures waiting for the next flush, and the one to select then (a pasted token).
  let incoming: Capture[] = [];
  let incomingSelection: string | undefined;

  function prepareChecks(forceKeys: boolean): Promise<PreparedChecks> {
    const { settings, secrets } = get();
    const source = keySourceOf(settings);
    const signature = JSON.stringify(source ?? null);
    if (forceKeys || signature !== keySignature) {
      keySignature = signature;
      const promise = buildKeys(source).catch((error: unknown): KeySetup => ({
        state: 'error',
        description: describeError(error),
      }));
      keyPromise = promise;
      set({ keySetup: { state: 'loading', description: 'Preparing keys…' } });
      void promise.then((setup) => {
        if (keyPromise !== promise) return;
        preparedKeyStatus = statusOf(setup);
        set({ keySetup: preparedKeyStatus });
      });
    }
    if (secrets.decryptionKey !== decryptionText) {
      decryptionText = secrets.decryptionKey;
      const promise = buildDecryptionKey(secrets.decryptionKey).catch(
        (error: unknown): DecryptionSetup => ({
          state: 'error',
          description: describeError(error),
        }),
      );
      decryptionPromise = promise;
      set({ decryptionSetup: { state: 'loading', description: 'Reading the private key…' } });
      void promise.then((setup) => {
        if (decryptionPromise === promise) set({ decryptionSetup: statusOf(setup) });
      });
    }
    const expectations = expectationsOf(settings);
    const leeway = settings.leewaySeconds;
    return Promise.all([keyPromise, decryptionPromise]).then(([keys, decryption]) => {
      const prepared: PreparedChecks = { expectations, leeway };
      if (keys.resolver) prepared.keys = keys.resolver;
      if (decryption.key) prepared.decryptionKey = decryption.key;
      return prepared;
    });
  }

  function recheckAll(forceKeys: boolean): void {
    generation += 1;
    checks = prepareChecks(forceKeys);
    queue.length = 0;
    // Newest first, so the rows at the top of the list update first.
    for (const capture of get().captures) enqueue(capture);
    pump();
    set({ pending: pendingCount() });
  }

  function enqueue(capture: Capture): void {
    queue.push({
      captureId: capture.id,
      token: capture.sighting.token,
      context: contextOf(capture.sighting, capture.exchange.url),
      generation,
    });
  }

  function pump(): void {
    while (running < limits.concurrency && queue.length > 0) {
      const job = queue.shift() as Job;
      if (job.generation !== generation) continue;
      running += 1;
      void runJob(job);
    }
  }

  async function runJob(job: Job): Promise<void> {
    let inspection: Inspection;
    try {
      const prepared = await checks;
      const options: InspectOptions = {
        ...prepared,
        now: Math.floor(now() / 1000),
        ...job.context,
      };
      inspection = await deps.inspect(job.token, options);
    } catch (error) {
      // inspectToken never throws; this keeps a broken injected inspector from wedging the queue.
      inspection = describeInspectionFailure(error);
    }
    running -= 1;
    if (job.generation === generation) {
      results.set(job.captureId, { generation: job.generation, inspection });
    }
    scheduleFlush();
    pump();
  }

  // Results are applied in batches (one state update per ~frame for many finished inspections),
  // so thousands of captures arriving at once do not cost one list copy and render each.
  function scheduleFlush(): void {
    if (flushScheduled) return;
    flushScheduled = true;
    setTimeout(flush, FLUSH_DELAY_MS);
  }

  function flush(): void {
    flushScheduled = false;
    const state = get();
    const patch: Partial<InspectorState> = {};
    let captures = state.captures;
    let jtiCounts = state.jtiCounts;

    if (incoming.length > 0) {
      const inserted = insertIncoming(captures, jtiCounts);
      captures = inserted.captures;
      jtiCounts = inserted.jtiCounts;
      patch.dropped = state.dropped + inserted.dropped;
      const wanted = incomingSelection ?? state.selectedId;
      patch.selectedId =
        wanted !== undefined && !inserted.droppedIds.has(wanted) ? wanted : undefined;
      incomingSelection = undefined;
    }

    const ready = new Map<string, Inspection>();
    for (const [id, result] of results) {
      if (result.generation === generation) ready.set(id, result.inspection);
    }
    results.clear();
    if (ready.size > 0) {
      const jtiDelta = new Map<string, number>();
      captures = captures.map((capture) => {
        const inspection = ready.get(capture.id);
        if (!inspection) return capture;
        const updated = withInspection(capture, inspection);
        if (updated.jti !== capture.jti) {
          addCount(jtiDelta, capture.jti, -1);
          addCount(jtiDelta, updated.jti, 1);
        }
        return updated;
      });
      jtiCounts = applyCounts(jtiCounts, jtiDelta);
      const keySetup = keyStatusAfter(state.keySetup, [...ready.values()]);
      if (keySetup !== state.keySetup) patch.keySetup = keySetup;
    }

    const pending = pendingCount();
    if (captures !== state.captures) {
      set({ ...patch, captures, jtiCounts, pending });
    } else if (state.pending !== pending) {
      set({ pending });
    }
  }

  /** Merges the waiting captures into the newest-first list, applies the caps, queues checks. */
  function insertIncoming(
    current: readonly Capture[],
    counts: ReadonlyMap<string, number>,
  ): {
    captures: readonly Capture[];
    jtiCounts: ReadonlyMap<string, number>;
    dropped: number;
    droppedIds: Set<string>;
  } {
    const added = incoming.sort(compareNewestFirst);
    incoming = [];
    let captures: Capture[];
    if (added.length <= SPLICE_LIMIT) {
      captures = current.slice();
      for (const capture of added) captures.splice(insertionIndex(captures, capture), 0, capture);
    } else {
      captures = mergeNewestFirst(current, added);
    }
    for (const capture of added) totalBytes += capture.bytes;
    let dropped = 0;
    const droppedIds = new Set<string>();
    const jtiDelta = new Map<string, number>();
    while (
      captures.length > 0 &&
      (captures.length > limits.maxCaptures || totalBytes > limits.maxBytes)
    ) {
      const oldest = captures.pop() as Capture;
      totalBytes -= oldest.bytes;
      droppedIds.add(oldest.id);
      addCount(jtiDelta, oldest.jti, -1);
      dropped += 1;
    }
    // Newest first, so the rows at the top of the list are checked first.
    for (const capture of added) {
      if (!droppedIds.has(capture.id)) enqueue(capture);
    }
    pump();
    return { captures, jtiCounts: applyCounts(counts, jtiDelta), dropped, droppedIds };
  }

  /**
   * Key loading fails only when a token needs the keys (a JWKS URL is fetched lazily), so the
   * settings learn about it from the inspections: a keys-unavailable finding turns the key status
   * into that error; a later signature that could be checked restores the prepared status.
   */
  function keyStatusAfter(current: SetupStatus, inspections: Inspection[]): SetupStatus {
    if (current.state !== 'ready' && current.state !== 'error') return current;
    const all = inspections.flatMap((inspection) =>
      inspection.inner ? [inspection, inspection.inner] : [inspection],
    );
    const problem = all
      .flatMap((inspection) => inspection.findings)
      .find((finding) => ['keys-unavailable', 'key-source-refused'].includes(finding.code));
    if (problem) {
      return current.state === 'error' && current.description === problem.message
        ? current
        : { state: 'error', description: problem.message };
    }
    const checked = all.some(
      (inspection) => inspection.signature === 'valid' || inspection.signature === 'invalid',
    );
    return current.state === 'error' && checked && preparedKeyStatus.state === 'ready'
      ? preparedKeyStatus
      : current;
  }

  function pendingCount(): number {
    return incoming.length + queue.length + running;
  }

  function rememberNetworkId(id: string): boolean {
    if (seenNetworkIds.has(id)) return false;
    seenNetworkIds.add(id);
    if (seenNetworkIds.size > MAX_SEEN_IDS) {
      const oldest = seenNetworkIds.values().next().value;
      if (oldest !== undefined) seenNetworkIds.delete(oldest);
    }
    return true;
  }

  function capturesOf(exchange: CapturedExchange, sightings: readonly Sighting[]): Capture[] {
    const summary = summarize(exchange);
    const unique = new Map<string, Sighting>();
    for (const sighting of sightings) {
      unique.set(
        `${sighting.location}\u0000${sighting.path ?? ''}\u0000${sighting.token}`,
        sighting,
      );
    }
    return [...unique.values()].map((sighting) => {
      seq += 1;
      return {
        id: `c${seq}`,
        seq,
        exchange: summary,
        sighting,
        jti: '',
        replay: exchange.source === 'replay',
        bytes: sighting.token.length * 2 + summary.url.length + CAPTURE_OVERHEAD_BYTES,
        searchText: searchTextOf(summary, sighting),
      };
    });
  }

  /** Queues new captures; the next flush inserts them (one state update for a burst of traffic). */
  function accept(added: Capture[], patch: Partial<InspectorState> = {}): void {
    incoming.push(...added);
    if (added.length > 0) scheduleFlush();
    // The pending count is refreshed by each flush; here only the switch from idle to busy is
    // published, so a burst of requests does not re-render the panel once per request.
    if (get().pending === 0 && added.length > 0) patch = { ...patch, pending: pendingCount() };
    if (Object.keys(patch).length > 0) set(patch);
  }

  function addNotice(level: Notice['level'], text: string): readonly Notice[] {
    noticeSeq += 1;
    return [...get().notices, { id: noticeSeq, level, text }].slice(-MAX_NOTICES);
  }

  function reset(): void {
    totalBytes = 0;
    seenNetworkIds.clear();
    incoming = [];
    incomingSelection = undefined;
    queue.length = 0;
    results.clear();
    set({
      captures: [],
      selectedId: undefined,
      dropped: 0,
      pending: running,
      notices: [],
      unavailableBodies: undefined,
      jtiCounts: new Map(),
    });
  }

  function moveSelection(step: 1 | -1): void {
    const state = get();
    const visible = selectVisibleCaptures(state);
    if (visible.length === 0) return;
    const index = visible.findIndex((capture) => capture.id === state.selectedId);
    const next = index === -1 ? 0 : Math.min(visible.length - 1, Math.max(0, index + step));
    const target = visible[next];
    if (target && target.id !== state.selectedId) set({ selectedId: target.id });
  }

  const actions: InspectorActions = {
    addExchange(exchange) {
      return actions.addExchanges([exchange]);
    },

    addExchanges(exchanges) {
      const added: Capture[] = [];
      let unavailable = get().unavailableBodies;
      for (const exchange of exchanges) {
        if (exchange.source === 'network' && !rememberNetworkId(exchange.id)) continue;
        let sightings: Sighting[];
        try {
          sightings = extractSightings(exchange);
        } catch {
          // extractSightings never throws by contract; one bad exchange must not stop capture.
          sightings = [];
        }
        if (exchange.bodyNote && sightings.length === 0) {
          unavailable = {
            count: (unavailable?.count ?? 0) + 1,
            lastUrl: capText(exchange.url, MAX_URL_CHARS),
            lastNote: exchange.bodyNote,
          };
        }
        added.push(...capturesOf(exchange, sightings));
      }
      const patch: Partial<InspectorState> =
        unavailable !== get().unavailableBodies ? { unavailableBodies: unavailable } : {};
      accept(added, patch);
      return added.length;
    },

    addPastedToken(text) {
      if (text.length > MAX_PASTE_CHARS) {
        return { ok: false, error: 'The pasted text is too large (limit 16 MB).' };
      }
      const normalized = normalizeTokenInput(text);
      if (normalized === '') return { ok: false, error: 'Paste a token first.' };
      const found = findTokens(text).map((token) => token.token);
      // Nothing recognisable: still check the text as one token so the user sees why it fails.
      const tokens = found.length > 0 ? found : [normalized];
      const time = now();
      seq += 1;
      const exchange: CapturedExchange = {
        id: `paste-${seq}`,
        time,
        method: '',
        url: '',
        status: 0,
        requestHeaders: [],
        responseHeaders: [],
        source: 'paste',
      };
      const sightings = tokens.map((token, index): Sighting => ({
        location: 'request.body',
        path: tokens.length > 1 ? `pasted #${index + 1}` : 'pasted',
        token,
      }));
      const added = capturesOf(exchange, sightings);
      incomingSelection = added[0]?.id;
      accept(added);
      return { ok: true, tokens: added.length };
    },

    importHar(text) {
      const parsed = parseHar(text);
      if (!parsed.ok) {
        set({ notices: addNotice('error', `HAR import failed: ${parsed.error}`) });
        return { ok: false, error: parsed.error };
      }
      const tokens = actions.addExchanges(parsed.exchanges);
      const requests = parsed.exchanges.length;
      const summary =
        tokens > 0
          ? `Imported ${plural(requests, 'request')} from the HAR file: ${plural(tokens, 'token')} found.`
          : `Imported ${plural(requests, 'request')} from the HAR file: no tokens found in them.`;
      set({ notices: addNotice(tokens > 0 ? 'info' : 'warning', summary) });
      return { ok: true, exchanges: requests, tokens };
    },

    clear() {
      reset();
    },

    navigated() {
      if (!get().settings.preserveLog) reset();
    },

    select(id) {
      if (id === get().selectedId) return;
      if (id !== undefined && !get().captures.some((capture) => capture.id === id)) return;
      set({ selectedId: id });
    },

    selectNext() {
      moveSelection(1);
    },

    selectPrev() {
      moveSelection(-1);
    },

    setFilter(text) {
      if (text !== get().filter) set({ filter: text });
    },

    updateSettings(patch) {
      const before = get().settings;
      const after = mergeSettings(before, patch);
      if (sameSettings(before, after)) return;
      set({ settings: after });
      deps.saveSettings?.(after);
      if (changesChecks(before, after)) recheckAll(false);
    },

    replaceSettings(settings) {
      const before = get().settings;
      const after = normalizeSettings(settings);
      if (sameSettings(before, after)) return;
      set({ settings: after });
      if (changesChecks(before, after)) recheckAll(false);
    },

    setDecryptionKey(text) {
      if (text.length > MAX_SECRET_CHARS) {
        set({
          decryptionSetup: { state: 'error', description: 'That is too long to be a private key.' },
        });
        return;
      }
      if (text === get().secrets.decryptionKey) return;
      set({ secrets: { ...get().secrets, decryptionKey: text } });
      recheckAll(false);
    },

    reloadKeys() {
      recheckAll(true);
    },

    notify(level, text) {
      set({ notices: addNotice(level, capText(text, 2_000)) });
    },

    dismissNotice(id) {
      set({ notices: get().notices.filter((notice) => notice.id !== id) });
    },
  };

  // Replayed results enter the list through the same pipeline as captured traffic (source 'replay').
  const replay = createReplaySlice(
    {
      send: sendReplay,
      ...deps.replay,
      inspect: deps.inspect,
      now,
      addExchange: (exchange) => actions.addExchange(exchange),
    },
    {
      get: () => get().replay,
      set: (patch) => set({ replay: { ...get().replay, ...patch } }),
    },
  );
  return Object.assign(api, actions, { replay });
}

const visibleCache = new WeakMap<
  readonly Capture[],
  { filter: string; visible: readonly Capture[] }
>();

/**
 * The captures the filter lets through, newest first. Memoised on (captures, filter) identity so
 * components re-render only when either changes. Every whitespace-separated term must match the
 * URL, method, jti, kind, location, verdict or a finding.
 */
export function selectVisibleCaptures(state: InspectorState): readonly Capture[] {
  const terms = state.filter.toLowerCase().split(/\s+/).filter(Boolean);
  if (terms.length === 0) return state.captures;
  const cached = visibleCache.get(state.captures);
  if (cached && cached.filter === state.filter) return cached.visible;
  const visible = state.captures.filter((capture) =>
    terms.every((term) => capture.searchText.includes(term)),
  );
  visibleCache.set(state.captures, { filter: state.filter, visible });
  return visible;
}

/** How many captures carry each jti (maintained incrementally by the store). */
export function selectJtiCounts(state: InspectorState): ReadonlyMap<string, number> {
  return state.jtiCounts;
}

/** The selected capture, if it still exists. */
export function selectSelectedCapture(state: InspectorState): Capture | undefined {
  if (state.selectedId === undefined) return undefined;
  return state.captures.find((capture) => capture.id === state.selectedId);
}

/** The jti to show for an inspection: the token's, or the inner JWS's for a decrypted JWE. */
export function readJti(inspection: Inspection): string {
  const source = inspection.inner ?? inspection;
  const payload = source.payload;
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return '';
  const jti = (payload as Record<string, unknown>).jti;
  return typeof jti === 'string' ? capText(jti, 256) : '';
}

/** Where the token was seen, in words: "response body $.data.jws", "Authorization header", "pasted". */
export function describeWhere(capture: Pick<Capture, 'exchange' | 'sighting'>): string {
  if (capture.exchange.source === 'paste') return capture.sighting.path ?? 'pasted';
  const place = LOCATION_WORDS[capture.sighting.location];
  return capture.sighting.path ? `${place} ${capture.sighting.path}` : place;
}

const LOCATION_WORDS: Record<SightingLocation, string> = {
  'request.header': 'request header',
  'request.body': 'request body',
  'request.query': 'query',
  'response.header': 'response header',
  'response.body': 'response body',
};

function contextOf(sighting: Sighting, url: string): Pick<InspectOptions, 'seenAs' | 'url'> {
  const context: Pick<InspectOptions, 'seenAs' | 'url'> = {};
  if (url) context.url = url;
  const seenAs = sighting.seenAs ?? inferSeenAs(sighting, url);
  if (seenAs) context.seenAs = seenAs;
  return context;
}

function inferSeenAs(sighting: Sighting, url: string): InspectOptions['seenAs'] {
  if (sighting.location === 'request.header' && sighting.path?.toLowerCase() === 'authorization') {
    return 'bearer';
  }
  if (sighting.location === 'response.body' && pathnameOf(url).endsWith('/oauth/token')) {
    return 'token-endpoint';
  }
  return undefined;
}

function pathnameOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return '';
  }
}

function summarize(exchange: CapturedExchange): ExchangeSummary {
  const summary: ExchangeSummary = {
    id: exchange.id,
    time: Number.isFinite(exchange.time) ? exchange.time : 0,
    method: capText(exchange.method, 32),
    url: capText(exchange.url, MAX_URL_CHARS),
    status: exchange.status,
    source: exchange.source,
  };
  if (exchange.bodyNote) summary.bodyNote = capText(exchange.bodyNote, 1_000);
  return summary;
}

function withInspection(capture: Capture, inspection: Inspection): Capture {
  const verdict = verdictOf(inspection);
  const jti = readJti(inspection);
  const kind = inspection.inner?.kind ?? inspection.kind;
  const findings = [...inspection.findings, ...(inspection.inner?.findings ?? [])];
  const searchText = [
    searchTextOf(capture.exchange, capture.sighting),
    jti,
    kind,
    verdict,
    ...findings.map((finding) => `${finding.code} ${finding.message}`),
  ]
    .join('\n')
    .toLowerCase();
  return { ...capture, inspection, verdict, jti, kind, searchText };
}

function searchTextOf(exchange: ExchangeSummary, sighting: Sighting): string {
  return [exchange.method, exchange.url, exchange.source, describeWhere({ exchange, sighting })]
    .join('\n')
    .toLowerCase();
}

function compareNewestFirst(a: Capture, b: Capture): number {
  return b.exchange.time - a.exchange.time || b.seq - a.seq;
}

/** Merges two newest-first lists in linear time. */
function mergeNewestFirst(a: readonly Capture[], b: readonly Capture[]): Capture[] {
  const merged: Capture[] = new Array<Capture>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) {
    const left = a[i] as Capture;
    const right = b[j] as Capture;
    if (compareNewestFirst(left, right) <= 0) {
      merged[k++] = left;
      i += 1;
    } else {
      merged[k++] = right;
      j += 1;
    }
  }
  while (i < a.length) merged[k++] = a[i++] as Capture;
  while (j < b.length) merged[k++] = b[j++] as Capture;
  return merged;
}

/** Binary search for where `capture` goes in a newest-first list. */
function insertionIndex(captures: readonly Capture[], capture: Capture): number {
  let low = 0;
  let high = captures.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compareNewestFirst(captures[middle] as Capture, capture) <= 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

function addCount(delta: Map<string, number>, jti: string, change: number): void {
  if (jti) delta.set(jti, (delta.get(jti) ?? 0) + change);
}

/** The counts with `delta` applied; the same map when nothing changes (stable reference). */
function applyCounts(
  counts: ReadonlyMap<string, number>,
  delta: ReadonlyMap<string, number>,
): ReadonlyMap<string, number> {
  const changes = [...delta].filter(([, change]) => change !== 0);
  if (changes.length === 0) return counts;
  const next = new Map(counts);
  for (const [jti, change] of changes) {
    const count = (next.get(jti) ?? 0) + change;
    if (count > 0) next.set(jti, count);
    else next.delete(jti);
  }
  return next;
}

function statusOf(setup: SetupStatus): SetupStatus {
  return { state: setup.state, description: setup.description };
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function capText(text: string, max: number): string {
  return typeof text !== 'string' ? '' : text.length > max ? `${text.slice(0, max)}…` : text;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
