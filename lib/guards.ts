// Type guards for untrusted data (parsed JSON, storage, page traffic): the one home of isRecord and isUuid.

/** True for a plain object (not null, not an array): the shape of a parsed JSON object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/** True for a UUID in 8-4-4-4-12 hex form, either case (the shape of Uqudo session ids): the one UUID pattern. */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}
