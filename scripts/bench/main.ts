// `npm run bench [-- --check] [--quick] [--no-build] [--no-panel] [--only=GROUP,…]`: every row against its budget.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { benchBackfill } from './backfill';
import { benchBundle } from './bundle';
import { benchCli } from './cli';
import { benchDetection } from './detection';
import { benchInspection } from './inspection';
import { formatTable, type BenchRow } from './measure';
import { benchPanel } from './panel-burst';
import { benchStore } from './store';

const ROOT = join(import.meta.dirname, '../..');
const flags = new Set(process.argv.slice(2));
const check = flags.has('--check');
const quick = flags.has('--quick');

function log(text: string): void {
  process.stderr.write(`${text}\n`);
}

if (!flags.has('--no-build')) {
  log('building the extension and the CLI bundle…');
  execFileSync('npm', ['run', '-s', 'build'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

const rows: BenchRow[] = [];
const groups: [string, () => Promise<BenchRow[]> | BenchRow[]][] = [
  ['detection', () => benchDetection(quick)],
  ['inspection', benchInspection],
  ['store', benchStore],
  ['backfill', benchBackfill],
  ['bundle', benchBundle],
  ['cli', () => benchCli(quick ? 5 : 7)],
];
if (!flags.has('--no-panel')) groups.push(['panel', benchPanel]);
const only = [...flags]
  .find((flag) => flag.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
for (const [name, bench] of groups) {
  if (only && !only.includes(name)) continue;
  // Each group starts on a collected heap (the detection bodies alone are tens of MB), so one
  // group's garbage is not collected during the next one's timings.
  (globalThis as { gc?: () => void }).gc?.();
  const began = performance.now();
  const added = await bench();
  rows.push(...added);
  const failed = added.filter((row) => !row.pass).length;
  log(
    `${name}: ${added.length} rows, ${failed} over budget (${((performance.now() - began) / 1000).toFixed(0)} s)`,
  );
}

const machine = {
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model ?? 'unknown',
  memoryGb: Math.round(totalmem() / 1024 ** 3),
  node: process.version,
  platform: `${process.platform} ${process.arch}`,
};
const failures = rows.filter((row) => !row.pass);
process.stdout.write(`${formatTable(rows)}\n\n`);
process.stdout.write(
  `${rows.length} rows, ${failures.length} FAIL — ${machine.cpus} cores (${machine.cpuModel}), Node ${machine.node}. ` +
    'Ratios against baselines measured in the same run on the same data; median of the samples (min–max).\n',
);
mkdirSync(join(ROOT, 'bench'), { recursive: true });
writeFileSync(
  join(ROOT, 'bench/results.json'),
  `${JSON.stringify({ date: new Date().toISOString(), machine, check, quick, rows }, null, 2)}\n`,
);
if (check && failures.length > 0) process.exitCode = 1;
