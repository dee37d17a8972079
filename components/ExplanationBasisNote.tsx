// ExplanationBasisNote: the line under an explanation that says what Uqudo documents and what is observed or assumed.
import { BASIS_LABELS, type ExplanationBasis } from '../lib/replay/explain';

/** One muted line: "Uqudo documents: …", "Observed, not documented: …" or "Not documented by Uqudo: …". */
export function ExplanationBasisNote({ basis }: { basis: ExplanationBasis }) {
  return (
    <p class="explanation-basis muted" data-testid="explanation-basis" data-basis={basis.kind}>
      <strong>{BASIS_LABELS[basis.kind]}:</strong> {basis.note}
    </p>
  );
}
