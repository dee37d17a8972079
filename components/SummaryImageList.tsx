// SummaryImageList: the summary's image references as a table, with a slot for per-image actions.
import type { ComponentChildren } from 'preact';
import type { ImageRef } from '../lib/uqudo/summary';
import { CopyButton } from './CopyButton';
import { VisibleText } from './UntrustedText';

/** Props of {@link SummaryImageList}. */
export interface SummaryImageListProps {
  images: readonly ImageRef[];
  /** Slot for per-image actions (the replay feature adds "fetch image" buttons here). */
  renderImageActions?: (ref: ImageRef) => ComponentChildren;
}

/** A card listing every image reference: key, document, id (copyable), JSON path, actions. */
export function SummaryImageList({ images, renderImageActions }: SummaryImageListProps) {
  return (
    <section class="summary-card summary-images level-info" aria-label="Image references">
      <h4 class="summary-card-title">Image references ({images.length})</h4>
      <table class="summary-image-table">
        <thead>
          <tr>
            <th scope="col">key</th>
            <th scope="col">document</th>
            <th scope="col">id</th>
            <th scope="col">JSON path</th>
            {renderImageActions && <th scope="col">actions</th>}
          </tr>
        </thead>
        <tbody>
          {images.map((ref) => (
            <tr key={ref.path} data-image-id={ref.id}>
              <td>
                <VisibleText text={ref.key} />
              </td>
              <td>
                {ref.documentType !== undefined ? <VisibleText text={ref.documentType} /> : '—'}
              </td>
              <td>
                <code>
                  <VisibleText text={ref.id} />
                </code>{' '}
                <CopyButton text={ref.id} label="Copy" title="Copy the image id" />
              </td>
              <td>
                <code class="muted">
                  <VisibleText text={ref.path} />
                </code>
              </td>
              {renderImageActions && (
                <td class="summary-image-actions">{renderImageActions(ref)}</td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      <p class="muted">
        Images are served by the Info API (GET /api/v1/info/img/&#123;id&#125;) and expire with the
        session.
      </p>
    </section>
  );
}
