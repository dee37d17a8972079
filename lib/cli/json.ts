// JSON output of the CLI: the contract's Inspection object, and a writer that survives any nesting depth.
import type { Finding } from '../jose/findings';
import type { Inspection } from '../jose/inspect';

/** One token in a HAR file, as `scan --json` prints it. */
export interface ScanResult {
  entry: number;
  url: string;
  location: string;
  path?: string;
  inspection: Inspection;
}

/**
 * The Inspection exactly as the CLI contract shapes it: `format`, `header`, `payload`, `signature`,
 * `kind`, `inner` (only when present) and `findings` of `{severity, code, message}` — nothing else,
 * even if the engine adds fields.
 */
export function toInspectionJson(inspection: Inspection): Record<string, unknown> {
  const json: Record<string, unknown> = {
    format: inspection.format,
    header: inspection.header ?? null,
    payload: inspection.payload === undefined ? null : inspection.payload,
    signature: inspection.signature,
    kind: inspection.kind,
  };
  if (inspection.inner) json.inner = toInspectionJson(inspection.inner);
  json.findings = inspection.findings.map((finding: Finding) => ({
    severity: finding.severity,
    code: finding.code,
    message: finding.message,
  }));
  return json;
}

/** A scan result in the contract's shape (`path` only when meaningful). */
export function toScanJson(result: ScanResult): Record<string, unknown> {
  const json: Record<string, unknown> = {
    entry: result.entry,
    url: result.url,
    location: result.location,
  };
  if (result.path !== undefined) json.path = result.path;
  json.inspection = toInspectionJson(result.inspection);
  return json;
}

/**
 * `JSON.stringify(value, null, indent)` for JSON data, except that it never overflows the stack:
 * decoded token payloads can be nested thousands of levels deep, which makes the built-in throw.
 */
export function stringifyJson(value: unknown, indent = 2): string {
  try {
    return JSON.stringify(value, null, indent) ?? 'null';
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return stringifyJsonIteratively(value, indent);
  }
}

type Frame =
  | { kind: 'array'; items: unknown[]; index: number; depth: number; wrote: boolean }
  | { kind: 'object'; entries: [string, unknown][]; index: number; depth: number; wrote: boolean };

/**
 * The same output as `JSON.stringify(value, null, indent)` for JSON data (plain objects, arrays,
 * strings, finite numbers, booleans, null; `undefined` members skipped), with an explicit stack.
 */
export function stringifyJsonIteratively(value: unknown, indent = 2): string {
  const out: string[] = [];
  const stack: Frame[] = [];
  const newline = (depth: number) => (indent > 0 ? `\n${' '.repeat(indent * depth)}` : '');
  const colon = indent > 0 ? ': ' : ':';

  // Writes a scalar, or opens a container and pushes its frame.
  const open = (item: unknown, depth: number) => {
    if (item === null || typeof item !== 'object') {
      out.push(scalar(item));
      return;
    }
    if (Array.isArray(item)) {
      if (item.length === 0) out.push('[]');
      else {
        out.push('[');
        stack.push({ kind: 'array', items: item, index: 0, depth: depth + 1, wrote: false });
      }
      return;
    }
    const entries = Object.entries(item).filter(([, member]) => isSerializable(member));
    if (entries.length === 0) out.push('{}');
    else {
      out.push('{');
      stack.push({ kind: 'object', entries, index: 0, depth: depth + 1, wrote: false });
    }
  };

  open(value, 0);
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    const length = frame.kind === 'array' ? frame.items.length : frame.entries.length;
    if (frame.index >= length) {
      stack.pop();
      out.push(newline(frame.depth - 1), frame.kind === 'array' ? ']' : '}');
      continue;
    }
    if (frame.wrote) out.push(',');
    frame.wrote = true;
    out.push(newline(frame.depth));
    if (frame.kind === 'array') {
      const item = frame.items[frame.index++];
      open(isSerializable(item) ? item : null, frame.depth);
    } else {
      const [key, member] = frame.entries[frame.index++]!;
      out.push(JSON.stringify(key), colon);
      open(member, frame.depth);
    }
  }
  return out.join('');
}

function isSerializable(value: unknown): boolean {
  return value !== undefined && typeof value !== 'function' && typeof value !== 'symbol';
}

function scalar(value: unknown): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  if (typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
  return 'null';
}
