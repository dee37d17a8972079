// The WebAssembly twin of readJsonPrefix for ASCII text: the text is copied into its memory and read with SIMD.
import { readJsonPrefix, UNSUPPORTED, type PrefixReader, type PrefixReading } from './json-prefix';
import { JSON_PREFIX_WASM } from './json-prefix-wasm-bytes';

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
 * A PrefixReader over a compiled json-prefix module: ASCII texts of `minLength` or more are
 * read by the module (its records are a view of its memory, valid until the next read); shorter
 * ones, those with other characters, and those the module cannot finish (its output area full)
 * by readJsonPrefix, which answers the same. Its memory grows to the largest text read (extraction
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
  return (text, len, probes): PrefixReading => {
    if (len < minLength) return readJsonPrefix(text, len, probes);
    exports ??= new WebAssembly.Instance(module).exports as unknown as PrefixExports;
    const { memory, scratchBytes, scan } = exports;
    const probesAt = align(len + PADDING, 16);
    const scratchAt = align(probesAt + (probes.length + 1) * 4, 16);
    const outAt = align(scratchAt + scratchBytes(len), 16);
    // Room for every probe's record at a depth of 30; deeper documents are read again in JS.
    const outEnd = outAt + (probes.length + 1) * 128 + 1024;
    const pages = Math.ceil(outEnd / PAGE) - memory.buffer.byteLength / PAGE;
    if (pages > 0) memory.grow(pages);
    if (bytes.buffer !== memory.buffer) {
      bytes = new Uint8Array(memory.buffer);
      words = new Int32Array(memory.buffer);
    }
    const { read, written } = encoder.encodeInto(
      len === text.length ? text : text.slice(0, len),
      bytes.subarray(0, len),
    );
    if (read !== len || written !== len) return readJsonPrefix(text, len, probes);
    bytes.fill(32, len, len + PADDING);
    for (let i = 0; i < probes.length; i++) words[(probesAt >> 2) + i] = probes[i] as number;
    words[(probesAt >> 2) + probes.length] = 0x7fffffff;
    const status = scan(len, probesAt, scratchAt, outAt, outEnd) as PrefixReading['status'];
    // Too deep, or too many records for the area: the JS reader tells which, and reads the rest.
    if (status === UNSUPPORTED) return readJsonPrefix(text, len, probes);
    return { status, records: words.subarray(outAt >> 2, outEnd >> 2) };
  };
}

/** Compiles the module built into json-prefix-wasm-bytes.ts, as a reader (rejects without WebAssembly). */
export async function compileWasmPrefixReader(): Promise<PrefixReader> {
  const bytes = Uint8Array.from(atob(JSON_PREFIX_WASM), (char) => char.charCodeAt(0));
  return createWasmPrefixReader(await WebAssembly.compile(bytes));
}
