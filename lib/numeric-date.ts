// JWT NumericDate (seconds since the epoch) conversion.

/** A NumericDate claim as milliseconds since the epoch, or undefined when it is not a finite number. */
export function readNumericDateMs(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value * 1000 : undefined;
}
