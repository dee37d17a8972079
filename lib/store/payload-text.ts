// The capped text of a token's payload values that the filter box searches (built once per inspection).

/** Characters of payload values kept per capture (memory: 50,000 captures × this, at most). */
const MAX_PAYLOAD_TEXT = 768;
/** Longer strings (images, base64 blobs, certificates) are not searchable values. */
const MAX_VALUE_CHARS = 200;
/** JSON nodes visited at most, so a huge payload costs bounded work. */
const MAX_NODES = 4_000;

/**
 * The payload's short string and number values in document order, joined by newlines and capped at
 * MAX_PAYLOAD_TEXT characters: names, document numbers, statuses… become searchable without
 * indexing images. Work is bounded by MAX_NODES whatever the payload's size.
 */
export function collectPayloadText(payload: unknown): string {
  const parts: string[] = [];
  let length = 0;
  let visited = 0;
  const stack: unknown[] = [payload];
  while (stack.length > 0 && visited < MAX_NODES && length < MAX_PAYLOAD_TEXT) {
    const value = stack.pop();
    visited += 1;
    if (typeof value === 'string') {
      if (value.length > 0 && value.length <= MAX_VALUE_CHARS) {
        parts.push(value);
        length += value.length + 1;
      }
    } else if (typeof value === 'number' && Number.isFinite(value)) {
      parts.push(String(value));
      length += 12;
    } else if (Array.isArray(value)) {
      // Reversed, so the stack pops them in document order.
      for (let i = Math.min(value.length, MAX_NODES) - 1; i >= 0; i -= 1) stack.push(value[i]);
    } else if (typeof value === 'object' && value !== null) {
      const values = Object.values(value as Record<string, unknown>);
      for (let i = Math.min(values.length, MAX_NODES) - 1; i >= 0; i -= 1) stack.push(values[i]);
    }
  }
  return parts.join('\n').slice(0, MAX_PAYLOAD_TEXT);
}
