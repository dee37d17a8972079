// redactJson: an allow-list redaction of untrusted JSON — kept fields, markers for the rest, tokens by hash.
import { isRecord } from '../guards';
import { descendAllowList, type AllowNode } from './allow-list';
import { isBinaryText, isTokenText, scrubText } from './scrub';

/** What replaces a value that is not exported. */
interface RedactedValue {
  /** What was there: a primitive's type, a token, an image (data URL / base64), or a removed secret. */
  $redacted: 'string' | 'number' | 'boolean' | 'token' | 'image' | 'secret' | 'too-deep';
  /** Length in characters (strings, tokens, images). */
  length?: number;
  /** SHA-256 (hex) of a token, so two reports can be matched without the token. */
  sha256?: string;
}

/** What the export keeps. */
export interface RedactionPolicy {
  /** Personal data (every field outside the allow-list) is kept as it is. */
  includePersonal: boolean;
  /** Tokens are kept verbatim (only with includePersonal; never the default). */
  includeSecrets: boolean;
  /** SHA-256 (hex) of each token found by findTokenPieces. */
  hashOf: (token: string) => string | undefined;
}

/** Deepest JSON level exported; deeper values become a `too-deep` marker. */
const MAX_DEPTH = 48;
/** Longest string kept (longer ones are cut, with a note). */
const MAX_KEPT_STRING = 4096;
/** Longest key kept as it is; keys that do not look like field names are replaced too. */
const KEY_PATTERN = /^[A-Za-z_$][A-Za-z0-9_$-]{0,63}$/;
/** Nodes visited per value (linear, bounded work on hostile input). */
const MAX_NODES = 200_000;

/** How the walk descends: along the allow-list's paths, or the same flat list at every depth. */
type AllowMode = 'path' | 'flat';

interface Walk {
  policy: RedactionPolicy;
  root: AllowNode;
  mode: AllowMode;
  nodes: number;
}

function cut(text: string): string {
  return text.length > MAX_KEPT_STRING
    ? `${text.slice(0, MAX_KEPT_STRING)}… (${text.length} chars)`
    : text;
}

/** The marker (or kept text) of a string that is a token or an image, whatever the allow-list says. */
function redactSpecialString(text: string, walk: Walk): RedactedValue | string | undefined {
  if (isTokenText(text)) {
    if (walk.policy.includeSecrets) return text;
    const sha256 = walk.policy.hashOf(text.trim());
    return { $redacted: 'token', length: text.length, ...(sha256 && { sha256 }) };
  }
  if (isBinaryText(text) && !walk.policy.includePersonal) {
    return { $redacted: 'image', length: text.length };
  }
  return undefined;
}

function redactPrimitive(value: unknown, node: AllowNode | undefined, walk: Walk): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') {
    const special = redactSpecialString(value, walk);
    if (special !== undefined) return special;
    const kept = walk.policy.includePersonal || node?.leaf === true || node?.subtree === true;
    if (!kept) return { $redacted: 'string', length: value.length };
    if (walk.policy.includeSecrets) return value;
    const scrubbed = scrubText(value, walk.policy.hashOf, walk.policy.includePersonal);
    // An included photo is kept whole; other kept text is capped.
    return walk.policy.includePersonal && isBinaryText(value) ? scrubbed : cut(scrubbed);
  }
  if (typeof value === 'number' || typeof value === 'boolean') {
    const kept = walk.policy.includePersonal || node?.leaf || node?.subtree || node?.flags === true;
    return kept ? value : { $redacted: typeof value };
  }
  return { $redacted: 'string', length: String(value).length };
}

/** The allow-list node of a child, inheriting whole-subtree and flag permissions. */
function childNode(
  node: AllowNode | undefined,
  segment: string,
  walk: Walk,
): AllowNode | undefined {
  const inherited =
    node && (node.subtree || node.flags)
      ? { leaf: false, subtree: node.subtree, flags: node.flags, children: new Map() }
      : undefined;
  const next =
    walk.mode === 'flat'
      ? segment === '[]'
        ? walk.root
        : walk.root.children.get(segment)
      : descendAllowList(node, segment);
  if (!next) return inherited;
  if (!inherited) return next;
  return {
    ...next,
    subtree: next.subtree || inherited.subtree,
    flags: next.flags || inherited.flags,
  };
}

function redactAt(value: unknown, node: AllowNode | undefined, walk: Walk, depth: number): unknown {
  walk.nodes += 1;
  if (depth > MAX_DEPTH || walk.nodes > MAX_NODES) return { $redacted: 'too-deep' };
  if (Array.isArray(value)) {
    const child = childNode(node, '[]', walk);
    return value.map((item) => redactAt(item, child, walk, depth + 1));
  }
  if (isRecord(value)) {
    const out: Record<string, unknown> = {};
    let index = 0;
    for (const [key, item] of Object.entries(value)) {
      const safeKey = walk.policy.includePersonal || KEY_PATTERN.test(key) ? key : `‹key ${index}›`;
      // defineProperty: a `__proto__` key stays a plain key instead of replacing the prototype.
      Object.defineProperty(out, safeKey, {
        value: redactAt(item, childNode(node, key, walk), walk, depth + 1),
        enumerable: true,
        writable: true,
        configurable: true,
      });
      index += 1;
    }
    return out;
  }
  return redactPrimitive(value, node, walk);
}

/**
 * Redacts parsed JSON by the allow-list: kept fields stay (free text in them scrubbed of tokens
 * and images), everything else becomes a RedactedValue that keeps its type and length; tokens
 * anywhere become their SHA-256. Object keys and array lengths stay, so structure can be compared.
 * `mode: 'flat'` applies the list's top-level names at every depth (request/response bodies).
 * Linear in the input; bounded depth and node count; never throws.
 */
export function redactJson(
  value: unknown,
  allow: AllowNode,
  policy: RedactionPolicy,
  mode: AllowMode = 'path',
): unknown {
  return redactAt(value, allow, { policy, root: allow, mode, nodes: 0 }, 0);
}
