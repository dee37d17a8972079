// Type guards for untrusted data (parsed JSON, storage, page traffic): the one home of isRecord.

/** True for a plain object (not null, not an array): the shape of a parsed JSON object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
