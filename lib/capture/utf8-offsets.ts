// Utf8Offsets: where a text's UTF-16 offsets land in its UTF-8 encoding (TextEncoder's), and back.

/** Runs of characters outside ASCII: everything else is one byte per UTF-16 unit. */
const WIDE_RUN = /[^\x00-\x7f]+/g;

/**
 * The runs of non-ASCII characters of one text, and the bytes their UTF-8 encoding adds beyond one
 * per UTF-16 unit. Offsets outside the runs convert exactly both ways; an offset inside a run maps
 * into that run's bytes and back to itself. Work is linear in the text (a native scan between runs).
 */
export class Utf8Offsets {
  /** UTF-16 offset just after each run. */
  private readonly ends: number[] = [];
  /** Extra bytes of the runs up to and including each. */
  private readonly extras: number[] = [];
  /** The text's UTF-8 length, as TextEncoder writes it (a lone surrogate as U+FFFD). */
  readonly byteLength: number;

  constructor(text: string) {
    let extra = 0;
    WIDE_RUN.lastIndex = 0;
    for (let match = WIDE_RUN.exec(text); match !== null; match = WIDE_RUN.exec(text)) {
      const end = match.index + match[0].length;
      for (let i = match.index; i < end; i++) {
        const code = text.charCodeAt(i);
        if (code < 0x800) extra += 1;
        else if (code >= 0xd800 && code < 0xdc00 && i + 1 < end && isLowSurrogate(text, i + 1)) {
          // A pair: 4 bytes for 2 units.
          extra += 2;
          i++;
        } else extra += 2;
      }
      this.ends.push(end);
      this.extras.push(extra);
    }
    this.byteLength = text.length + extra;
  }

  /** Whether the text has characters outside ASCII. */
  get wide(): boolean {
    return this.ends.length > 0;
  }

  /** UTF-8 offsets of increasing UTF-16 offsets. */
  toBytes(offsets: ArrayLike<number>): number[] {
    const bytes: number[] = [];
    let run = 0;
    let extra = 0;
    for (let i = 0; i < offsets.length; i++) {
      const offset = offsets[i] as number;
      while (run < this.ends.length && (this.ends[run] as number) <= offset) {
        extra = this.extras[run] as number;
        run++;
      }
      bytes.push(offset + extra);
    }
    return bytes;
  }

  /** The UTF-16 offset of a UTF-8 offset that {@link toBytes} gave (or any outside the runs). */
  toUnits(byte: number): number {
    // The last run whose bytes end at or before `byte`.
    let low = 0;
    let high = this.ends.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((this.ends[mid] as number) + (this.extras[mid] as number) <= byte) low = mid + 1;
      else high = mid;
    }
    return low === 0 ? byte : byte - (this.extras[low - 1] as number);
  }
}

function isLowSurrogate(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  return code >= 0xdc00 && code < 0xe000;
}
