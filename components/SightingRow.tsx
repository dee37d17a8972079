// SightingRow: one token sighting in the flat list (time, host, request, where, kind, jti, verdict).
import type { Capture } from '../lib/store';
import { describeRow } from '../lib/store/row-text';
import { ImportedBadge } from './ImportedBadge';
import { memo } from './memo';
import { VerdictBadge } from './VerdictBadge';
import { VisibleText } from './UntrustedText';

/** Props of {@link SightingRow}. */
export interface SightingRowProps {
  capture: Capture;
  selected: boolean;
  /** How many captures carry this row's jti. */
  seen: number;
  rowHeight: number;
  onSelect: (id: string) => void;
}

/**
 * One row; the test contract: data-testid="token-row", data-jti and data-verdict once checked.
 * Memoised: when traffic adds a row, the rows already shown (same capture object) are not rendered
 * again, so their words (describeRow: URL parsed, time formatted) are worked out once per capture.
 */
export const SightingRow = memo(function SightingRow({
  capture,
  selected,
  seen,
  rowHeight,
  onSelect,
}: SightingRowProps) {
  const duplicate = seen > 1;
  const classes = ['sighting-row'];
  if (selected) classes.push('selected');
  if (duplicate) classes.push('duplicate-jti');
  if (capture.replay) classes.push('replay');
  const text = describeRow(capture);
  return (
    <div
      id={`row-${capture.id}`}
      class={classes.join(' ')}
      role="option"
      aria-selected={selected}
      data-testid={capture.verdict ? 'token-row' : 'token-row-pending'}
      data-jti={capture.jti}
      data-verdict={capture.verdict}
      data-imported={capture.imported ? '1' : undefined}
      title={duplicate ? `jti seen ${seen} times` : undefined}
      style={{ height: `${rowHeight}px` }}
      onClick={() => onSelect(capture.id)}
    >
      <span class="cell-time">{text.time}</span>
      <span class="cell-host" title={text.host || undefined}>
        <VisibleText text={text.host} />
      </span>
      <span class="cell-request" title={capture.exchange.url || undefined}>
        <VisibleText text={text.request} />
        {capture.imported && <ImportedBadge />}
      </span>
      <span class="cell-where" title={text.where}>
        <VisibleText text={text.where} />
      </span>
      <span class="cell-kind">{text.kind}</span>
      <span class="cell-jti" title={capture.jti || undefined}>
        <VisibleText text={text.jti} />
        {duplicate && <span class="duplicate-mark"> ×{seen}</span>}
      </span>
      <span class="cell-verdict">
        {capture.verdict ? (
          <VerdictBadge verdict={capture.verdict} />
        ) : (
          <span class="muted">checking…</span>
        )}
      </span>
    </div>
  );
});
