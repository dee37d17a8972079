// The WebAssembly twin of readJsonPrefix: the text is copied into its memory as UTF-8 and read with SIMD.
import {
  READ,
  readJsonPrefix,
  UNSUPPORTED,
  type PrefixReader,
  type PrefixReading,
} from './json-prefix';
import { JSON_PREFIX_WASM } from './json-prefix-wasm-bytes';
import { Utf8Offsets } from './utf8-offsets';

/** What the module exports (scripts/build-json-prefix-wasm.mjs writes it). */
interface PrefixExports {
  memory: WebAssembly.Memory;
  scratchBytes(len: number): number;
  scan(len: number, probes: number, scratch: number, out: number, outEnd: number): number;
}

/** Shorter texts are read by readJsonPrefix: copying them in costs more than it saves. */
const WASM_MIN_LENGTH = 2048;
const PAGE = 65_536;
/** Bytes the module may read past the text (whole 64-byte blocks), written as spaces. */
const PADDING = 64;

const encoder = new TextEncoder();

function align(offset: number, to: number): number {
  return Math.ceil(offset / to) * to;
}

/**
 * A PrefixReader over a compiled json-prefix module: texts of `minLength` or more are read by the
 * module as UTF-8 (probes and the records' offsets converted by Utf8Offsets when the text is not
 * all ASCII; its records are a view of its memory, valid until the next read); shorter ones, and
 * those the module cannot finish (too deep, its output area full), by readJsonPrefix, which
 * answers the same. Its memory grows to the largest text read (extraction
 * reads JSON bodies up to MAX_SCAN_CHARS) and stays, for the next read.
 */
export function createWasmPrefixReader(
  module: WebAssembly.Module,
  minLength = WASM_MIN_LENGTH,
): PrefixReader {
  let exports: PrefixExports | undefined;
  // Views of the memory, made again only when it grows (growing detaches the old buffer).
  let bytes = new Uint8Array(0);
  let words = new Int32Array(0);
  /** Lays out text, probes, scratch and output for a text of `size` bytes; grows the memory. */
  const place = ({ memory, scratchBytes }: PrefixExports, size: number, probeCount: number) => {
    const probesAt = align(size + PADDING, 16);
    const scratchAt = align(probesAt + (probeCount + 1) * 4, 16);
    const outAt = align(scratchAt + scratchBytes(size), 16);
    // Room for every probe's record at a depth of 30; deeper documents are read again in JS.
    const outEnd = outAt + (probeCount + 1) * 128 + 1024;
    const pages = Math.ceil(outEnd / PAGE) - memory.buffer.byteLength / PAGE;
    if (pages > 0) memory.grow(pages);
    if (bytes.buffer !== memory.buffer) {
      bytes = new Uint8Array(memory.buffer);
      words = new Int32Array(memory.buffer);
    }
    return { probesAt, scratchAt, outAt, outEnd };
  };
  return (text, len, probes): PrefixReading => {
    if (len < minLength) return readJsonPrefix(text, len, probes);
    exports ??= new WebAssembly.Instance(module).exports as unknown as PrefixExports;
    const source = len === text.length ? text : text.slice(0, len);
    // ASCII first (one byte per character); other text is encoded again at its UTF-8 length.
    let size = len;
    let layout = place(exports, size, probes.length);
    let { read, written } = encoder.encodeInto(source, bytes.subarray(0, size));
    let offsets: Utf8Offsets | undefined;
    if (read !== len || written !== len) {
      offsets = new Utf8Offsets(source);
      size = offsets.byteLength;
      layout = place(exports, size, probes.length);
      ({ read, written } = encoder.encodeInto(source, bytes.subarray(0, size)));
      if (read !== len || written !== size) return readJsonPrefix(text, len, probes);
    }
    const { probesAt, scratchAt, outAt, outEnd } = layout;
    bytes.fill(32, size, size + PADDING);
    const at = offsets ? offsets.toBytes(probes) : probes;
    for (let i = 0; i < at.length; i++) words[(probesAt >> 2) + i] = at[i] as number;
    words[(probesAt >> 2) + at.length] = 0x7fffffff;
    const status = exports.scan(
      size,
      probesAt,
      scratchAt,
      outAt,
      outEnd,
    ) as PrefixReading['status'];
    // Too deep, or too many records for the area: the JS reader tells which, and reads the rest.
    if (status === UNSUPPORTED) return readJsonPrefix(text, len, probes);
    const records = words.subarray(outAt >> 2, outEnd >> 2);
    if (offsets && status === READ) toUnits(records, offsets);
    return { status, records };
  };
}

/** Turns the byte offsets in records (probes, key colons) into UTF-16 offsets, in place. */
function toUnits(records: Int32Array, offsets: Utf8Offsets): void {
  for (let r = 0; records[r] !== -1;) {
    const depth = records[r + 1] as number;
    records[r] = offsets.toUnits(records[r] as number);
    for (let d = r + 2; d < r + 2 + depth; d++) {
      const entry = records[d] as number;
      // Array levels hold -1 - index; object levels the key's colon.
      if (entry >= 0) records[d] = offsets.toUnits(entry);
    }
    r += 2 + depth;
  }
}

/** Compiles the module built into json-prefix-wasm-bytes.ts, as a reader (rejects without WebAssembly). */
export async function compileWasmPrefixReader(): Promise<PrefixReader> {
  const bytes = Uint8Array.from(atob(JSON_PREFIX_WASM), (char) => char.charCodeAt(0));
  return createWasmPrefixReader(await WebAssembly.compile(bytes));
}
