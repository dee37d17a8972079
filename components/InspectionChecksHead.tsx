// InspectionChecksHead: the Checks part's head — verdict, signature state, token facts — and the findings.
import type { ComponentChildren } from 'preact';
import type { Finding } from '../lib/jose/findings';
import { FindingList } from './FindingList';

/** Props of {@link InspectionChecksHead}: the parts InspectionView renders from the inspection. */
export interface InspectionChecksHeadProps {
  verdict: ComponentChildren;
  signature: ComponentChildren;
  meta: ComponentChildren;
  findings: readonly Finding[];
}

/** The verdict line and the findings list of one inspected token. */
export function InspectionChecksHead({
  verdict,
  signature,
  meta,
  findings,
}: InspectionChecksHeadProps) {
  return (
    <>
      <header class="inspection-header">
        {verdict}
        {signature}
        {meta}
      </header>
      <section class="inspection-section" aria-label="Findings">
        <h3 class="section-title">Findings</h3>
        <FindingList findings={findings} />
      </section>
    </>
  );
}
