// VerdictBadge: the one-word diagnostic verdict of a token, coloured, with an explanatory tooltip.
import type { Verdict } from '../lib/jose/inspect';

/** Visible word per verdict. Deliberately never "approved" / "verified OK": these are diagnostics. */
const VERDICT_WORDS: Record<Verdict, string> = {
  valid: 'signature valid',
  invalid: 'invalid',
  unverified: 'unverified',
  unsupported: 'unsupported',
  malformed: 'malformed',
  encrypted: 'encrypted',
};

/** Colour level per verdict, matching the `level-*` classes used across the components. */
const VERDICT_LEVELS: Record<Verdict, 'good' | 'warn' | 'bad' | 'info'> = {
  valid: 'good',
  invalid: 'bad',
  unverified: 'warn',
  unsupported: 'warn',
  malformed: 'bad',
  encrypted: 'info',
};

const EXPLANATIONS: Record<Verdict, string> = {
  valid: 'The signature verifies with the configured keys and no check reported an error.',
  invalid: 'At least one check reported an error (signature, claims, expectations or decryption).',
  unverified: 'The signature was not checked: configure a key source in Settings.',
  unsupported: 'The signature could not be checked with this algorithm or key type.',
  malformed: 'This is not a well-formed compact JWS/JWE.',
  encrypted: 'This is an encrypted JWE: add a private key in Settings to decrypt it.',
};

const DISCLAIMER =
  'These are developer diagnostics, not a trust decision: verify results on your backend.';

/** Props of {@link VerdictBadge}. */
export interface VerdictBadgeProps {
  verdict: Verdict;
}

/** A coloured badge with the verdict's word and a tooltip explaining it. */
export function VerdictBadge({ verdict }: VerdictBadgeProps) {
  const level = VERDICT_LEVELS[verdict];
  return (
    <span
      class={`verdict-badge verdict-${verdict} level-${level}`}
      title={`${EXPLANATIONS[verdict]} ${DISCLAIMER}`}
    >
      {VERDICT_WORDS[verdict]}
    </span>
  );
}
