// ImageZipButton: "Download all images" — the session's fetched images as one zip, built on click (fflate loads then).
import { useEffect, useRef, useState } from 'preact/hooks';
import { ZIP_TEXT } from '../lib/replay/replay-text';
import type { ReplayActions, ZipResult } from '../lib/replay/slice';

/** Props of {@link ImageZipButton}. */
export interface ImageZipButtonProps {
  /** Fetched images of the session that have bytes. */
  count: number;
  actions: Pick<ReplayActions, 'zipImages'>;
}

/** The button, and once built, the archive's link (clicked for you, kept in case the save was missed). */
export function ImageZipButton({ count, actions }: ImageZipButtonProps) {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ZipResult | undefined>();
  const link = useRef<HTMLAnchorElement>(null);
  useEffect(() => {
    // The link appears with the built archive; one click saves it like any download.
    if (result?.ok) link.current?.click();
  }, [result]);
  return (
    <div class="replay-row replay-buttons">
      <button
        type="button"
        disabled={count === 0 || busy}
        data-testid="image-zip"
        title={count === 0 ? ZIP_TEXT.nothingFetched : undefined}
        onClick={() => {
          setBusy(true);
          void actions.zipImages().then((outcome) => {
            setBusy(false);
            setResult(outcome);
          });
        }}
      >
        {ZIP_TEXT.label(count)}
      </button>
      {busy && <span class="muted">zipping…</span>}
      {result?.ok && (
        <a
          ref={link}
          href={result.url}
          download={result.fileName}
          data-testid="image-zip-link"
          data-count={result.count}
        >
          {ZIP_TEXT.saved(result.count, result.fileName)}
        </a>
      )}
      {result && !result.ok && (
        <span class="level-bad" role="status" data-testid="image-zip-problem">
          {result.error}
        </span>
      )}
    </div>
  );
}
