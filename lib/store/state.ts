// The shapes of the panel's store: its state, its actions and what it needs from outside.
import type { StoreApi } from 'zustand/vanilla';
import type { CapturedExchange } from '../capture/exchange';
import type { Inspection } from '../jose/inspect';
import type { UqudoInspectOptions } from '../uqudo/inspect';
import type { LazyReplayActions } from '../replay/lazy-slice';
import type { ReplayDeps, ReplayState } from '../replay/slice';
import type { DecryptionSetup, KeySetup, SetupStatus } from '../settings/checks';
import type { KeySource, PanelSecrets, PanelSettings } from '../settings/settings';
import type { Capture } from './capture';
import type { CaptureList } from './capture-list';
import type { CollectionLimits, JtiCounts } from './collection';
import type { NavigationMarker } from './markers';
import type { DownloadFile } from '../export/download';
import type { EvidenceActions, EvidenceState } from './evidence-slice';
import type { Notice } from './notices';
import type { AccessState, OriginAccess } from '../permissions/access';
import type { OriginAccessState } from '../permissions/store';
import type { SessionsView } from './session-tracker';

/** How the list pane shows captures: grouped into Uqudo sessions, or one row per token. */
export type ListMode = 'sessions' | 'tokens';

/** Bodies DevTools could not give us (drained into a Blob, service worker, too large…). */
export interface UnavailableBodies {
  count: number;
  lastUrl: string;
  lastNote: string;
}

/** Everything the panel shows. Replaced immutably; components select slices. */
export interface InspectorState {
  /** Newest first (by exchange time, then arrival); a new view object per change. */
  captures: CaptureList;
  /** The captures the filter lets through (the same view as `captures` without a filter). */
  visible: CaptureList;
  selectedId: string | undefined;
  /** The selected capture (kept current as its inspection finishes). */
  selected: Capture | undefined;
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
  /** jti → number of captures carrying it; a new view only when a count changes. */
  jtiCounts: JtiCounts;
  /** JWKS URL → captures whose iss suggests it (live; a change comes with a new `captures` view). */
  keySuggestions: ReadonlyMap<string, number>;
  /** Uqudo sessions grouped from the captures (a new view whenever a session changed). */
  sessions: SessionsView;
  listMode: ListMode;
  /** Navigations seen while Preserve log was on, newest first (lines in the flat list). */
  markers: readonly NavigationMarker[];
  /** The list pane's width in pixels once the user moved the splitter (memory only). */
  listWidth: number | undefined;
  /** Replays of Uqudo's Info API: token (memory only), API base, requests, fetched images. */
  replay: ReplayState;
  /** Host access per origin, for the JWKS URL (lib/store/key-access.ts). */
  originAccess: OriginAccessState;
  /** Imported evidence reports (lib/store/evidence-slice.ts). */
  evidence: EvidenceState;
}

/** Outcome of pasting text that should contain a token. */
export type PasteResult = { ok: true; tokens: number } | { ok: false; error: string };
/** Outcome of importing a HAR file. */
export type ImportResult =
  { ok: true; exchanges: number; tokens: number } | { ok: false; error: string };

/** A file picked or dropped by the user (a DOM File satisfies it). */
export interface ImportFile {
  name: string;
  size: number;
}

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
  /** Reads a picked or dropped HAR file (through the readFile port) and imports it. */
  importHarFile(file: ImportFile): Promise<ImportResult>;
  clear(): void;
  /** The inspected page navigated: clears unless "Preserve log" is on, else adds a marker. */
  navigated(url: string): void;
  select(id: string | undefined): void;
  /** Moves the selection one row down the visible (filtered) list. */
  selectNext(): void;
  /** Moves the selection one row up the visible (filtered) list. */
  selectPrev(): void;
  /** Selects the first (newest) row of the visible list (Home). */
  selectFirst(): void;
  /** Selects the last (oldest) row of the visible list (End). */
  selectLast(): void;
  setFilter(text: string): void;
  /** Shows sessions or the flat token list. */
  setListMode(mode: ListMode): void;
  /** Remembers the list pane's width (pixels, from the splitter). */
  setListWidth(width: number): void;
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
    /** Replay actions (lib/replay/slice.ts, loaded on first use); their state is `state.replay`. */
    replay: LazyReplayActions;
    /** Export and import of evidence reports (lib/store/evidence-slice.ts). */
    evidence: EvidenceActions;
    /** Host access to the JWKS URL's origin (createKeyAccess in lib/store/key-access.ts); its state is `state.originAccess`. */
    keyAccess: KeyAccessActions;
  };

/** What the key line and Settings dispatch for the JWKS URL's host access. Neither action throws. */
export interface KeyAccessActions {
  /** Reads whether the JWKS origin may be fetched (no click needed); undefined when no JWKS URL is set. */
  check(): Promise<AccessState | undefined>;
  /**
   * Asks the user for the JWKS origin. The browser prompt is opened before any await, so call this
   * synchronously from the click. On a grant the keys are fetched again and every token re-checked.
   */
  request(): Promise<AccessState | undefined>;
}

/** Memory bounds. */
export interface CaptureLimits extends CollectionLimits {
  /** Inspections run at the same time. */
  concurrency: number;
}

/** Everything the store needs from outside; all effects are injected. */
export interface InspectorStoreDeps {
  /** Inspects one token (inspectUqudoToken in the panel, a fake in some tests). */
  inspect: (token: string, options: UqudoInspectOptions) => Promise<Inspection>;
  /** Current time in milliseconds (default Date.now). */
  now?: () => number;
  /** Runs `task` once, a little later (default: a 16 ms timer), to apply work in batches. */
  schedule?: (task: () => void) => void;
  /** Reads a picked or dropped file as text (default: `file.text()` when it has one). */
  readFile?: (file: ImportFile) => Promise<string>;
  /** The fetch used to load JWKS URLs (the panel's own fetch). */
  fetch?: typeof fetch;
  /** Host permission for the JWKS URL's origin, asked from a click (browser.permissions in the panel). */
  originAccess?: OriginAccess;
  /** Initial settings (e.g. loaded from storage). */
  settings?: PanelSettings;
  /** Called with the new settings whenever the user changes them (persist them here). */
  saveSettings?: (settings: PanelSettings) => void;
  /** Builds verification keys from the key source (default: prepareKeys with `fetch`). */
  prepareKeys?: (source: KeySource | undefined) => Promise<KeySetup>;
  /** Builds the decryption key (default: prepareDecryptionKey). */
  prepareDecryptionKey?: (text: string) => Promise<DecryptionSetup>;
  limits?: Partial<CaptureLimits>;
  /** Sees every exchange offered to the store (repeats included), e.g. to keep a backend post's request. */
  observeExchange?: (exchange: CapturedExchange) => void;
  /** Saves an export (default: a Blob URL and an anchor click in the panel page). */
  download?: (file: DownloadFile) => void;
  /** Replay effects (host access, session storage, object URLs) and overrides (sender, timeouts). */
  replay?: Partial<Omit<ReplayDeps, 'inspect' | 'now' | 'addExchange'>>;
}
