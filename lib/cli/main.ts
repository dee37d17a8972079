// CLI entry (`npm run inspect` / `npm run scan`): wires runCli to the process, stdin and the file system.
import { readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { runCli } from './run';

/** Files and stdin larger than this are refused (HAR files with bodies can be big, keys are small). */
const MAX_INPUT_BYTES = 300 * 1024 * 1024;

async function readTextFile(path: string): Promise<string> {
  const info = await stat(path);
  if (!info.isFile()) throw new Error('not a regular file');
  if (info.size > MAX_INPUT_BYTES) throw new Error(`larger than ${MAX_INPUT_BYTES / 1048576} MB`);
  // Synchronous on purpose: fs.promises.readFile holds the file about twice over while reading
  // (measured: a 46 MB HAR peaks ~48 MB higher), and the CLI has nothing else to do meanwhile.
  return readFileSync(path, 'utf8');
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buffer.length;
    if (size > MAX_INPUT_BYTES) throw new Error(`larger than ${MAX_INPUT_BYTES / 1048576} MB`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

try {
  process.exitCode = await runCli(process.argv.slice(2), {
    writeStdout: (text) => process.stdout.write(text),
    writeStderr: (text) => process.stderr.write(text),
    readStdin,
    readTextFile,
    stdinIsTTY: process.stdin.isTTY === true,
    color: process.stdout.isTTY === true && !process.env.NO_COLOR,
  });
} catch (error) {
  // A bug, not a finding: say so on stderr and leave stdout empty, like any other failure to run.
  process.stderr.write(
    `error: internal failure: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exitCode = 2;
}
