// Store growth: the cost of one more capture at 100 / 10,000 / 50,000 captures (filter typed, a row selected) and heap at the cap.
import { pathToFileURL } from 'node:url';
import type { CapturedExchange } from '../lib/capture/exchange';
import { type Inspection } from '../lib/jose/inspect';
import { inspectUqudoToken } from '../lib/uqudo/inspect';
import {
  createInspectorStore,
  selectSelectedCapture,
  selectSelectedFacts,
  selectVisibleCaptures,
  type InspectorStore,
  type InspectorStoreDeps,
} from '../lib/store';
import { selectKeySuggestion } from '../lib/store/key-status';

/** What measureStoreGrowth reports: ms per capture (median of rounds) and heap at the cap. */
export interface StoreGrowth {
  /** Milliseconds to add, check and apply one capture with 100 captures kept. */
  at100: number;
  at10000: number;
  at50000: number;
  /** Min–max of the rounds behind each median. */
  spread: Record<'at100' | 'at10000' | 'at50000', [number, number]>;
  /** The largest heap of the shapes in `heap` (the figure held against the 150 MB budget). */
  heapBytes: number;
  /** Heap used by a store filled with 50,000 exchanges of ~`tokenChars`-character tokens (default limits). */
  heap: { tokenChars: number; captures: number; bytes: number }[];
}

/** A scheduler the bench runs by hand, so flushes run exactly when measured (no 16 ms timer). */
class ManualScheduler {
  private tasks: (() => void)[] = [];
  private wake: (() => void) | undefined;

  readonly schedule = (task: () => void): void => {
    this.tasks.push(task);
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  };

  runAll(): void {
    const tasks = this.tasks;
    this.tasks = [];
    for (const task of tasks) task();
  }

  get idle(): boolean {
    return this.tasks.length === 0;
  }

  /** Resolves at the next schedule() call (or now, if a task is waiting). */
  next(): Promise<void> {
    if (this.tasks.length > 0) return Promise.resolve();
    return new Promise((resolve) => (this.wake = resolve));
  }
}

const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** An unsigned JWS-shaped token of about `chars` characters with a unique jti. */
function tokenOf(index: number, chars: number): string {
  const header = encode({ alg: 'RS256', kid: 'bench' });
  const pad = 'p'.repeat(Math.max(0, Math.floor(chars * 0.75) - 120));
  const payload = encode({ jti: `jti-${index}`, iss: 'https://id.uqudo.io', iat: 1, pad });
  return `${header}.${payload}.c2lnbmF0dXJl`;
}

function exchangeOf(index: number, chars: number): CapturedExchange {
  const parity = index % 2 === 0 ? 'even' : 'odd';
  return {
    id: `net-${index}`,
    time: 1_700_000_000_000 + index,
    method: 'POST',
    url: `https://app.example/api/${parity}/result?n=${index}`,
    status: 200,
    requestHeaders: [],
    responseHeaders: [{ name: 'Content-Type', value: 'application/jwt' }],
    responseBody: tokenOf(index, chars),
    responseMimeType: 'application/jwt',
    source: 'network',
  };
}

/** A cheap stand-in for inspectUqudoToken (constant cost), so the store's own cost is what grows. */
function fakeInspect(token: string): Promise<Inspection> {
  return Promise.resolve({
    format: 'jws',
    header: { alg: 'RS256' },
    payload: { jti: token.slice(-12) },
    signature: 'valid',
    kind: 'jwt',
    findings: [],
  } as Inspection);
}

interface Harness {
  store: InspectorStore;
  scheduler: ManualScheduler;
  next: number;
}

function createHarness(deps: Partial<InspectorStoreDeps> = {}): Harness {
  const scheduler = new ManualScheduler();
  const store = createInspectorStore({
    inspect: (token) => fakeInspect(token),
    prepareKeys: () => Promise.resolve({ state: 'none', description: '' }),
    schedule: scheduler.schedule,
    ...deps,
  });
  // What the panel renders on every update: the list window, the selection and its detail facts.
  let sink = 0;
  store.subscribe((state) => {
    const visible = selectVisibleCaptures(state);
    sink += visible.slice(0, 40).length + state.captures.length + visible.length;
    const selected = selectSelectedCapture(state);
    if (selected) sink += state.jtiCounts.get(selected.jti) ?? 0;
    sink += selectKeySuggestion(state)?.length ?? 0;
    sink += selectSelectedFacts(state)?.where.length ?? 0;
  });
  void sink;
  return { store, scheduler, next: 0 };
}

async function drain({ store, scheduler }: Harness): Promise<void> {
  for (;;) {
    scheduler.runAll();
    if (store.getState().pending === 0 && scheduler.idle) return;
    await scheduler.next();
  }
}

async function fill(harness: Harness, count: number, chars: number): Promise<void> {
  while (harness.next < count) {
    const batch: CapturedExchange[] = [];
    for (let i = 0; i < 1_000 && harness.next < count; i += 1) {
      batch.push(exchangeOf(harness.next++, chars));
    }
    harness.store.addExchanges(batch);
    await drain(harness);
  }
}

/** Adds one capture and waits until it is listed and its inspection applied; returns ms. */
async function addOne(harness: Harness, chars: number): Promise<number> {
  const start = performance.now();
  harness.store.addExchange(exchangeOf(harness.next++, chars));
  await drain(harness);
  return performance.now() - start;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/** Per-capture cost at `size` captures: per round, the median of `perRound` additions (GC spikes of a shared machine aside). */
async function costAt(size: number, rounds: number, perRound: number): Promise<number[]> {
  const harness = createHarness();
  await fill(harness, size, 300);
  harness.store.setFilter('even');
  const visible = selectVisibleCaptures(harness.store.getState());
  harness.store.select(visible.at(Math.floor(visible.length / 2))?.id);
  const results: number[] = [];
  for (let round = 0; round < rounds + 1; round += 1) {
    const costs: number[] = [];
    for (let i = 0; i < perRound; i += 1) costs.push(await addOne(harness, 300));
    // The first round warms the JIT up and is not counted.
    if (round > 0) results.push(median(costs));
  }
  if (!selectSelectedCapture(harness.store.getState())) throw new Error('selection lost');
  return results;
}

async function heapAtCap(
  captures: number,
  chars: number,
): Promise<{ bytes: number; kept: number }> {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const before = process.memoryUsage().heapUsed;
  // The real inspector (decode only: no keys), so inspections have their real shape and size.
  const harness = createHarness({ inspect: inspectUqudoToken });
  await fill(harness, captures, chars);
  gc?.();
  const bytes = process.memoryUsage().heapUsed - before;
  const kept = harness.store.getState().captures.length;
  return { bytes, kept };
}

/**
 * Tokens of these sizes bracket the limits: at ~350 characters the 50,000-capture cap and the
 * 64 MB byte budget bind together (the most captures, the most per-capture overhead); at 1,000
 * the byte budget binds first.
 */
const HEAP_SHAPES = [350, 1_000];

/** Measures store growth (see StoreGrowth); `rounds` ≥ 5. */
export async function measureStoreGrowth(rounds = 5): Promise<StoreGrowth> {
  // Heap first, in a fresh process state; then timings (a throwaway run warms the JIT up).
  const heap: StoreGrowth['heap'] = [];
  for (const tokenChars of HEAP_SHAPES) {
    const { bytes, kept } = await heapAtCap(50_000, tokenChars);
    heap.push({ tokenChars, captures: kept, bytes });
  }
  const perRound = 50;
  await costAt(100, 2, perRound);
  const at100 = await costAt(100, rounds, perRound);
  const at10000 = await costAt(10_000, rounds, perRound);
  const at50000 = await costAt(50_000, rounds, perRound);
  const spread = (values: number[]): [number, number] => [Math.min(...values), Math.max(...values)];
  return {
    at100: median(at100),
    at10000: median(at10000),
    at50000: median(at50000),
    spread: { at100: spread(at100), at10000: spread(at10000), at50000: spread(at50000) },
    heapBytes: Math.max(...heap.map((shape) => shape.bytes)),
    heap,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const growth = await measureStoreGrowth();
  const ms = (value: number) => `${(value * 1000).toFixed(1)} µs`;
  const range = ([min, max]: [number, number]) => `${ms(min)}–${ms(max)}`;
  for (const key of ['at100', 'at10000', 'at50000'] as const) {
    process.stdout.write(
      `${key.padEnd(8)} ${ms(growth[key]).padStart(10)} per capture (${range(growth.spread[key])}), ` +
        `${(growth[key] / growth.at100).toFixed(2)}× the 100th\n`,
    );
  }
  const gcNote = (globalThis as { gc?: unknown }).gc ? '' : ' (run with --expose-gc to settle)';
  for (const shape of growth.heap) {
    process.stdout.write(
      `heap     ${(shape.bytes / 1048576).toFixed(1)} MB for ${shape.captures} captures of ` +
        `~${shape.tokenChars}-char tokens${gcNote}\n`,
    );
  }
}
