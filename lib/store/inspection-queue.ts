// The inspection worker pool: a bounded number of inspections at once, stale generations skipped.
import { describeInspectionFailure, type Inspection } from '../jose/inspect';
import type { ClassifyContext } from '../uqudo/classify';
import type { UqudoInspectOptions } from '../uqudo/inspect';
import { contextOf, type Capture } from './capture';
import type { PreparedChecks } from './key-checks';

/** What the queue needs from outside. */
export interface InspectionQueueDeps {
  /** Inspects one token (inspectUqudoToken in the panel). */
  inspect: (token: string, options: UqudoInspectOptions) => Promise<Inspection>;
  /** Current time in milliseconds. */
  now: () => number;
  /** Inspections run at the same time. */
  concurrency: number;
  /** Called after each inspection finishes (a result may be waiting in takeResults). */
  onSettled: () => void;
}

interface Job {
  captureId: string;
  token: string;
  context: ClassifyContext;
  generation: number;
}

/**
 * Each settings change starts a new generation (restart); results of older generations are
 * discarded, and queued work of older generations is skipped without running.
 */
export class InspectionQueue {
  private readonly jobs: Job[] = [];
  private head = 0;
  private running = 0;
  private generation = 0;
  private checks: Promise<PreparedChecks> = Promise.resolve({ expectations: {}, leeway: 0 });
  private results = new Map<string, Inspection>();

  constructor(private readonly deps: InspectionQueueDeps) {}

  /** Inspections queued or running. */
  get pending(): number {
    return this.jobs.length - this.head + this.running;
  }

  /** Starts a new generation checked with `checks`; queued work is forgotten. */
  restart(checks: Promise<PreparedChecks>): void {
    this.generation += 1;
    this.checks = checks;
    this.clear();
  }

  /** Forgets queued work and unapplied results (running inspections finish and are ignored). */
  clear(): void {
    this.jobs.length = 0;
    this.head = 0;
    this.results.clear();
  }

  enqueue(capture: Capture): void {
    // An imported row has no token to check (the report names it by hash): its checks stay as recorded.
    if (capture.imported) return;
    this.jobs.push({
      captureId: capture.id,
      token: capture.sighting.token,
      context: contextOf(capture),
      generation: this.generation,
    });
  }

  /** Starts queued jobs up to the concurrency limit. */
  pump(): void {
    while (this.running < this.deps.concurrency && this.head < this.jobs.length) {
      const job = this.jobs[this.head] as Job;
      this.head += 1;
      if (job.generation !== this.generation) continue;
      this.running += 1;
      void this.run(job);
    }
    if (this.head === this.jobs.length) {
      this.jobs.length = 0;
      this.head = 0;
    }
  }

  /** Results of the current generation finished since the last call. */
  takeResults(): Map<string, Inspection> {
    const ready = this.results;
    this.results = new Map();
    return ready;
  }

  private async run(job: Job): Promise<void> {
    let inspection: Inspection;
    try {
      const prepared = await this.checks;
      const options: UqudoInspectOptions = {
        ...prepared,
        now: Math.floor(this.deps.now() / 1000),
        ...job.context,
      };
      inspection = await this.deps.inspect(job.token, options);
    } catch (error) {
      // inspectUqudoToken never throws; this keeps a broken injected inspector from wedging the queue.
      inspection = describeInspectionFailure(error);
    }
    this.running -= 1;
    if (job.generation === this.generation) this.results.set(job.captureId, inspection);
    this.deps.onSettled();
    this.pump();
  }
}
