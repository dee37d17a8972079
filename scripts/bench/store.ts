// Bench rows: the panel store's cost per capture as it grows, with a filter typed and a row selected.
import type { CapturedExchange } from '../../lib/capture/exchange';
import type { Inspection } from '../../lib/jose/inspect';
import {
  createInspectorStore,
  selectSelectedCapture,
  selectVisibleCaptures,
  type InspectorStore,
} from '../../lib/store';
import { benchToken } from './bodies';
import { spreadOf, valueRow, type BenchRow } from './measure';

/** A capture should cost about the same at any list size: the Nth within 1.5× of the 100th. */
const GROWTH_BUDGET = 1.5;
const SIZES = [10_000, 50_000] as const;
const SAMPLES = 9;

let exchangeSeq = 0;
function nextExchange(): CapturedExchange {
  const n = exchangeSeq++;
  return {
    id: `bench-${n}`,
    time: 1_767_225_600_000 + n,
    method: 'GET',
    url: `https://app.example/api/result/${n}`,
    status: 200,
    requestHeaders: [],
    responseHeaders: [{ name: 'Content-Type', value: 'application/json' }],
    responseBody: JSON.stringify({ result: benchToken(n) }),
    responseMimeType: 'application/json',
    source: 'network',
  };
}

/** A fixed inspection (the store is measured, not the verifier). */
async function fakeInspect(token: string): Promise<Inspection> {
  return {
    format: 'jws',
    header: { alg: 'RS256' },
    payload: { jti: token.slice(-12) },
    signature: 'unverified',
    kind: 'jwt',
    findings: [],
  };
}

/**
 * Main-thread time spent on the store's behalf: the synchronous call plus every timer callback
 * (the store's batched flushes, which also run the subscribers) until `done` holds.
 */
async function busyTimeUntil(start: () => void, done: () => boolean): Promise<number> {
  const original = globalThis.setTimeout;
  let busy = 0;
  const wrapped = ((callback: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) =>
    original(() => {
      const began = performance.now();
      callback(...args);
      busy += performance.now() - began;
    }, ms)) as typeof setTimeout;
  globalThis.setTimeout = wrapped;
  try {
    const began = performance.now();
    start();
    busy += performance.now() - began;
    while (!done()) await new Promise<void>((resolve) => original(resolve, 1));
  } finally {
    globalThis.setTimeout = original;
  }
  return busy;
}

/** Resolves once nothing is pending and `count` captures are listed. */
function settled(store: InspectorStore, count: number): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      const state = store.getState();
      if (state.pending === 0 && state.captures.length >= count) {
        unsubscribe();
        resolve();
      }
    };
    const unsubscribe = store.subscribe(check);
    check();
  });
}

async function growTo(store: InspectorStore, count: number): Promise<void> {
  while (store.getState().captures.length < count) {
    const missing = count - store.getState().captures.length;
    store.addExchanges(Array.from({ length: Math.min(1000, missing) }, nextExchange));
    await settled(store, Math.min(count, store.getState().captures.length + 1));
  }
  await settled(store, count);
}

/** Busy time of one more capture (inspected and listed), SAMPLES times. */
async function sampleCaptures(store: InspectorStore): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const exchange = nextExchange();
    const captureId = `${exchange.id}`;
    samples.push(
      await busyTimeUntil(
        () => store.addExchange(exchange),
        () => {
          const state = store.getState();
          if (state.pending !== 0) return false;
          // Newest first: the capture just added is found at the front.
          for (const c of state.captures) {
            if (c.exchange.id === captureId) return c.inspection !== undefined;
          }
          return false;
        },
      ),
    );
  }
  return samples;
}

/** Store growth rows: the 10,000th and 50,000th capture against the 100th. */
export async function benchStore(): Promise<BenchRow[]> {
  // The default cap (5,000) would drop captures before the sizes measured here.
  const store = createInspectorStore({
    inspect: fakeInspect,
    limits: { maxCaptures: 100_000, maxBytes: Number.MAX_SAFE_INTEGER },
  });
  // The panel's list reads these on every change: keep that cost in the measurement.
  store.subscribe((state) => {
    selectVisibleCaptures(state);
    selectSelectedCapture(state);
  });
  await growTo(store, 100);
  store.setFilter('app.example result');
  store.select(store.getState().captures.at(50)?.id);
  const base = spreadOf(await sampleCaptures(store)).median;
  const rows: BenchRow[] = [];
  for (const size of SIZES) {
    await growTo(store, size);
    const samples = await sampleCaptures(store);
    rows.push(
      valueRow({
        group: 'store',
        name: 'cost of the Nth capture, filter + selection',
        input: `${size.toLocaleString('en')}th vs 100th`,
        unit: '×',
        value: spreadOf(samples.map((s) => s / base)),
        budget: GROWTH_BUDGET,
        baseline: `the 100th capture (${base.toFixed(3)} ms main-thread)`,
      }),
    );
  }
  return rows;
}
