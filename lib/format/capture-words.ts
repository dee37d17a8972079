// Captures in words for the lists and the detail: the request line, the token kind, the host.
import type { Inspection } from '../jose/inspect';
import { toTokenKind, type TokenKind } from '../uqudo/classify';

/** The parts of a capture these words read. */
interface CaptureLike {
  exchange: { source: string; method: string; url: string };
  replay: boolean;
}

/** "POST /api/v2/info" for network and HAR captures, a plain word for the others. */
export function describeRequest(capture: CaptureLike): string {
  const { exchange } = capture;
  if (exchange.source === 'paste') return 'pasted token';
  const prefix = capture.replay ? 'replay ' : '';
  return `${prefix}${exchange.method} ${pathOf(exchange.url)}`.trim();
}

const KIND_WORDS: Record<string, string> = {
  'uqudo-result': 'Uqudo result',
  'uqudo-access-token': 'Uqudo access token',
  jwt: 'JWT',
  unknown: 'unknown',
};

/** A readable kind: the inner kind for a decrypted JWE, "JWE (encrypted)" when not decrypted. */
export function describeKind(capture: { inspection?: Inspection; kind?: TokenKind }): string {
  const inspection = capture.inspection;
  if (!inspection) return '';
  if (inspection.format === 'jwe' && !inspection.inner) return 'JWE (encrypted)';
  if (inspection.format === 'invalid') return '—';
  return KIND_WORDS[capture.kind ?? toTokenKind(inspection.kind)] ?? String(capture.kind);
}

/** The host (with a non-default port) of a URL, '' when it does not parse (pastes). */
export function describeHost(url: string): string {
  if (url === '') return '';
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}

function pathOf(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.pathname}${parsed.search}`;
  } catch {
    return url;
  }
}
