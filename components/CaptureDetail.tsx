// CaptureDetail: the selected capture — where it was seen, its full inspection, and the replay slot.
import type { ComponentChildren } from 'preact';
import type { ImageRef } from '../lib/uqudo/summary';
import { selectCaptureFacts, type Capture } from '../lib/store';
import { CopyButton } from './CopyButton';
import { InspectionView } from './InspectionView';
import { describeRequest } from './SightingList';
import { useNow } from './useNow';
import { UntrustedText, VisibleText } from './UntrustedText';

export interface CaptureDetailProps {
  capture: Capture;
  /** How many captures carry this capture's jti. */
  jtiCount: number;
  /** Slot for replay controls (Info API, images) of this capture. */
  renderReplay?: (capture: Capture) => ComponentChildren;
  /** Slot for per-image replay actions inside the Uqudo summary. */
  renderImageActions?: (capture: Capture, ref: ImageRef) => ComponentChildren;
}

const SOURCE_WORDS: Record<Capture['exchange']['source'], string> = {
  network: 'live traffic',
  har: 'imported HAR file',
  paste: 'pasted',
  replay: 'replay from the panel',
};

/** The detail pane of one capture. */
export function CaptureDetail({
  capture,
  jtiCount,
  renderReplay,
  renderImageActions,
}: CaptureDetailProps) {
  const now = useNow();
  const { exchange } = capture;
  const facts = selectCaptureFacts(capture);
  const imageActions = renderImageActions
    ? (ref: ImageRef) => renderImageActions(capture, ref)
    : undefined;
  return (
    <section class="capture-detail" data-testid="detail" aria-label="Selected token">
      <header class="capture-detail-head">
        <h2 title={exchange.url || undefined}>
          <VisibleText text={describeRequest(capture)} />
        </h2>
        <CopyButton text={capture.sighting.token} label="Copy token" />
      </header>
      <dl class="exchange-info">
        {exchange.source !== 'paste' && (
          <>
            <dt>URL</dt>
            <dd class="exchange-url">
              <UntrustedText text={exchange.url} max={2000} />
            </dd>
            <dt>Status</dt>
            <dd>{exchange.status === 0 ? 'unknown' : exchange.status}</dd>
          </>
        )}
        <dt>Found in</dt>
        <dd>
          <VisibleText text={facts.where} />
        </dd>
        <dt>Source</dt>
        <dd>{SOURCE_WORDS[exchange.source]}</dd>
        {exchange.time > 0 && (
          <>
            <dt>Time</dt>
            <dd>{new Date(exchange.time).toLocaleString()}</dd>
          </>
        )}
        {capture.jti && (
          <>
            <dt>jti</dt>
            <dd>
              <UntrustedText text={capture.jti} />
              {jtiCount > 1 && (
                <span class="duplicate-note" data-testid="duplicate-note">
                  {' '}
                  — seen in {jtiCount} captures (a replayed or re-sent result?)
                </span>
              )}
            </dd>
          </>
        )}
        {exchange.bodyNote && (
          <>
            <dt>Body</dt>
            <dd class="level-warn">{exchange.bodyNote}</dd>
          </>
        )}
      </dl>
      {capture.inspection ? (
        <InspectionView
          inspection={capture.inspection}
          summary={facts.summary}
          now={now}
          renderImageActions={imageActions}
        />
      ) : (
        <p class="muted">Checking…</p>
      )}
      {renderReplay && (
        <section class="replay-slot" aria-label="Replay">
          {renderReplay(capture)}
        </section>
      )}
    </section>
  );
}
