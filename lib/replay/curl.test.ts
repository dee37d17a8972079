// Tests for renderCurl: redaction of the token and client secret, and shell quoting checked by a real shell.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { renderCurl } from './curl';
import {
  buildDeleteRequest,
  buildImageRequest,
  buildInfoRequest,
  buildTokenRequest,
  type ReplayRequest,
} from '../uqudo/info-api';
import { SAMPLE_ACCESS_TOKEN, SAMPLE_SESSION_ID, unwrapRequest } from './testing/replays';

/**
 * Runs the command in /bin/sh with `curl` replaced by a function that prints its arguments,
 * so the test sees exactly what curl would receive after the shell's quoting and expansion.
 */
function argvOf(command: string, env: Record<string, string> = {}): string[] {
  const script = `curl() { for a in "$@"; do printf '%s\\0' "$a"; done; }\n${command}`;
  const out = execFileSync('/bin/sh', ['-c', script], { env: { PATH: '/usr/bin:/bin', ...env } });
  return out.toString('utf8').split('\0').slice(0, -1);
}

describe('renderCurl', () => {
  const info = unwrapRequest(
    buildInfoRequest({ base: 'https://id.uqudo.io', sessionId: SAMPLE_SESSION_ID }),
  );

  it('leaves the token to $UQUDO_TOKEN by default', () => {
    const command = renderCurl(info, { token: SAMPLE_ACCESS_TOKEN, includeToken: false });
    expect(command).toBe(
      [
        `curl --silent --show-error 'https://id.uqudo.io/api/v1/info/${SAMPLE_SESSION_ID}'`,
        '--header "Authorization: Bearer $UQUDO_TOKEN"',
      ].join(' \\\n  '),
    );
    expect(command).not.toContain(SAMPLE_ACCESS_TOKEN);
    expect(argvOf(command, { UQUDO_TOKEN: 'from-env' })).toEqual([
      '--silent',
      '--show-error',
      `https://id.uqudo.io/api/v1/info/${SAMPLE_SESSION_ID}`,
      '--header',
      'Authorization: Bearer from-env',
    ]);
  });

  it('includes the token only when asked and when there is one', () => {
    const command = renderCurl(info, {
      token: `Bearer ${SAMPLE_ACCESS_TOKEN}`,
      includeToken: true,
    });
    expect(command).toContain(`--header 'Authorization: Bearer ${SAMPLE_ACCESS_TOKEN}'`);
    expect(argvOf(command)).toContain(`Authorization: Bearer ${SAMPLE_ACCESS_TOKEN}`);
    expect(renderCurl(info, { includeToken: true })).toContain(
      '"Authorization: Bearer $UQUDO_TOKEN"',
    );
    expect(renderCurl(info, { token: '  ', includeToken: true })).toContain('$UQUDO_TOKEN');
  });

  it('never renders an Authorization header smuggled into the request', () => {
    const smuggled = {
      ...info,
      headers: [{ name: 'authorization', value: `Bearer ${SAMPLE_ACCESS_TOKEN}` }],
    };
    const command = renderCurl(smuggled, { includeToken: false });
    expect(command).not.toContain(SAMPLE_ACCESS_TOKEN);
    expect(command.match(/Authorization/gi)).toHaveLength(1);
  });

  it('renders the UQ-Session-ID header, DELETE and an output file', () => {
    const header = unwrapRequest(
      buildInfoRequest({
        base: 'http://127.0.0.1:8321',
        sessionId: SAMPLE_SESSION_ID,
        mode: 'header',
      }),
    );
    expect(argvOf(renderCurl(header, { includeToken: false }), { UQUDO_TOKEN: 't' })).toEqual([
      '--silent',
      '--show-error',
      'http://127.0.0.1:8321/api/v1/info',
      '--header',
      'Authorization: Bearer t',
      '--header',
      `UQ-Session-ID: ${SAMPLE_SESSION_ID}`,
    ]);
    const del = unwrapRequest(
      buildDeleteRequest({ base: 'https://id.uqudo.io', sessionId: SAMPLE_SESSION_ID }),
    );
    expect(argvOf(renderCurl(del, { includeToken: false })).slice(0, 4)).toEqual([
      '--silent',
      '--show-error',
      '--request',
      'DELETE',
    ]);
    const image = unwrapRequest(
      buildImageRequest({ base: 'https://id.uqudo.io', imageId: "it's" }),
    );
    const argv = argvOf(renderCurl(image, { includeToken: false, outputFile: "Bob's photo.jpg" }));
    expect(argv).toContain("https://id.uqudo.io/api/v1/info/img/it's");
    expect(argv.slice(-2)).toEqual(['--output', "Bob's photo.jpg"]);
  });

  it('leaves the client secret to $UQUDO_CLIENT_SECRET in token requests', () => {
    const token = unwrapRequest(
      buildTokenRequest({
        base: 'https://id.uqudo.io',
        clientId: 'client-1',
        clientSecret: "s3cr'et $HOME",
      }),
    );
    const redacted = renderCurl(token, { includeToken: false });
    expect(redacted).not.toContain('s3cr');
    expect(redacted).not.toContain('Authorization');
    expect(argvOf(redacted, { UQUDO_CLIENT_SECRET: 'env-secret' })).toEqual([
      '--silent',
      '--show-error',
      'https://auth.uqudo.io/api/oauth/token',
      '--header',
      'Content-Type: application/x-www-form-urlencoded',
      '--header',
      'Accept: application/json',
      '--data-urlencode',
      'grant_type=client_credentials',
      '--data-urlencode',
      'client_id=client-1',
      '--data-urlencode',
      'client_secret=env-secret',
    ]);
    const included = argvOf(renderCurl(token, { includeToken: true }));
    expect(included).toContain("client_secret=s3cr'et $HOME");
  });

  it('passes a raw body through unchanged', () => {
    const raw: ReplayRequest = {
      method: 'POST',
      url: 'https://example.test/x',
      headers: [],
      body: `{"a":"it's \\"q\\" $(rm -rf /) \`x\`"}\nline2`,
      purpose: 'info',
    };
    const argv = argvOf(renderCurl(raw, { includeToken: false }), { UQUDO_TOKEN: 't' });
    expect(argv.slice(-2)).toEqual(['--data-raw', raw.body]);
  });

  it('quotes any header value and URL so the shell passes it through literally', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 30 }).filter((s) => !s.includes('\0')),
        fc.string({ unit: 'grapheme', maxLength: 30 }).filter((s) => !s.includes('\0')),
        (value, token) => {
          const req: ReplayRequest = {
            method: 'GET',
            url: `https://example.test/${value}`,
            headers: [{ name: 'X-Test', value }],
            purpose: 'image',
          };
          const hasToken = token.trim() !== '' && !/^bearer\s/i.test(token.trim());
          const argv = argvOf(renderCurl(req, { token, includeToken: true }));
          expect(argv).toContain(`https://example.test/${value}`);
          expect(argv).toContain(`X-Test: ${value}`);
          if (hasToken) expect(argv).toContain(`Authorization: Bearer ${token.trim()}`);
        },
      ),
      { numRuns: 60 },
    );
  });
});
