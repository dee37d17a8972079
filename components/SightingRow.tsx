// SightingRow: one token sighting in the flat list (time, host, request, where, kind, jti, verdict).
import { formatClockTime } from '../lib/format/clock';
import { describeHost, describeKind, describeRequest } from '../lib/format/capture-words';
import { describeWhere, type Capture } from '../lib/store';
import { ImportedBadge } from './ImportedBadge';
import { VerdictBadge } from './VerdictBadge';
import { VisibleText } from './UntrustedText';

const JTI_SHORT_CHARS = 8;

/** Props of {@link SightingRow}. */
export interface SightingRowProps {
  capture: Capture;
  selected: boolean;
  /** How many captures carry this row's jti. */
  seen: number;
  rowHeight: number;
  onSelect: (id: string) => void;
}

/** One row; the test contract: data-testid="token-row", data-jti and data-verdict once checked. */
export function SightingRow({ capture, selected, seen, rowHeight, onSelect }: SightingRowProps) {
  const duplicate = seen > 1;
  const classes = ['sighting-row'];
  if (selected) classes.push('selected');
  if (duplicate) classes.push('duplicate-jti');
  if (capture.replay) classes.push('replay');
  const where = describeWhere(capture);
  const host = describeHost(capture.exchange.url);
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
      <span class="cell-time">{formatClockTime(capture.exchange.time)}</span>
      <span class="cell-host" title={host || undefined}>
        <VisibleText text={host} />
      </span>
      <span class="cell-request" title={capture.exchange.url || undefined}>
        <VisibleText text={describeRequest(capture)} />
        {capture.imported && <ImportedBadge />}
      </span>
      <span class="cell-where" title={where}>
        <VisibleText text={where} />
      </span>
      <span class="cell-kind">{describeKind(capture)}</span>
      <span class="cell-jti" title={capture.jti || undefined}>
        <VisibleText text={shorten(capture.jti)} />
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
}

function shorten(jti: string): string {
  return jti.length > JTI_SHORT_CHARS ? `${jti.slice(0, JTI_SHORT_CHARS)}…` : jti;
}
