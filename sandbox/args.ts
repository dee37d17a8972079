// Command-line parsing for `npm run sandbox`.
import { CORS_MODES, type CorsMode } from './cors';

/** Parsed command line of the sandbox CLI. */
export interface SandboxArgs {
  port: number;
  signingKeyPath?: string;
  /** Absent means the default (`lenient`). */
  cors?: CorsMode;
}

/** Default port of `npm run sandbox`. */
export const DEFAULT_PORT = 8321;

const USAGE = 'usage: npm run sandbox -- [--port N] [--signing-key FILE] [--cors lenient|strict]';

/** Parses CLI arguments; returns an error message for anything it does not understand. */
export function parseSandboxArgs(
  argv: readonly string[],
): { ok: true; args: SandboxArgs } | { ok: false; error: string } {
  const args: SandboxArgs = { port: DEFAULT_PORT };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg?.startsWith('--') && arg.includes('=') ? arg.split(/=(.*)/s) : [arg];
    const value = (): string | undefined => inline ?? argv[++i];
    if (flag === '--port') {
      const text = value();
      const port = Number(text);
      if (!text || !Number.isInteger(port) || port < 0 || port > 65535) {
        return { ok: false, error: `--port needs a number 0-65535, got ${text ?? 'nothing'}` };
      }
      args.port = port;
    } else if (flag === '--signing-key') {
      const file = value();
      if (!file) return { ok: false, error: '--signing-key needs a file path' };
      args.signingKeyPath = file;
    } else if (flag === '--cors') {
      const mode = value();
      if (!CORS_MODES.includes(mode as CorsMode)) {
        return {
          ok: false,
          error: `--cors needs one of ${CORS_MODES.join(', ')}, got ${mode ?? 'nothing'}`,
        };
      }
      args.cors = mode as CorsMode;
    } else if (flag === '--help' || flag === '-h') {
      return { ok: false, error: USAGE };
    } else {
      return { ok: false, error: `unknown argument ${arg ?? ''}\n${USAGE}` };
    }
  }
  return { ok: true, args };
}
