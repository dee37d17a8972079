// CaptureDetail: the selected capture — where it was seen, then its tabs (checks, Uqudo, JSON, replay, images).
import type { ComponentChildren } from 'preact';
import { resolveDetailTab, selectDetailTabs, type DetailTab } from '../lib/detail/tabs';
import type { ImageRef } from '../lib/uqudo/summary';
import { selectCaptureFacts, type Capture } from '../lib/store';
import { CaptureExchangeInfo } from './CaptureExchangeInfo';
import { CopyButton } from './CopyButton';
import { DetailRawToken } from './DetailRawToken';
import { DetailTabs, detailPanelId, detailTabId } from './DetailTabs';
import { InspectionView } from './InspectionView';
import { describeRequest } from './SightingList';
import { useNow } from './useNow';
import { VisibleText } from './UntrustedText';

export interface CaptureDetailProps {
  capture: Capture;
  /** How many captures carry this capture's jti. */
  jtiCount: number;
  /** The tab the user chose (kept across rows; Checks is shown while it does not apply). */
  chosenTab?: DetailTab;
  onTab?: (tab: DetailTab) => void;
  /** Images already fetched for this capture's session (they keep the Images tab available). */
  fetchedImages?: number;
  /** Actions next to the heading (e.g. "Use this access token"). */
  headActions?: ComponentChildren;
  /** Slot for the Replay tab (Info API, delete, token). */
  renderReplay?: (capture: Capture) => ComponentChildren;
  /** Slot for the Images tab (fetch, gallery, zip). */
  renderImages?: (capture: Capture) => ComponentChildren;
  /** Slot for per-image replay actions inside the Uqudo summary. */
  renderImageActions?: (capture: Capture, ref: ImageRef) => ComponentChildren;
  /** Shown at the end of the Checks tab (e.g. the backend acceptance test). */
  checksFooter?: ComponentChildren;
}

/** The detail pane of one capture. */
export function CaptureDetail({
  capture,
  jtiCount,
  chosenTab = 'checks',
  onTab,
  fetchedImages = 0,
  headActions,
  renderReplay,
  renderImages,
  renderImageActions,
  checksFooter,
}: CaptureDetailProps) {
  const { exchange } = capture;
  const facts = selectCaptureFacts(capture);
  const imageCount =
    facts.images.length + (facts.summary?.inlinePhotos.length ?? 0) + fetchedImages;
  const tabs = selectDetailTabs({
    ...(capture.inspection ? { inspection: capture.inspection } : {}),
    hasSummary: facts.summary !== undefined,
    imageCount,
  });
  const tab = resolveDetailTab(tabs, chosenTab);
  return (
    <section class="capture-detail" data-testid="detail" aria-label="Selected token">
      <header class="capture-detail-head">
        <h2 title={exchange.url || undefined}>
          <VisibleText text={describeRequest(capture)} />
        </h2>
        <CopyButton text={capture.sighting.token} label="Copy token" />
        {headActions}
      </header>
      <CaptureExchangeInfo capture={capture} jtiCount={jtiCount} where={facts.where} />
      <DetailTabs tabs={tabs} active={tab} onSelect={(next) => onTab?.(next)} />
      <div
        class="detail-tabpanel"
        role="tabpanel"
        id={detailPanelId(tab)}
        aria-labelledby={detailTabId(tab)}
        data-testid="detail-tabpanel"
        data-tab={tab}
      >
        <DetailTabContent
          tab={tab}
          capture={capture}
          renderReplay={renderReplay}
          renderImages={renderImages}
          renderImageActions={renderImageActions}
        />
        {tab === 'checks' && checksFooter}
      </div>
    </section>
  );
}

/** What one tab shows of the capture. */
function DetailTabContent({
  tab,
  capture,
  renderReplay,
  renderImages,
  renderImageActions,
}: Pick<CaptureDetailProps, 'capture' | 'renderReplay' | 'renderImages' | 'renderImageActions'> & {
  tab: DetailTab;
}) {
  const now = useNow();
  const facts = selectCaptureFacts(capture);
  if (tab === 'replay') {
    return renderReplay ? (
      <section class="replay-slot" aria-label="Replay">
        {renderReplay(capture)}
      </section>
    ) : null;
  }
  if (tab === 'images') return renderImages ? <>{renderImages(capture)}</> : null;
  const imageActions = renderImageActions
    ? (ref: ImageRef) => renderImageActions(capture, ref)
    : undefined;
  return (
    <>
      {capture.inspection ? (
        <InspectionView
          part={tab}
          inspection={capture.inspection}
          summary={facts.summary}
          now={now}
          renderImageActions={imageActions}
        />
      ) : (
        <p class="muted">Checking…</p>
      )}
      {tab === 'json' && <DetailRawToken token={capture.sighting.token} />}
    </>
  );
}
