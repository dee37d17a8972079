// Shared fast-check settings: how many runs a property gets (FC_RUNS, default 10,000) and replaying a failure (FC_SEED).
import fc from 'fast-check';

/** Runs per property: `FC_RUNS` when set to a positive integer, else 10,000 (the CI floor). */
export function propertyRuns(): number {
  const runs = Number(process.env.FC_RUNS);
  return Number.isInteger(runs) && runs > 0 ? runs : 10_000;
}

/**
 * Parameters for `fc.assert`: {@link propertyRuns} runs, a seed that is printed when a property
 * fails (`FC_SEED=<seed>` replays it; fast-check's own report adds the shrunk counterexample and path).
 */
export function propertyParameters<T>(): fc.Parameters<T> {
  const given = Number(process.env.FC_SEED);
  const seed = Number.isInteger(given) ? given : Math.floor(Math.random() * 0x7fffffff);
  return {
    numRuns: propertyRuns(),
    seed,
    reporter: (details) => {
      if (details.failed) {
        throw new Error(
          `Property failed (replay with FC_SEED=${seed}).\n${fc.defaultReportMessage(details) ?? ''}`,
        );
      }
    },
  };
}
