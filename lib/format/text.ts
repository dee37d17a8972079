// Text shortening for display: caps for untrusted text and short forms of long ids.

/** `text` cut to `max` characters, with an ellipsis when something was cut. */
export function capText(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** A long id (UUID, image id) as its first 8 characters and an ellipsis; short ids unchanged. */
export function shortenId(id: string): string {
  return id.length > 13 ? `${id.slice(0, 8)}…` : id;
}
