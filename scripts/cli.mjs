// `npm run inspect` / `npm run scan`: runs the prebuilt dist/cli.mjs, rebuilding it first when lib/ is newer.
import { readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bundle = `${root}dist/cli.mjs`;

/** Newest modification time of the sources the bundle is built from (tests excluded). */
function newestSource() {
  let newest = statSync(`${root}package-lock.json`).mtimeMs;
  for (const name of readdirSync(`${root}lib`, { recursive: true })) {
    if (!name.endsWith('.ts') || name.endsWith('.test.ts')) continue;
    newest = Math.max(newest, statSync(`${root}lib/${name}`).mtimeMs);
  }
  return newest;
}

let builtAt = 0;
try {
  builtAt = statSync(bundle).mtimeMs;
} catch {
  // Not built yet.
}
if (builtAt < newestSource()) {
  const { buildCli } = await import('./build-cli.mjs');
  await buildCli();
}
await import(bundle);
