// ToolbarCounts: "3 of 12 tokens · checking 2… · 7 dropped" in the toolbar (the bench and e2e read it).
/** Props of {@link ToolbarCounts}. */
export interface ToolbarCountsProps {
  /** Captures held. */
  total: number;
  /** Captures the filter lets through. */
  shown: number;
  /** Inspections queued or running. */
  pending: number;
  dropped: number;
}

/** The counts line; test contract: data-testid="counts". */
export function ToolbarCounts({ total, shown, pending, dropped }: ToolbarCountsProps) {
  const counts = [
    shown === total ? plural(total, 'token') : `${shown} of ${plural(total, 'token')}`,
  ];
  if (pending > 0) counts.push(`checking ${pending}…`);
  if (dropped > 0) counts.push(`${dropped} dropped`);
  return (
    <span class="toolbar-counts" data-testid="counts" aria-live="polite">
      {counts.join(' · ')}
    </span>
  );
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
