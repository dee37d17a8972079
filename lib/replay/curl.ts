// renderCurl: a copy-pasteable cURL command for a replay, with secrets left to shell variables by default.
import type { ReplayRequest } from '../uqudo/info-api';
import { normalizeAccessToken } from './token';

/** Options for {@link renderCurl}. */
export interface CurlOptions {
  /** The access token; written into the command only when `includeToken` is true. */
  token?: string;
  /**
   * Write the token (and, for token requests, the client secret) into the command. When false the
   * command reads them from `$UQUDO_TOKEN` / `$UQUDO_CLIENT_SECRET` instead.
   */
  includeToken: boolean;
  /** Save the response body to this file (`-o`), e.g. for images. */
  outputFile?: string;
}

/** Shell variable the command uses for the access token unless the user opts to include it. */
const TOKEN_VARIABLE = 'UQUDO_TOKEN';
/** Shell variable the token-request command uses for the client secret. */
const CLIENT_SECRET_VARIABLE = 'UQUDO_CLIENT_SECRET';

/**
 * Renders `request` as a multi-line POSIX-shell cURL command. Every literal is single-quoted (a
 * `'` becomes `'\''`); secrets appear as `"$UQUDO_TOKEN"` / `"$UQUDO_CLIENT_SECRET"` — double-quoted
 * so the shell expands them — unless `includeToken` is true and the secret is at hand.
 */
export function renderCurl(request: ReplayRequest, options: CurlOptions): string {
  const head = ['curl', '--silent', '--show-error'];
  if (request.method !== 'GET' && !(request.method === 'POST' && request.body !== undefined)) {
    head.push(`--request ${request.method}`);
  }
  head.push(quote(request.url));
  const parts: string[] = [head.join(' ')];

  if (request.purpose !== 'token') {
    const token = normalizeAccessToken(options.token);
    parts.push(
      options.includeToken && token !== undefined
        ? `--header ${quote(`Authorization: Bearer ${token}`)}`
        : `--header "Authorization: Bearer $${TOKEN_VARIABLE}"`,
    );
  }
  for (const header of request.headers) {
    // The Authorization header is only ever rendered by the rule above.
    if (header.name.toLowerCase() === 'authorization') continue;
    parts.push(`--header ${quote(`${header.name}: ${header.value}`)}`);
  }

  if (request.body !== undefined) {
    if (request.purpose === 'token') {
      // One --data-urlencode per field so the secret can be left to a shell variable.
      for (const [name, value] of new URLSearchParams(request.body)) {
        if (name === 'client_secret' && !options.includeToken) {
          parts.push(`--data-urlencode "client_secret=$${CLIENT_SECRET_VARIABLE}"`);
        } else {
          parts.push(`--data-urlencode ${quote(`${name}=${value}`)}`);
        }
      }
    } else {
      parts.push(`--data-raw ${quote(request.body)}`);
    }
  }
  if (options.outputFile) parts.push(`--output ${quote(options.outputFile)}`);
  return parts.join(' \\\n  ');
}

/** POSIX single-quoting: everything literal, `'` written as `'\''` (shared by every cURL renderer). */
export function quote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}
