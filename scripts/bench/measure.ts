// Bench plumbing: interleaved timing of a subject against its baseline, rows with budgets, the table.

/** Median and spread of a list of samples. */
export interface Spread {
  median: number;
  min: number;
  max: number;
}

/** One line of the bench table: a measured value against its budget (`value ≤ budget` passes). */
export interface BenchRow {
  group: string;
  name: string;
  /** What was measured, e.g. "1 MB JSON, 1 token". */
  input: string;
  /** Ratio (×), size (KB gzip), count or milliseconds: see `unit`. */
  value: Spread;
  unit: '×' | 'KB' | 'MB' | 'count' | 'ms';
  budget: number;
  /** What the ratio is against, or how the value was read. */
  baseline: string;
  /** Median subject and baseline times (ms) when the row is a timed ratio. */
  subjectMs?: number;
  baselineMs?: number;
  pass: boolean;
}

/** Median, min and max of samples (which must not be empty). */
export function spreadOf(samples: readonly number[]): Spread {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  const median =
    sorted.length % 2 === 1
      ? (sorted[middle] as number)
      : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
  return { median, min: sorted[0] as number, max: sorted[sorted.length - 1] as number };
}

/** A row whose value is a plain measurement (not a timed ratio). */
export function valueRow(
  row: Omit<BenchRow, 'pass' | 'value'> & { value: Spread | number },
): BenchRow {
  const value =
    typeof row.value === 'number'
      ? { median: row.value, min: row.value, max: row.value }
      : row.value;
  return { ...row, value, pass: value.median <= row.budget };
}

/** Options of {@link compareTimes}. */
export interface CompareOptions {
  /** Paired samples taken (at least 5). */
  runs?: number;
  /** Repeat each piece of work this many times per sample (for sub-millisecond work). */
  inner?: number;
  /**
   * Alternate subject and baseline call by call within a sample instead of timing `inner` calls
   * of one, then of the other. For asynchronous work handed to another thread (WebCrypto): a
   * baseline repeated back to back keeps that thread and its caches hot, which a subject doing
   * JavaScript work between its calls never sees; alternating puts every call of either after
   * the other's work.
   */
  alternate?: boolean;
}

/** Wall time of `inner` alternations of `first` and `second`, in ms each. */
async function timeAlternating(
  first: () => unknown,
  second: () => unknown,
  inner: number,
): Promise<[number, number]> {
  let a = 0;
  let b = 0;
  for (let i = 0; i < inner; i++) {
    const start = performance.now();
    await first();
    const middle = performance.now();
    await second();
    b += performance.now() - middle;
    a += middle - start;
  }
  return [a, b];
}

/** Wall time of `inner` repetitions of `work`, in ms. */
async function timeOnce(work: () => unknown, inner: number): Promise<number> {
  const start = performance.now();
  for (let i = 0; i < inner; i++) await work();
  return performance.now() - start;
}

/**
 * Times `subject` against `baseline` on the same data: one warm-up each, then `runs` pairs taken
 * alternately (baseline first on even pairs, subject first on odd ones) so drift and other load on
 * the machine hit both. The value is the median of the per-pair ratios, with their min and max.
 */
export async function compareTimes(
  subject: () => unknown,
  baseline: () => unknown,
  options: CompareOptions = {},
): Promise<{ ratio: Spread; subjectMs: number; baselineMs: number }> {
  const runs = Math.max(5, options.runs ?? 7);
  // Sub-millisecond work is repeated so each sample lasts ~10 ms (timer resolution, scheduler noise).
  const probe = Math.max(await timeOnce(baseline, 1), 1e-3);
  const inner = options.inner ?? Math.min(1000, Math.max(1, Math.ceil(10 / probe)));
  await timeOnce(subject, inner);
  await timeOnce(baseline, inner);
  const ratios: number[] = [];
  const subjects: number[] = [];
  const baselines: number[] = [];
  for (let run = 0; run < runs; run++) {
    let s: number;
    let b: number;
    if (options.alternate) {
      if (run % 2 === 0) [b, s] = await timeAlternating(baseline, subject, inner);
      else [s, b] = await timeAlternating(subject, baseline, inner);
    } else if (run % 2 === 0) {
      b = await timeOnce(baseline, inner);
      s = await timeOnce(subject, inner);
    } else {
      s = await timeOnce(subject, inner);
      b = await timeOnce(baseline, inner);
    }
    subjects.push(s / inner);
    baselines.push(b / inner);
    ratios.push(s / Math.max(b, 1e-6));
  }
  return {
    ratio: spreadOf(ratios),
    subjectMs: spreadOf(subjects).median,
    baselineMs: spreadOf(baselines).median,
  };
}

/** A timed ratio row from {@link compareTimes}. */
export async function ratioRow(
  row: Omit<BenchRow, 'pass' | 'value' | 'unit' | 'subjectMs' | 'baselineMs'>,
  subject: () => unknown,
  baseline: () => unknown,
  options?: CompareOptions,
): Promise<BenchRow> {
  const measured = await compareTimes(subject, baseline, options);
  return {
    ...row,
    unit: '×',
    value: measured.ratio,
    subjectMs: measured.subjectMs,
    baselineMs: measured.baselineMs,
    pass: measured.ratio.median <= row.budget,
  };
}

function formatNumber(value: number, unit: BenchRow['unit']): string {
  if (unit === 'count') return String(Math.round(value));
  if (unit === 'KB' || unit === 'MB') return value.toFixed(1);
  return value >= 100 ? value.toFixed(0) : value.toFixed(2);
}

/** The value with its spread, e.g. `1.42× (1.30–1.61)`. */
export function formatValue(row: BenchRow): string {
  const unit = row.unit === 'count' ? '' : row.unit === '×' ? '×' : ` ${row.unit}`;
  const { median, min, max } = row.value;
  const main = `${formatNumber(median, row.unit)}${unit}`;
  return min === max
    ? main
    : `${main} (${formatNumber(min, row.unit)}–${formatNumber(max, row.unit)})`;
}

/** Rows as a Markdown table (the same table goes into the README). */
export function formatTable(rows: readonly BenchRow[]): string {
  const header = ['row', 'input', 'value (min–max)', 'budget', 'result', 'baseline'];
  const lines = rows.map((row) => [
    `${row.group}: ${row.name}`,
    row.input,
    formatValue(row),
    `≤ ${formatNumber(row.budget, row.unit)}${row.unit === '×' ? '×' : row.unit === 'count' ? '' : ` ${row.unit}`}`,
    row.pass ? 'PASS' : 'FAIL',
    row.baseline +
      (row.subjectMs !== undefined && row.baselineMs !== undefined
        ? ` (${row.subjectMs.toFixed(2)} vs ${row.baselineMs.toFixed(2)} ms)`
        : ''),
  ]);
  const all = [header, ...lines];
  const widths = header.map((_, c) => Math.max(...all.map((line) => (line[c] as string).length)));
  const render = (line: string[]) =>
    `| ${line.map((cell, c) => cell.padEnd(widths[c] as number)).join(' | ')} |`;
  return [
    render(header),
    `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`,
    ...lines.map(render),
  ].join('\n');
}
