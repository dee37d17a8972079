// Command-line parsing for `inspect` and `scan`: argv → options, or a usage error (exit 2).
import type { Expectations } from '../uqudo/claims';

type CliCommand = 'inspect' | 'scan';

/** Everything the command line asked for. Files are paths, not yet read. */
export interface CliArguments {
  command: CliCommand;
  /** inspect: the token, `-` or absent (stdin); scan: the HAR file. */
  input?: string;
  keyFiles: string[];
  decryptKeyFile?: string;
  /** Unix seconds. */
  now?: number;
  leeway?: number;
  expectations: Expectations;
  allowedAlgs: string[];
  json: boolean;
  /** Exit 1 unless every token's verdict is `valid` (for CI gates). */
  strict: boolean;
  help: boolean;
}

export type ParsedArguments = { ok: true; args: CliArguments } | { ok: false; error: string };

/** Usage text printed by `--help` and after a usage error. */
export const USAGE = `Usage:
  npm run --silent inspect -- [options] [TOKEN|-]     inspect one JWS/JWE (stdin when TOKEN is - or absent)
  npm run --silent scan -- FILE.har [options]         inspect every token found in a HAR file

Options:
  --keys FILE            verification keys: JWKS, JWK or PEM (public key or certificate); repeatable
  --decrypt-key FILE     private key for JWE: private JWK or PKCS#8 PEM
  --now TIME             current time: Unix seconds or ISO 8601 (default: the clock)
  --leeway SECONDS       clock-skew leeway for exp/nbf/iat (default 0)
  --expect-iss VALUE     expected issuer
  --expect-aud VALUE     expected audience (your client id)
  --expect-jti VALUE     expected jti (the session id)
  --expect-nonce VALUE   expected data.nonce
  --expect-session-id V  expected data.sessionId (face sessions)
  --allow-alg ALG        accept this JWS algorithm; repeatable (default: RS/PS/ES*, EdDSA)
  --json                 print JSON instead of a readable report
  --strict               exit 1 unless every token's verdict is "valid" (scan: and at least one token)
  -h, --help             print this help

Exit status: 0 no error finding (inspect; scan: the HAR was read), 1 error finding (inspect) or,
with --strict, a verdict other than "valid", 2 usage error or unreadable file / unusable key file.
`;

const VALUE_OPTIONS = new Set([
  '--keys',
  '--decrypt-key',
  '--now',
  '--leeway',
  '--expect-iss',
  '--expect-aud',
  '--expect-jti',
  '--expect-nonce',
  '--expect-session-id',
  '--allow-alg',
]);
const REPEATABLE = new Set(['--keys', '--allow-alg']);
/** Each `--expect-*` option and the expectation it sets. */
const EXPECTATION_OPTIONS = new Map<string, keyof Expectations>([
  ['--expect-iss', 'iss'],
  ['--expect-aud', 'aud'],
  ['--expect-jti', 'jti'],
  ['--expect-nonce', 'nonce'],
  ['--expect-session-id', 'sessionId'],
]);

const UNIX_SECONDS = /^\d{1,12}(\.\d+)?$/;
// Date forms accepted by --now: 2026-01-01, 2026-01-01T10:00:00Z, 2026-01-01T10:00:00.5+04:00.
const ISO_8601 =
  /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i;

/** `--now` value → Unix seconds, or undefined when it is neither Unix seconds nor ISO 8601. */
export function parseNow(text: string): number | undefined {
  if (UNIX_SECONDS.test(text)) return Number(text);
  if (!ISO_8601.test(text)) return undefined;
  const millis = Date.parse(text);
  return Number.isFinite(millis) ? millis / 1000 : undefined;
}

/**
 * Parse the arguments after the script name: the command (`inspect`/`scan`), options (`--opt value`
 * or `--opt=value`; `--` ends options) and at most one positional argument. Never throws.
 */
export function parseArguments(argv: readonly string[]): ParsedArguments {
  const [command, ...rest] = argv;
  if (command !== 'inspect' && command !== 'scan') {
    return { ok: false, error: command ? `unknown command "${command}"` : 'missing command' };
  }
  const args: CliArguments = {
    command,
    keyFiles: [],
    expectations: {},
    allowedAlgs: [],
    json: false,
    strict: false,
    help: false,
  };
  const given = new Set<string>();
  const positionals: string[] = [];
  let optionsEnded = false;

  for (let index = 0; index < rest.length; index++) {
    const arg = rest[index]!;
    if (optionsEnded || arg === '-' || !arg.startsWith('-')) {
      positionals.push(arg);
      continue;
    }
    if (arg === '--') {
      optionsEnded = true;
      continue;
    }
    if (arg === '--json' || arg === '--strict' || arg === '--help' || arg === '-h') {
      if (arg === '--json') args.json = true;
      else if (arg === '--strict') args.strict = true;
      else args.help = true;
      continue;
    }
    const equals = arg.indexOf('=');
    const name = equals === -1 ? arg : arg.slice(0, equals);
    if (!VALUE_OPTIONS.has(name)) return { ok: false, error: `unknown option ${name}` };
    let value: string;
    if (equals !== -1) {
      value = arg.slice(equals + 1);
    } else {
      const next = rest[index + 1];
      if (next === undefined) return { ok: false, error: `${name} needs a value` };
      value = next;
      index++;
    }
    if (given.has(name) && !REPEATABLE.has(name)) {
      return { ok: false, error: `${name} given more than once` };
    }
    given.add(name);
    const error = applyOption(args, name, value);
    if (error) return { ok: false, error };
  }

  if (positionals.length > 1) {
    return {
      ok: false,
      error: `unexpected argument "${positionals[1]}" (one ${command === 'scan' ? 'HAR file' : 'token'} at a time)`,
    };
  }
  if (positionals[0] !== undefined) args.input = positionals[0];
  if (command === 'scan' && !args.help && (args.input === undefined || args.input === '-')) {
    return { ok: false, error: 'scan needs a HAR file' };
  }
  return { ok: true, args };
}

/** Store one option's value; returns an error message for a bad value. */
function applyOption(args: CliArguments, name: string, value: string): string | undefined {
  const expectation = EXPECTATION_OPTIONS.get(name);
  if (expectation) {
    args.expectations[expectation] = value;
    return undefined;
  }
  switch (name) {
    case '--keys':
      if (value === '') return '--keys needs a file';
      args.keyFiles.push(value);
      return undefined;
    case '--decrypt-key':
      if (value === '') return '--decrypt-key needs a file';
      args.decryptKeyFile = value;
      return undefined;
    case '--now': {
      const now = parseNow(value.trim());
      if (now === undefined)
        return `--now must be Unix seconds or an ISO 8601 date, not "${value}"`;
      args.now = now;
      return undefined;
    }
    case '--leeway': {
      const leeway = Number(value);
      if (value.trim() === '' || !Number.isFinite(leeway) || leeway < 0) {
        return `--leeway must be a number of seconds ≥ 0, not "${value}"`;
      }
      args.leeway = leeway;
      return undefined;
    }
    case '--allow-alg': {
      const algs = value
        .split(',')
        .map((alg) => alg.trim())
        .filter((alg) => alg !== '');
      if (algs.length === 0) return '--allow-alg needs an algorithm name';
      args.allowedAlgs.push(...algs);
      return undefined;
    }
    default:
      return `unknown option ${name}`;
  }
}
