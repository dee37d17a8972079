// JSON text for any JSON value in output linear in its size: indented near the top, compact below a depth, never recursive.

/** Levels indented by {@link stringifyJsonLinear} by default; deeper containers are written compactly. */
export const PRETTY_JSON_DEPTH = 8;

/** Options of {@link stringifyJsonLinear}. */
export interface JsonWriteOptions {
  /** Spaces per level (default 2; 0 writes everything compactly). */
  indent?: number;
  /**
   * Containers whose children sit deeper than this are written on one line (default
   * {@link PRETTY_JSON_DEPTH}). Indentation costs `indent × depth` per line, so a cap keeps the
   * output within a constant factor of the compact JSON however deep the value is nested.
   * `Infinity` gives exactly `JSON.stringify(value, null, indent)`.
   */
  prettyDepth?: number;
  /**
   * Writes a string value or key (default `JSON.stringify`). A readable report shortens long
   * strings here; the result is then JSON-like text rather than JSON.
   */
  string?: (value: string) => string;
}

type Frame =
  | { kind: 'array'; items: unknown[]; index: number; depth: number; pretty: boolean }
  | {
      kind: 'object';
      container: object;
      entries: [string, unknown][];
      index: number;
      depth: number;
      pretty: boolean;
    };

/**
 * Writes JSON data (plain objects, arrays, strings, numbers, booleans, null; `undefined`, function
 * and symbol members skipped, non-finite numbers as null — as `JSON.stringify` does) with an
 * explicit stack, so nesting depth cannot overflow the call stack. Indented to `prettyDepth`,
 * compact below it: the output is at most about `(indent × prettyDepth + 2)` times the compact
 * JSON. The text parses back to the same value. Throws a TypeError for a cycle, as
 * `JSON.stringify` does.
 */
export function stringifyJsonLinear(value: unknown, options: JsonWriteOptions = {}): string {
  const indent = Math.max(0, Math.floor(options.indent ?? 2));
  const prettyDepth = options.prettyDepth ?? PRETTY_JSON_DEPTH;
  const writeString = options.string ?? JSON.stringify;
  const out: string[] = [];
  const stack: Frame[] = [];
  // Containers being written: meeting one again is a cycle, which JSON cannot express.
  const writing = new Set<object>();
  const newline = (depth: number) => `\n${' '.repeat(indent * depth)}`;

  // Writes a scalar, or opens a container and pushes its frame (children at depth + 1).
  const open = (item: unknown, depth: number) => {
    if (item === null || typeof item !== 'object') {
      out.push(typeof item === 'string' ? writeString(item) : scalar(item));
      return;
    }
    if (writing.has(item)) throw new TypeError('Cannot write a cyclic structure as JSON');
    const pretty = indent > 0 && depth + 1 <= prettyDepth;
    if (Array.isArray(item)) {
      if (item.length === 0) out.push('[]');
      else {
        out.push('[');
        writing.add(item);
        stack.push({ kind: 'array', items: item, index: 0, depth: depth + 1, pretty });
      }
      return;
    }
    const entries = Object.entries(item).filter(([, member]) => isSerializable(member));
    if (entries.length === 0) out.push('{}');
    else {
      out.push('{');
      writing.add(item);
      stack.push({ kind: 'object', container: item, entries, index: 0, depth: depth + 1, pretty });
    }
  };

  open(value, 0);
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    const length = frame.kind === 'array' ? frame.items.length : frame.entries.length;
    if (frame.index >= length) {
      stack.pop();
      writing.delete(frame.kind === 'array' ? frame.items : frame.container);
      if (frame.pretty) out.push(newline(frame.depth - 1));
      out.push(frame.kind === 'array' ? ']' : '}');
      continue;
    }
    if (frame.index > 0) out.push(',');
    if (frame.pretty) out.push(newline(frame.depth));
    if (frame.kind === 'array') {
      const item = frame.items[frame.index++];
      open(isSerializable(item) ? item : null, frame.depth);
    } else {
      const [key, member] = frame.entries[frame.index++]!;
      out.push(writeString(key), frame.pretty ? ': ' : ':');
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
