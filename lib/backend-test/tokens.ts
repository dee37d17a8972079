// The token each row of the backend test sends: the captured one, a forged variant, or a held expired result.
import type { Mutation } from '../session/backend-test';
import { mutateToken, type ForeignKey } from '../session/mutations';

/** What the token of a row is made from. */
export interface TokenSources {
  /** The result the captured request carried. */
  token: string;
  /** An expired result of the same client, when the panel holds one. */
  expiredToken?: string;
  /** The panel-generated key that signs forged tokens (asked for only by the rows that need it). */
  foreignKey: () => Promise<ForeignKey>;
}

/**
 * The token to send for `mutation`: control and replay resend the captured token unchanged (the
 * replay row comes after the control, so the backend has already seen it once), expired sends the
 * held expired result, the others a forged variant. Never throws.
 */
export async function buildRowToken(
  mutation: Mutation,
  sources: TokenSources,
): Promise<{ ok: true; token: string } | { ok: false; message: string }> {
  if (mutation === 'control' || mutation === 'replay') return { ok: true, token: sources.token };
  if (mutation === 'expired') {
    return sources.expiredToken === undefined
      ? { ok: false, message: 'no expired result of this client is held by the panel' }
      : { ok: true, token: sources.expiredToken };
  }
  let key: ForeignKey;
  try {
    key = await sources.foreignKey();
  } catch (error) {
    return { ok: false, message: `no key could be generated: ${describe(error)}` };
  }
  return mutateToken(sources.token, mutation, key);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
