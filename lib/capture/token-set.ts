// TokenSet: a set of token strings that hashes a short tail of each, not the whole (often 1 KB) token.

/** Characters of a token's end that key it: the signature's last bytes, which differ per token. */
const TAIL = 16;

/**
 * A set of strings for tokens. A Set<string> hashes every character of every token it is given
 * (~1 µs for a 1 KB token); this one keys tokens by length and last TAIL characters, compares whole
 * strings only within a key, and hashes whole tokens only for a key that several distinct tokens
 * share (crafted input), so the work stays linear in the tokens' total length.
 */
export class TokenSet {
  private readonly byTail = new Map<string, string | Set<string>>();

  /** Adds the token; false when it was already there. */
  add(token: string): boolean {
    const key = `${token.length}:${token.slice(-TAIL)}`;
    const known = this.byTail.get(key);
    if (known === undefined) {
      this.byTail.set(key, token);
      return true;
    }
    if (typeof known === 'string') {
      if (known === token) return false;
      this.byTail.set(key, new Set([known, token]));
      return true;
    }
    if (known.has(token)) return false;
    known.add(token);
    return true;
  }
}
