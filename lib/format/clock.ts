// Wall-clock times of captured requests for the lists ("14:03:07"), with one shared formatter.

// One formatter for all rows: toLocaleTimeString builds a new one per call, which is slow.
let timeFormat: Intl.DateTimeFormat | undefined;

/** "14:03:07" (24-hour, local) for a time in ms; "—" for 0, NaN or a date out of range. */
export function formatClockTime(ms: number): string {
  if (!ms || !Number.isFinite(ms)) return '—';
  timeFormat ??= new Intl.DateTimeFormat(undefined, {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
  });
  try {
    return timeFormat.format(ms);
  } catch {
    // Out-of-range dates from untrusted HAR files.
    return '—';
  }
}
