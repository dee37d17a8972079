// CaptureExchangeInfo: where and when the selected capture was seen (URL, status, place, source, time, jti).
import type { Capture } from '../lib/store';
import { UntrustedText, VisibleText } from './UntrustedText';

const SOURCE_WORDS: Record<Capture['exchange']['source'], string> = {
  network: 'live traffic',
  har: 'imported HAR file',
  paste: 'pasted',
  replay: 'replay from the panel',
};

/** Props of {@link CaptureExchangeInfo}. */
export interface CaptureExchangeInfoProps {
  capture: Capture;
  /** How many captures carry this capture's jti. */
  jtiCount: number;
  /** Where in the exchange the token was found, in words. */
  where: string;
}

/** The exchange facts above the detail's tabs. */
export function CaptureExchangeInfo({ capture, jtiCount, where }: CaptureExchangeInfoProps) {
  const { exchange } = capture;
  return (
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
        <VisibleText text={where} />
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
                — seen in {jtiCount} captures (its session's timeline shows each; a result posted
                twice is a finding there)
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
  );
}
