// Builds the CLI into one prebuilt file, dist/cli.mjs (esbuild): `npm run inspect`/`scan` and `bin` run it.
import { build } from 'esbuild';
import { chmodSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Bundles lib/cli/main.ts and its dependencies (jose included) for Node ≥ 20.19. */
export async function buildCli() {
  await build({
    absWorkingDir: root,
    entryPoints: ['lib/cli/main.ts'],
    outfile: 'dist/cli.mjs',
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20.19',
    banner: { js: '#!/usr/bin/env node' },
    legalComments: 'none',
    logLevel: 'warning',
  });
  // `bin` points here: make it runnable as a command.
  chmodSync(`${root}dist/cli.mjs`, 0o755);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await buildCli();
