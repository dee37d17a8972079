// SightingList: the virtualised, keyboard-navigable list of token sightings (newest first).
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { describeWhere, type Capture, type CaptureList, type JtiCounts } from '../lib/store';
import { ImportedBadge } from './ImportedBadge';
import { VerdictBadge } from './VerdictBadge';
import { VisibleText } from './UntrustedText';

/** Fixed row height in pixels: virtualisation computes positions from it (keep in sync with CSS). */
export const ROW_HEIGHT = 24;
/** Rows rendered above and below the visible window, so fast scrolling shows no gaps. */
export const OVERSCAN_ROWS = 8;
/** Viewport height assumed until the real one is measured (and where layout is unavailable). */
const FALLBACK_VIEWPORT_PX = 480;
const JTI_SHORT_CHARS = 8;

export interface SightingListProps {
  /** The rows to show, newest first (already filtered). */
  captures: CaptureList;
  selectedId: string | undefined;
  /** jti → number of captures carrying it, for duplicate highlighting. */
  jtiCounts: JtiCounts;
  onSelect: (id: string) => void;
  onNext: () => void;
  onPrev: () => void;
}

/** Renders only the rows in view (plus overscan), so thousands of captures stay cheap. */
export function SightingList({
  captures,
  selectedId,
  jtiCounts,
  onSelect,
  onNext,
  onPrev,
}: SightingListProps) {
  const viewport = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewportHeight, setViewportHeight] = useState(FALLBACK_VIEWPORT_PX);

  useLayoutEffect(() => {
    const element = viewport.current;
    if (!element) return;
    const measure = () => setViewportHeight(element.clientHeight || FALLBACK_VIEWPORT_PX);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const capturesRef = useRef(captures);
  capturesRef.current = captures;
  // Keep the selected row in view when the selection moves (keyboard navigation), but do not
  // scroll when new traffic arrives: that would yank the list away from what the user reads.
  useEffect(() => {
    const captures = capturesRef.current;
    const element = viewport.current;
    if (!element || selectedId === undefined) return;
    const index = captures.indexOf(selectedId);
    if (index === -1) return;
    const top = index * ROW_HEIGHT;
    const bottom = top + ROW_HEIGHT;
    if (top < element.scrollTop) element.scrollTop = top;
    else if (bottom > element.scrollTop + viewportHeight) {
      element.scrollTop = bottom - viewportHeight;
    }
    setScrollTop(element.scrollTop);
  }, [selectedId, viewportHeight]);

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN_ROWS);
  const last = Math.min(
    captures.length,
    Math.ceil((scrollTop + viewportHeight) / ROW_HEIGHT) + OVERSCAN_ROWS,
  );
  const rows = captures.slice(first, last);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      onNext();
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      onPrev();
    }
  };

  return (
    <div class="sighting-list">
      <div class="sighting-row sighting-head" aria-hidden="true">
        <span>Time</span>
        <span>Request</span>
        <span>Where</span>
        <span>Kind</span>
        <span>jti</span>
        <span>Verdict</span>
      </div>
      <div
        ref={viewport}
        class="sighting-viewport"
        role="listbox"
        aria-label="Captured tokens"
        aria-activedescendant={selectedId !== undefined ? `row-${selectedId}` : undefined}
        tabIndex={0}
        data-testid="sighting-list"
        onKeyDown={onKeyDown}
        onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
      >
        <div class="sighting-canvas" style={{ height: `${captures.length * ROW_HEIGHT}px` }}>
          {/* One offset for the whole window: a row arriving on top inserts one node instead of
              moving every rendered row. */}
          <div class="sighting-window" style={{ transform: `translateY(${first * ROW_HEIGHT}px)` }}>
            {rows.map((capture) => (
              <SightingRow
                key={capture.id}
                capture={capture}
                selected={capture.id === selectedId}
                seen={capture.jti ? (jtiCounts.get(capture.jti) ?? 0) : 0}
                onSelect={onSelect}
              />
            ))}
          </div>
        </div>
      </div>
    </div>
  );
}

interface SightingRowProps {
  capture: Capture;
  selected: boolean;
  /** How many captures carry this row's jti. */
  seen: number;
  onSelect: (id: string) => void;
}

function SightingRow({ capture, selected, seen, onSelect }: SightingRowProps) {
  const duplicate = seen > 1;
  const classes = ['sighting-row'];
  if (selected) classes.push('selected');
  if (duplicate) classes.push('duplicate-jti');
  if (capture.replay) classes.push('replay');
  const where = describeWhere(capture);
  return (
    <div
      id={`row-${capture.id}`}
      class={classes.join(' ')}
      role="option"
      aria-selected={selected}
      // Test contract: rows carry data-testid="token-row", data-jti and data-verdict once checked.
      data-testid={capture.verdict ? 'token-row' : 'token-row-pending'}
      data-jti={capture.jti}
      data-verdict={capture.verdict}
      data-imported={capture.imported ? '1' : undefined}
      title={duplicate ? `jti seen ${seen} times` : undefined}
      style={{ height: `${ROW_HEIGHT}px` }}
      onClick={() => onSelect(capture.id)}
    >
      <span class="cell-time">{formatTime(capture.exchange.time)}</span>
      <span class="cell-request" title={capture.exchange.url || undefined}>
        <VisibleText text={describeRequest(capture)} />
        {capture.imported && <ImportedBadge />}
      </span>
      <span class="cell-where" title={where}>
        <VisibleText text={where} />
      </span>
      <span class="cell-kind">{describeKind(capture)}</span>
      <span class="cell-jti" title={capture.jti || undefined}>
        <VisibleText text={shorten(capture.jti)} />
        {duplicate && <span class="duplicate-mark"> ×{seen}</span>}
      </span>
      <span class="cell-verdict">
        {capture.verdict ? (
          <VerdictBadge verdict={capture.verdict} />
        ) : (
          <span class="muted">checking…</span>
        )}
      </span>
    </div>
  );
}

/** "POST /api/v2/info" for network and HAR captures, a plain word for the others. */
export function describeRequest(capture: Pick<Capture, 'exchange' | 'replay'>): string {
  const { exchange } = capture;
  if (exchange.source === 'paste') return 'pasted token';
  const prefix = capture.replay ? 'replay ' : '';
  return `${prefix}${exchange.method} ${pathOf(exchange.url)}`.trim();
}

/** A readable kind: the inner kind for a decrypted JWE, "JWE (encrypted)" when not decrypted. */
export function describeKind(capture: Pick<Capture, 'inspection' | 'kind'>): string {
  const inspection = capture.inspection;
  if (!inspection) return '';
  if (inspection.format === 'jwe' && !inspection.inner) return 'JWE (encrypted)';
  if (inspection.format === 'invalid') return '—';
  return KIND_WORDS[capture.kind ?? inspection.kind] ?? String(capture.kind);
}

const KIND_WORDS: Record<string, string> = {
  'uqudo-result': 'Uqudo result',
  'uqudo-access-token': 'Uqudo access token',
  jwt: 'JWT',
  unknown: 'unknown',
};

function pathOf(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.pathname}${parsed.search}`;
  } catch {
    return url;
  }
}

// One formatter for all rows: toLocaleTimeString builds a new one per call, which is slow.
let timeFormat: Intl.DateTimeFormat | undefined;

function formatTime(ms: number): string {
  if (!ms || !Number.isFinite(ms)) return '—';
  timeFormat ??= new Intl.DateTimeFormat(undefined, {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
  });
  try {
    return timeFormat.format(ms);
  } catch {
    // Out-of-range dates from untrusted HAR files.
    return '—';
  }
}

function shorten(jti: string): string {
  return jti.length > JTI_SHORT_CHARS ? `${jti.slice(0, JTI_SHORT_CHARS)}…` : jti;
}
