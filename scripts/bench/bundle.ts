// Bench rows: gzip size of the JS each extension page loads, read from the build in .output/chrome-mv3.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { valueRow, type BenchRow } from './measure';

/** The build the bench reads (written by `npm run build`). */
export const EXTENSION_DIR = join(import.meta.dirname, '../../.output/chrome-mv3');

/** The panel opens with every DevTools session: 60 KB gzip parses in well under a frame budget. */
const PANEL_BUDGET_KB = 60;
/** The devtools page only registers the panel: no library belongs in it. */
const DEVTOOLS_BUDGET_KB = 1;

/** Scripts an HTML page loads up front: module scripts and their modulepreloads. */
function scriptsOf(html: string): string[] {
  const sources = new Set<string>();
  for (const match of html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g))
    sources.add(match[1] as string);
  for (const match of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) {
    sources.add(match[1] as string);
  }
  return [...sources];
}

/** Sum of the gzip sizes (level 9) of the page's scripts, in KB, and their names. */
export function pageScriptsKb(page: string): { kb: number; files: string[] } {
  const html = readFileSync(join(EXTENSION_DIR, page), 'utf8');
  const files = scriptsOf(html);
  const bytes = files.reduce(
    (sum, file) =>
      sum +
      gzipSync(readFileSync(join(EXTENSION_DIR, file.replace(/^\//, ''))), { level: 9 }).length,
    0,
  );
  return { kb: bytes / 1024, files };
}

/** Bundle rows for the panel and the devtools page. */
export function benchBundle(): BenchRow[] {
  const panel = pageScriptsKb('devtools-panel.html');
  const devtools = pageScriptsKb('devtools.html');
  return [
    valueRow({
      group: 'bundle',
      name: 'panel JS (gzip)',
      input: 'devtools-panel.html scripts',
      unit: 'KB',
      value: panel.kb,
      budget: PANEL_BUDGET_KB,
      baseline: panel.files.join(' + '),
    }),
    valueRow({
      group: 'bundle',
      name: 'devtools page JS (gzip)',
      input: 'devtools.html scripts',
      unit: 'KB',
      value: devtools.kb,
      budget: DEVTOOLS_BUDGET_KB,
      baseline: devtools.files.join(' + '),
    }),
  ];
}
