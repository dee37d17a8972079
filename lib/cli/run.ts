// runCli: the `inspect` and `scan` commands on top of the token engine, given injected I/O.
import { stringifyJsonLinear } from '../format/json';
import {
  checkVerificationKeySet,
  createStaticKeyResolver,
  parseDecryptionKey,
  parseKeys,
  type KeyResolver,
  type RefusedKey,
  type VerificationKey,
} from '../jose/keys';
import { readHarEntries, type HarEntries } from '../capture/har';
import { normalizeTokenInput } from '../jose/find';
import { verdictOf, type Inspection } from '../jose/inspect';
import { inspectUqudoToken, type UqudoInspectOptions } from '../uqudo/inspect';
import { parseArguments, USAGE, type CliArguments } from './args';
import { toInspectionJson, toScanJson, type ScanResult } from './json';
import { formatInspectionReport, formatScanTable, type ReportStyle } from './report';
import { scanHarEntries } from './scan';

/** What the CLI may touch. `main.ts` wires it to the process and the file system. */
export interface CliIo {
  writeStdout(text: string): void;
  writeStderr(text: string): void;
  /** The whole of standard input as text; rejects when it cannot be read. */
  readStdin(): Promise<string>;
  /** A file as UTF-8 text; rejects with a readable message when it cannot be read. */
  readTextFile(path: string): Promise<string>;
  stdinIsTTY: boolean;
  /** Colours are used only when this is true. */
  color: boolean;
}

/**
 * Exit status: 0 no error finding (scan: the HAR was read), 1 an error finding (inspect) or a
 * verdict other than `valid` under `--strict`, 2 usage error, unreadable input or unusable key file.
 */
export type ExitCode = 0 | 1 | 2;

/**
 * Run the command line (arguments after the script name: `inspect …` or `scan …`) and return the
 * exit status. On status 2 the reason goes to stderr and nothing to stdout.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const parsed = parseArguments(argv);
  if (!parsed.ok) return usageError(io, parsed.error);
  const args = parsed.args;
  if (args.help) {
    io.writeStdout(USAGE);
    return 0;
  }
  const options = await loadInspectOptions(args, io);
  if (!options.ok) return fail(io, options.error);
  const style: ReportStyle = { color: io.color };
  return args.command === 'inspect'
    ? runInspect(args, options.value, io, style)
    : runScan(args, options.value, io, style);
}

async function runInspect(
  args: CliArguments,
  options: UqudoInspectOptions,
  io: CliIo,
  style: ReportStyle,
): Promise<ExitCode> {
  let raw: string;
  if (args.input !== undefined && args.input !== '-') {
    raw = args.input;
  } else {
    if (args.input === undefined && io.stdinIsTTY) {
      return usageError(
        io,
        'no token given: pass it as an argument, or pipe it in (use - for stdin)',
      );
    }
    try {
      raw = await io.readStdin();
    } catch (error) {
      return fail(io, `cannot read standard input: ${messageOf(error)}`);
    }
  }
  const token = normalizeTokenInput(raw);
  if (token === '') return usageError(io, 'no token given (the input is empty)');
  const inspection = await inspectUqudoToken(token, options);
  io.writeStdout(
    args.json
      ? `${stringifyJsonLinear(toInspectionJson(inspection))}\n`
      : formatInspectionReport(inspection, style, { now: options.now }),
  );
  if (args.strict) {
    const verdict = verdictOf(inspection);
    if (verdict === 'valid') return 0;
    io.writeStderr(`strict: the verdict is "${verdict}", not "valid"\n`);
    return 1;
  }
  return hasErrorFinding(inspection) ? 1 : 0;
}

async function runScan(
  args: CliArguments,
  options: UqudoInspectOptions,
  io: CliIo,
  style: ReportStyle,
): Promise<ExitCode> {
  const file = args.input ?? '';
  let har: HarEntries;
  try {
    // Parsed straight from the read, so the file's text is not kept alive during the scan.
    har = readHarEntries(await io.readTextFile(file));
  } catch (error) {
    return fail(io, `cannot read HAR file "${file}": ${messageOf(error)}`);
  }
  if (!har.ok) return fail(io, `"${file}" is not a readable HAR: ${har.error}`);
  const outcome = await scanHarEntries(har.entries, options);
  if (args.json) writeScanJson(outcome.results, io);
  else
    io.writeStdout(
      formatScanTable(outcome.results, { entries: outcome.entries, notes: outcome.notes }, style),
    );
  if (!args.strict) return 0;
  const failing = outcome.results.filter((result) => verdictOf(result.inspection) !== 'valid');
  if (outcome.results.length > 0 && failing.length === 0) return 0;
  io.writeStderr(
    outcome.results.length === 0
      ? 'strict: no token found in the HAR\n'
      : `strict: ${failing.length} of ${outcome.results.length} token sightings are not "valid"\n`,
  );
  return 1;
}

/**
 * Writes the scan as one JSON array, one result at a time: the text of one result never depends on
 * another's, so a hostile token cannot take the other results down with it.
 */
function writeScanJson(results: readonly ScanResult[], io: CliIo): void {
  io.writeStdout('[');
  results.forEach((result, index) => {
    let text: string;
    try {
      // Each element sits one level deep in the array: indent its lines by one level.
      text = stringifyJsonLinear(toScanJson(result)).replace(/\n/g, '\n  ');
    } catch (error) {
      text = stringifyJsonLinear({
        entry: result.entry,
        url: result.url,
        location: result.location,
        error: `could not write this result: ${messageOf(error)}`,
      }).replace(/\n/g, '\n  ');
    }
    io.writeStdout(`${index > 0 ? ',' : ''}\n  ${text}`);
  });
  io.writeStdout(results.length > 0 ? '\n]\n' : ']\n');
}

/** Keys, decryption key, expectations, clock and allowlist from the arguments; files read here. */
async function loadInspectOptions(
  args: CliArguments,
  io: CliIo,
): Promise<{ ok: true; value: UqudoInspectOptions } | { ok: false; error: string }> {
  const options: UqudoInspectOptions = {};
  if (args.keyFiles.length > 0) {
    const keys = await loadKeyFiles(args.keyFiles, io);
    if (!keys.ok) return keys;
    options.keys = keys.value;
  }
  if (args.decryptKeyFile !== undefined) {
    const file = args.decryptKeyFile;
    let text: string;
    try {
      text = await io.readTextFile(file);
    } catch (error) {
      return { ok: false, error: `cannot read decryption key file "${file}": ${messageOf(error)}` };
    }
    const parsed = await parseDecryptionKey(text, file);
    if (!parsed.ok)
      return { ok: false, error: `no usable decryption key in "${file}": ${parsed.error}` };
    options.decryptionKey = parsed.key;
  }
  if (Object.keys(args.expectations).length > 0) options.expectations = args.expectations;
  if (args.now !== undefined) options.now = args.now;
  if (args.leeway !== undefined) options.leeway = args.leeway;
  if (args.allowedAlgs.length > 0) options.allowedAlgs = args.allowedAlgs;
  return { ok: true, value: options };
}

/**
 * Reads every `--keys` file into one resolver. A key a hygiene rule refused is a warning on stderr
 * (a token naming it is told why); a file with no usable key, or keys that are ambiguous
 * together (one kid for two keys, secrets mixed with public keys), is an error (exit 2).
 */
async function loadKeyFiles(
  files: readonly string[],
  io: CliIo,
): Promise<{ ok: true; value: KeyResolver } | { ok: false; error: string }> {
  const keys: VerificationKey[] = [];
  const refused: RefusedKey[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = await io.readTextFile(file);
    } catch (error) {
      return { ok: false, error: `cannot read key file "${file}": ${messageOf(error)}` };
    }
    const parsed = await parseKeys(text, file);
    if (!parsed.ok) return { ok: false, error: `no usable key in "${file}": ${parsed.error}` };
    for (const line of parsed.skipped) io.writeStderr(`warning: "${file}": ${line}\n`);
    keys.push(...parsed.keys);
    refused.push(...parsed.refused);
  }
  const ambiguous = files.length > 1 ? checkVerificationKeySet(keys) : undefined;
  if (ambiguous) return { ok: false, error: `the keys of ${files.join(', ')}: ${ambiguous}` };
  return { ok: true, value: createStaticKeyResolver(keys, refused) };
}

/** True when the inspection or its inner token has an error-severity finding. */
function hasErrorFinding(inspection: Inspection): boolean {
  for (let current: Inspection | undefined = inspection; current; current = current.inner) {
    if (current.findings.some((finding) => finding.severity === 'error')) return true;
  }
  return false;
}

function usageError(io: CliIo, message: string): 2 {
  io.writeStderr(`error: ${message}\nRun with --help for usage.\n`);
  return 2;
}

function fail(io: CliIo, message: string): 2 {
  io.writeStderr(`error: ${message}\n`);
  return 2;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
