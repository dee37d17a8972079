// Bench inputs: response bodies of a given size with 0, 1 or many tokens, and adversarial shapes.
import { base64url } from 'jose';

/** The regex baseline: one global regex for `eyJ….….…`, counting its matches over the text. */
export const TOKEN_REGEX = /eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*/g;

/** Runs the regex baseline over `text` (the cheapest competing detector). */
export function countRegexMatches(text: string): number {
  TOKEN_REGEX.lastIndex = 0;
  let count = 0;
  while (TOKEN_REGEX.exec(text) !== null) count++;
  return count;
}

/** Characters in the bench's "MB" (bodies stay below the extractor's 10 MiB scan cap). */
export const MB = 1_000_000;

const HEADER = base64url.encode(
  JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: '0123456789abcdef0123456789abcdef' }),
);
/**
 * A 256-byte signature distinct per `n`, as real signatures of distinct payloads are (the bytes of a
 * fixed pattern mixed with a bijective hash of `n`).
 */
function benchSignature(n: number): string {
  const seed = Math.imul(n + 1, 2654435761) >>> 0;
  return base64url.encode(
    new Uint8Array(256).map((_, i) => ((i * 37 + 11) ^ (seed >>> ((i % 4) * 8))) & 255),
  );
}

/**
 * A JWS-shaped token (RS256 header, Uqudo-like payload, 256-byte signature), distinct per `n`; its
 * signature is `signatureOf`'s (by default its own).
 */
export function benchToken(n: number, signatureOf = n): string {
  const payload = base64url.encode(
    JSON.stringify({
      iss: 'https://id.uqudo.io',
      aud: 'client-0a1b2c3d',
      jti: `7b5d1c1e-2f0a-4a57-9a37-${String(n).padStart(12, '0')}`,
      iat: 1_767_225_600,
      exp: 1_767_227_400,
      data: { documents: [{ type: 'ID', scan: { front: { name: 'Sample' } } }] },
    }),
  );
  return `${HEADER}.${payload}.${benchSignature(signatureOf)}`;
}

/** Positions (record numbers) at which `tokens` tokens are spread evenly over `records`. */
function tokenSlots(records: number, tokens: number): Set<number> {
  const slots = new Set<number>();
  for (let t = 0; t < tokens; t++) slots.add(Math.floor(((t + 0.5) * records) / tokens));
  return slots;
}

/** One record of {@link jsonBody}: about 200 characters, the token (or null) in its `token` field. */
function jsonRecord(i: number, token: string | null, stray: boolean): Record<string, unknown> {
  return {
    id: i,
    name: `record ${i}`,
    note: 'lorem ipsum dolor sit amet, consectetur adipiscing elit '.repeat(2),
    token,
    // One header-like word without a token: defeats an `eyJ` prefilter.
    tag: stray ? 'eyJzdHJheSI6dHJ1ZX0' : 'plain',
  };
}

/**
 * How many records of `plain` characters, `tokens` of them `extra` characters longer, make about
 * `chars` characters: the bodies are the size their row says, tokens included.
 */
function recordCount(chars: number, tokens: number, plain: number, extra: number): number {
  return Math.max(1, tokens, Math.round((chars - tokens * extra) / plain));
}

/** How a JSON body places its tokens and whether it holds a stray header-like word. */
interface JsonBodyOptions {
  /** One header-like word without a token, in the middle record (defeats an `eyJ` prefilter). */
  stray?: boolean;
  /** The one token in the last record instead of the middle one: the whole body is read. */
  tokenLast?: boolean;
}

/** A JSON body of about `chars` characters, with `tokens` JWS leaves spread through it. */
export function jsonBody(chars: number, tokens: number, options: JsonBodyOptions = {}): string {
  const plain = JSON.stringify(jsonRecord(99_999, null, false)).length + 1;
  const extra = benchToken(0).length + 2 - 'null'.length;
  const records = recordCount(chars, tokens, plain, extra);
  const slots = options.tokenLast ? new Set([records - 1]) : tokenSlots(records, tokens);
  const items: unknown[] = [];
  let n = 0;
  for (let i = 0; i < records; i++) {
    const token = slots.has(i) ? benchToken(n++) : null;
    items.push(jsonRecord(i, token, options.stray === true && i === records >> 1));
  }
  return JSON.stringify({ items });
}

/**
 * A plain-text (log-like) body of about `chars` characters with `tokens` tokens in its lines; with
 * `sharedSignature`, every token carries the first one's signature (distinct tokens that share
 * their last 342 characters: crafted, as no signer produces them).
 */
export function textBody(chars: number, tokens: number, sharedSignature = false): string {
  const line = '2026-01-01T00:00:00Z INFO request handled in 12 ms, user=sample status=ok.\n';
  const tokenLine = (n: number) =>
    `2026-01-01T00:00:00Z INFO token=${benchToken(n, sharedSignature ? 0 : n)} ok.\n`;
  const lines = recordCount(chars, tokens, line.length, tokenLine(0).length - line.length);
  const slots = tokenSlots(lines, tokens);
  const parts: string[] = [];
  let n = 0;
  for (let i = 0; i < lines; i++) {
    parts.push(slots.has(i) ? tokenLine(n++) : line);
  }
  return parts.join('');
}

/** One run of valid-looking headers joined by dots (`eyJhbGciOi….eyJhbGciOi….…`), no token. */
export function dotChainedHeaders(chars: number): string {
  const header = base64url.encode(JSON.stringify({ alg: 'HS256' }));
  return `${header}.`.repeat(Math.ceil(chars / (header.length + 1))).slice(0, chars);
}

/** Long runs of `eyJ` without dots (the regex backtracks over each run at every `eyJ`). */
export function longEyjRuns(chars: number): string {
  const run = `${'eyJ'.repeat(100)} `;
  return run.repeat(Math.ceil(chars / run.length)).slice(0, chars);
}

/** Near-miss fragments (`eyJ`, headers without payloads, dot chains of `eyJ`) and one token at the end. */
export function nearMissText(chars: number): string {
  const fragments = ['eyJ', HEADER, 'eyJ.eyJ.eyJ.eyJ.eyJ', 'eyJ'.repeat(50)];
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < chars; i++) {
    const piece = `${fragments[i % fragments.length]} ${i % 7 === 0 ? 'x'.repeat(200) : ''}`;
    parts.push(piece);
    size += piece.length;
  }
  parts.push(` ${benchToken(0)}`);
  return parts.join('');
}
