// The reference for attributeJsonPaths: a plain recursive-descent reading of the body up to the last token's string.
import { childPath, ROOT_PATH } from '../../format/json-path';
import { findTokens, type FoundToken } from '../../jose/find';
import type { JsonPathAnswer } from '../json-paths';

/** A string value met by the reading: where it opens and closes (or is cut off), and its path. */
interface ValueString {
  open: number;
  close: number;
  path: Array<string | number>;
}

class NotJson extends Error {}
class TooDeep extends Error {}

/** Reads text[0, cut) char by char; past cut the text reads as spaces and the document may stop. */
class Descent {
  at = 0;
  readonly strings: ValueString[] = [];

  constructor(
    private readonly text: string,
    private readonly cut: number,
  ) {}

  private code(i: number): number {
    return i < this.cut ? this.text.charCodeAt(i) : 32;
  }

  private atEnd(): boolean {
    return this.at >= this.cut;
  }

  private skipSpace(): void {
    while (!this.atEnd() && ' \t\n\r'.includes(this.text.charAt(this.at))) this.at++;
  }

  /** Reads the string opening at `at`; its close (cut when it runs to the end). */
  private string(): number {
    let i = this.at + 1;
    for (; i < this.cut; i++) {
      const c = this.code(i);
      if (c === 34) break;
      if (c < 32) throw new NotJson();
      if (c === 92) {
        const letter = this.code(i + 1);
        if (letter === 117) {
          for (let h = i + 2; h < i + 6; h++) {
            if (!/[0-9a-fA-F]/.test(String.fromCharCode(this.code(h)))) throw new NotJson();
          }
          i += 5;
        } else if ('"\\/bfnrt'.includes(String.fromCharCode(letter))) i += 1;
        else throw new NotJson();
      }
    }
    this.at = i + 1;
    return Math.min(i, this.cut);
  }

  /** Reads a value; false when the text ended first. */
  value(depth: number, path: Array<string | number>): boolean {
    this.skipSpace();
    if (this.atEnd()) return false;
    const c = this.code(this.at);
    if (c === 34) {
      const open = this.at;
      const close = this.string();
      this.strings.push({ open, close, path });
      return close < this.cut;
    }
    if (c === 123 || c === 91) {
      if (depth >= 1000) throw new TooDeep();
      this.at++;
      return c === 123 ? this.object(depth + 1, path) : this.array(depth + 1, path);
    }
    if (',:]}'.includes(String.fromCharCode(c))) throw new NotJson();
    while (!this.atEnd() && !' \t\n\r"{}[],:'.includes(this.text.charAt(this.at))) {
      if (this.code(this.at) === 92) throw new NotJson();
      this.at++;
    }
    return true;
  }

  private object(depth: number, path: Array<string | number>): boolean {
    this.skipSpace();
    if (this.atEnd()) return false;
    if (this.code(this.at) === 125) {
      this.at++;
      return true;
    }
    for (;;) {
      if (this.code(this.at) !== 34) throw new NotJson();
      const open = this.at;
      const close = this.string();
      if (close >= this.cut) return false;
      const name = JSON.parse(this.text.slice(open, close + 1)) as string;
      this.skipSpace();
      if (this.atEnd()) return false;
      if (this.code(this.at) !== 58) throw new NotJson();
      this.at++;
      if (!this.value(depth, [...path, name])) return false;
      const next = this.separator(125);
      if (next !== 44) return next === 125;
      this.skipSpace();
      if (this.atEnd()) return false;
    }
  }

  private array(depth: number, path: Array<string | number>): boolean {
    this.skipSpace();
    if (this.atEnd()) return false;
    if (this.code(this.at) === 93) {
      this.at++;
      return true;
    }
    for (let index = 0; ; index++) {
      if (!this.value(depth, [...path, index])) return false;
      const next = this.separator(93);
      if (next !== 44) return next === 93;
    }
  }

  /** After a member: the `,` or closer read (past it), or -1 at the end. */
  private separator(closer: number): number {
    this.skipSpace();
    if (this.atEnd()) return -1;
    const c = this.code(this.at);
    if (c !== 44 && c !== closer) throw new NotJson();
    this.at++;
    return c;
  }

  /** The whole reading: a value, then only whitespace. */
  document(): void {
    if (this.value(0, [])) {
      this.skipSpace();
      if (!this.atEnd()) throw new NotJson();
    }
  }
}

/** The decoded text of a string value (undefined when cut inside an escape). */
function decode(text: string, { open, close }: ValueString, cut: number): string | undefined {
  try {
    return JSON.parse(close < cut ? text.slice(open, close + 1) : `${text.slice(open, cut)}"`);
  } catch {
    return undefined;
  }
}

/**
 * What attributeJsonPaths must answer, read the plain way: cut the body after the string holding
 * the last token start or `\u`; read what is before the cut by recursive descent; every string
 * value's tokens (its raw hits when it has no backslash, else the hits in its decoded text) get
 * its path; raw tokens left over are unplaced.
 */
export function oracleJsonPaths(body: string, tokens: readonly FoundToken[]): JsonPathAnswer {
  // The last `\u` that is no valid escape or decodes to a base64url character or a dot.
  let lastEscape = -1;
  for (const match of body.matchAll(/\\u(?=([^]{0,4}))/g)) {
    const hex = match[1] ?? '';
    const decoded = /^[0-9a-fA-F]{4}$/.test(hex) ? String.fromCharCode(parseInt(hex, 16)) : '';
    if (decoded === '' || /^[A-Za-z0-9_.-]$/.test(decoded)) lastEscape = match.index;
  }
  const last = Math.max(lastEscape, tokens[tokens.length - 1]?.start ?? -1);
  if (last === -1) return { tokens: [], unplaced: [] };
  let cut = body.length;
  for (let i = last + 1; i < body.length; i++) {
    let slashes = 0;
    while (body.charCodeAt(i - 1 - slashes) === 92) slashes++;
    if (body.charCodeAt(i) === 34 && slashes % 2 === 0) {
      cut = i + 1;
      break;
    }
  }
  const descent = new Descent(body, cut);
  try {
    descent.document();
  } catch (error) {
    if (error instanceof TooDeep) return 'unsupported';
    return 'not-json';
  }
  const found: { path: string; token: string }[] = [];
  const placed = new Set<FoundToken>();
  for (const value of descent.strings) {
    const path = value.path.reduce<string>((p, key) => childPath(p, key), ROOT_PATH);
    const inside = tokens.filter((t) => t.start > value.open && t.start < value.close);
    if (!body.slice(value.open + 1, value.close).includes('\\')) {
      for (const t of inside) {
        found.push({ path, token: t.token });
        placed.add(t);
      }
    } else {
      const text = decode(body, value, cut);
      for (const hit of text === undefined ? [] : findTokens(text)) {
        found.push({ path, token: hit.token });
      }
    }
  }
  return { tokens: found, unplaced: tokens.filter((t) => !placed.has(t)) };
}
