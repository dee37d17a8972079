// The permissions edge: runs the access state machine over the OriginAccess port, dropping stale answers.
import { advanceAccess, type AccessState, type AccessStatus, type OriginAccess } from './access';

/** Checks and requests host access; every new state goes to `report`. No method throws. */
export interface AccessFlow {
  /** Reads whether access is held (no click needed). */
  check(origin: string): Promise<AccessState>;
  /**
   * Asks for `origins` (the first one is the origin reported) in one prompt. The port is called
   * before any await, so call this synchronously from the user's click.
   */
  request(origins: readonly [string, ...string[]]): Promise<AccessState>;
}

/**
 * Creates an access flow over `port` (undefined: access cannot be requested here). Only the answer
 * to the latest check or request is reported, so a slow old answer never overwrites a newer state.
 */
export function createAccessFlow(
  port: OriginAccess | undefined,
  report: (status: AccessStatus) => void,
): AccessFlow {
  let seq = 0;
  const unavailable = (origin: string): AccessState => {
    const state = advanceAccess({ type: 'no-port' });
    report({ origin, state });
    return state;
  };
  const settle = (origin: string, mine: number, state: AccessState): AccessState => {
    if (mine === seq) report({ origin, state });
    return state;
  };
  return {
    async check(origin) {
      if (!port) return unavailable(origin);
      seq += 1;
      const mine = seq;
      report({ origin, state: advanceAccess({ type: 'check' }) });
      const granted = await port.contains(origin).catch(() => false);
      return settle(origin, mine, advanceAccess({ type: 'checked', granted }));
    },
    request(origins) {
      const [origin, ...also] = origins;
      if (!port) return Promise.resolve(unavailable(origin));
      seq += 1;
      const mine = seq;
      // Called before any await, so the browser still sees the user's click.
      const asked = port.request(origin, ...also);
      // Chrome now shows its prompt; the promise settles when the user answers it.
      report({ origin, state: advanceAccess({ type: 'ask' }) });
      return asked
        .catch(() => false)
        .then((granted) => settle(origin, mine, advanceAccess({ type: 'answered', granted })));
    },
  };
}
