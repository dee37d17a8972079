// Real-panel scale run: a loopback page fires 20,000 requests (2,000 tokens) with the Uqudo panel open.
import type { Frame, Page } from 'puppeteer-core';
import { openPanel, waitFor, type PanelSession } from '../../tests/e2e/harness';
import { filterLatency, pairedFilterLatency } from './panel-filter';
import { spreadOf, valueRow, type BenchRow, type Spread } from './measure';
import { tokensIn, type BurstSite } from './panel-page';

const REQUESTS = 20_000;
const SMALL_REQUESTS = 1_000;
/** Requests the page keeps in flight (Chromium allows 6 connections per host on HTTP/1.1). */
const CONCURRENCY = 12;
/** Keystrokes per panel in the filter row. */
const FILTER_SAMPLES = 31;
const MB = 1024 * 1024;

/** Every token the page sent or received is listed or counted as dropped. */
const LOST_BUDGET = 0;
/** The list keeps up: the last row within 100 ms (a few frames) of the last response. */
const LAST_ROW_BUDGET_MS = 100;
/** A keystroke in the filter costs about the same with 2,000 captures as with 100. */
const FILTER_BUDGET = 1.5;
/** The list is virtualised: a screenful of rows in the DOM, whatever the capture count. */
const DOM_ROWS_BUDGET = 100;
/** Heap the panel may hold after the burst (the DevTools process is shared with the page's tools). */
const HEAP_BUDGET_MB = 150;
/** Clear gives the memory back: within 1.25× of the heap before the burst. */
const CLEAR_BUDGET = 1.25;

interface Counts {
  total: number;
  shown: number;
  dropped: number;
  text: string;
}

async function readCounts(panel: Frame): Promise<Counts> {
  const text = await panel.$eval('[data-testid="counts"]', (el) => el.textContent ?? '');
  const of = /(\d+) of (\d+) tokens?/.exec(text);
  const all = /(\d+) tokens?/.exec(text);
  const total = Number(of?.[2] ?? all?.[1] ?? 0);
  const shown = Number(of?.[1] ?? total);
  const dropped = Number(/(\d+) dropped/.exec(text)?.[1] ?? 0);
  return { total, shown, dropped, text };
}

/** Waits until the panel lists (or counts as dropped) `expected` captures; what it reached if not. */
async function waitForCaptures(panel: Frame, expected: number, timeoutMs: number): Promise<Counts> {
  try {
    return await waitFor(
      `${expected} captures in the panel`,
      async () => {
        const counts = await readCounts(panel);
        return counts.total + counts.dropped >= expected ? counts : undefined;
      },
      timeoutMs,
      20,
    );
  } catch {
    return readCounts(panel);
  }
}

/** The panel's JS heap after a forced garbage collection, in MB. */
async function panelHeapMb(panel: Frame): Promise<number> {
  const client = (panel as unknown as { client: { send(method: string): Promise<unknown> } })
    .client;
  await client.send('HeapProfiler.collectGarbage');
  const usage = (await client.send('Runtime.getHeapUsage')) as { usedSize: number };
  return usage.usedSize / MB;
}

/**
 * How far the panel's `Date.now()` runs ahead of this process's (ms), from the round trip with the
 * shortest duration of a few: the panel's reading is placed mid-trip, so the error is at most half
 * that trip. The server runs in this process, so this puts both ends of "last response → last row"
 * on one clock.
 */
async function panelClockOffset(panel: Frame): Promise<{ offset: number; error: number }> {
  let best = { offset: 0, error: Number.POSITIVE_INFINITY };
  for (let i = 0; i < 5; i++) {
    const sent = Date.now();
    const panelNow = await panel.evaluate(() => Date.now());
    const received = Date.now();
    const error = (received - sent) / 2;
    if (error < best.error) best = { offset: panelNow - (sent + received) / 2, error };
  }
  return best;
}

/** Records in the panel when the counts first show `expected` captures (wall clock, ms). */
async function watchForTotal(panel: Frame, expected: number): Promise<void> {
  await panel.evaluate((wanted) => {
    const w = window as unknown as { __reachedAt?: number };
    w.__reachedAt = undefined;
    const counts = document.querySelector('[data-testid="counts"]') as HTMLElement;
    const reached = () => {
      const match = /(\d+) tokens?/.exec(counts.textContent ?? '');
      const dropped = Number(/(\d+) dropped/.exec(counts.textContent ?? '')?.[1] ?? 0);
      if (match && Number(match[1]) + dropped >= wanted && w.__reachedAt === undefined) {
        w.__reachedAt = Date.now();
        observer.disconnect();
      }
    };
    const observer = new MutationObserver(reached);
    observer.observe(counts, { childList: true, characterData: true, subtree: true });
  }, expected);
}

/**
 * Records in the panel when DevTools hands over each token-carrying request (`onRequestFinished`,
 * a listener beside the panel's own, added after it so it runs after it): the time, by URL path,
 * that splits "last response → last row" into DevTools' part and the panel's.
 */
async function watchRequestsFinished(panel: Frame): Promise<void> {
  await panel.evaluate(() => {
    const w = window as unknown as { __finishedAt: Record<string, number> };
    w.__finishedAt = {};
    (globalThis as any).chrome.devtools.network.onRequestFinished.addListener(
      (request: { request: { url: string } }) => {
        const path = new URL(request.request.url).pathname;
        if (/^\/api\/[ab]\/(tok|auth|body)\//.test(path)) w.__finishedAt[path] = Date.now();
      },
    );
  });
}

/** The longest a burst may take (the 20,000-request one takes minutes on a loaded 2-core machine). */
const BURST_TIMEOUT_MS = 20 * 60_000;

/**
 * Runs one burst in the page. It is started and then awaited by polling rather than by one
 * `evaluate` that spans it: a single protocol call would hit puppeteer's protocol timeout when a
 * loaded machine stretches the 20,000-request burst past three minutes. The time is the page's own.
 */
export async function burst(page: Page, run: number, requests: number) {
  await page.evaluate(
    (r, n, c) => {
      const w = window as unknown as {
        runBurst(r: number, n: number, c: number): Promise<{ burstMs: number }>;
        __burst?: { burstMs: number };
      };
      w.__burst = undefined;
      void w.runBurst(r, n, c).then((result) => {
        w.__burst = result;
      });
    },
    run,
    requests,
    CONCURRENCY,
  );
  return waitFor(
    `burst ${run} of ${requests} requests`,
    () => page.evaluate(() => (window as unknown as { __burst?: { burstMs: number } }).__burst),
    BURST_TIMEOUT_MS,
    250,
  );
}

/** tsx keeps function names with a `__name` helper, which functions sent to a frame then call. */
export async function defineNameHelper(frame: Frame | Page): Promise<void> {
  await frame.evaluate('globalThis.__name = globalThis.__name || ((f) => f)');
}

export async function clearPanel(session: PanelSession): Promise<void> {
  await session.panel.click('[data-testid="clear"]');
  await waitFor('an empty list', async () =>
    (await readCounts(session.panel)).total === 0 ? true : undefined,
  );
}

/** What the scale run measured in the panel. */
interface ScaleMeasures {
  expected: number;
  counts: Counts;
  lastRowMs: number;
  /** Of lastRowMs: until DevTools handed the last response's request to the panel, and after. */
  lastRowSplit: { devtoolsMs: number; panelMs: number } | undefined;
  /** The panel clock's offset from this process's, and the offset's error bound (ms). */
  clock: { offset: number; error: number };
  domRows: number;
  heapBefore: number;
  heapAfter: number;
  heapCleared: number;
  /** Keystrokes in this panel at 100 captures, before the burst (they also warm the filter code). */
  filterBefore: Spread;
  /** Keystrokes at 2,000 captures here, each paired with one at 100 in a second browser. */
  filter: { subject: number[]; baseline: number[] };
}

/** Warm-up: one token request (the live listener is attached), then 100 captures listed. */
async function fillSmall(session: PanelSession): Promise<void> {
  await defineNameHelper(session.panel);
  await defineNameHelper(session.page);
  await burst(session.page, 0, 11);
  await waitForCaptures(session.panel, 1, 20_000);
  await clearPanel(session);
  await burst(session.page, 1, SMALL_REQUESTS);
  await waitForCaptures(session.panel, tokensIn(SMALL_REQUESTS), 30_000);
}

/**
 * Filter keystrokes in this panel (2,000 captures) paired with keystrokes in a second browser's
 * panel holding 100 captures, so that both sizes are measured under the same load.
 */
async function pairedFilter(session: PanelSession, site: BurstSite) {
  const small = await openPanel(site.url);
  try {
    await fillSmall(small);
    return await pairedFilterLatency(session, small, FILTER_SAMPLES);
  } finally {
    await small.close();
  }
}

/** Warm-up, filter at 100 captures, then the 20,000-request burst and what follows it. */
async function measureScale(
  session: PanelSession,
  site: BurstSite,
): Promise<ScaleMeasures & { burstMs: number }> {
  await fillSmall(session);
  const filterBefore = spreadOf(await filterLatency(session, FILTER_SAMPLES));
  await clearPanel(session);
  const heapBefore = await panelHeapMb(session.panel);

  const expected = tokensIn(REQUESTS);
  await watchForTotal(session.panel, expected);
  await watchRequestsFinished(session.panel);
  const { burstMs } = await burst(session.page, 2, REQUESTS);
  const counts = await waitForCaptures(session.panel, expected, 60_000);
  // Read now: the second browser of the filter row sends traffic to the same site later.
  const lastResponseAt = site.lastResponseAt();
  const reachedAt = await session.panel.evaluate(
    () => (window as unknown as { __reachedAt?: number }).__reachedAt,
  );
  const finishedAt = await session.panel.evaluate(
    (path) => (window as unknown as { __finishedAt: Record<string, number> }).__finishedAt[path],
    site.lastResponsePath(),
  );
  const clock = await panelClockOffset(session.panel);
  const domRows = await session.panel.$$eval('[data-testid="token-row"]', (r) => r.length);
  const heapAfter = await panelHeapMb(session.panel);
  const filter = await pairedFilter(session, site);
  await clearPanel(session);
  const heapCleared = await panelHeapMb(session.panel);
  const lastRowMs =
    reachedAt === undefined ? Number.POSITIVE_INFINITY : reachedAt - clock.offset - lastResponseAt;
  const lastRowSplit =
    reachedAt === undefined || finishedAt === undefined
      ? undefined
      : {
          devtoolsMs: finishedAt - clock.offset - lastResponseAt,
          panelMs: reachedAt - finishedAt,
        };
  return {
    expected,
    counts,
    lastRowMs,
    lastRowSplit,
    clock,
    domRows,
    heapBefore,
    heapAfter,
    heapCleared,
    filterBefore,
    filter,
    burstMs,
  };
}

/** "; DevTools handed that request to the panel after N ms, the count was complete M ms later". */
function describeSplit(split: ScaleMeasures['lastRowSplit']): string {
  if (!split) return '';
  return `; DevTools handed that request to the panel after ${split.devtoolsMs.toFixed(0)} ms, the panel's count was complete ${split.panelMs.toFixed(0)} ms later (getContent, extraction, batching, render)`;
}

/** The scale run's rows (all but the page-burst comparison). */
function scaleRows(m: ScaleMeasures): BenchRow[] {
  const { counts, expected } = m;
  const input = `${REQUESTS.toLocaleString('en')} requests, ${expected.toLocaleString('en')} tokens`;
  const row = (fields: Omit<BenchRow, 'pass' | 'value' | 'group'> & { value: Spread | number }) =>
    valueRow({ group: 'panel', ...fields });
  return [
    row({
      name: 'captures lost',
      input,
      unit: 'count',
      value: Math.max(0, expected - counts.total - counts.dropped),
      budget: LOST_BUDGET,
      baseline: `listed ${counts.total} + dropped ${counts.dropped} of ${expected}`,
    }),
    row({
      name: 'last response → last row',
      input,
      unit: 'ms',
      value: m.lastRowMs,
      budget: LAST_ROW_BUDGET_MS,
      baseline: `server writes the last token-carrying response → the panel's count is complete, on one clock (panel clock offset ${m.clock.offset.toFixed(1)} ± ${m.clock.error.toFixed(1)} ms)${describeSplit(m.lastRowSplit)}`,
    }),
    row({
      name: 'DOM rows',
      input: `${counts.total} captures listed`,
      unit: 'count',
      value: m.domRows,
      budget: DOM_ROWS_BUDGET,
      baseline: 'virtualised list: rows in the DOM',
    }),
    row({
      name: 'panel heap after the burst',
      input,
      unit: 'MB',
      value: m.heapAfter,
      budget: HEAP_BUDGET_MB,
      baseline: `after GC; ${m.heapBefore.toFixed(1)} MB before the burst`,
    }),
    row({
      name: 'panel heap after Clear',
      input,
      unit: '×',
      value: m.heapCleared / m.heapBefore,
      budget: CLEAR_BUDGET,
      baseline: `after GC: ${m.heapCleared.toFixed(1)} MB vs ${m.heapBefore.toFixed(1)} MB before the burst`,
    }),
    row({
      name: 'filter keystroke latency',
      input: `${counts.total} vs ${tokensIn(SMALL_REQUESTS)} captures`,
      unit: '×',
      value: spreadOf(m.filter.subject.map((ms, i) => ms / m.filter.baseline[i]!)),
      budget: FILTER_BUDGET,
      baseline: `input event → counts updated, ${FILTER_SAMPLES} keystrokes each, alternating with a second browser's panel holding ${tokensIn(SMALL_REQUESTS)} captures (${spreadOf(m.filter.subject).median.toFixed(1)} vs ${spreadOf(m.filter.baseline).median.toFixed(1)} ms; this panel at ${tokensIn(SMALL_REQUESTS)} captures before the burst: ${m.filterBefore.median.toFixed(1)} ms)`,
    }),
  ];
}

/** The scale run's rows, and how long its 20,000-request burst took (in a fresh panel session). */
export async function benchScaleRows(
  site: BurstSite,
): Promise<{ rows: BenchRow[]; burstMs: number }> {
  const session = await openPanel(site.url);
  try {
    const measured = await measureScale(session, site);
    return { rows: scaleRows(measured), burstMs: measured.burstMs };
  } finally {
    await session.close();
  }
}
