import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Clock } from '../shared/clock.ts';
import type { JobQueue, JobRow } from './queue.ts';

/**
 * Does one job. Handlers must be idempotent: a worker that dies after the work but before `complete`
 * leaves the job to be run again once its lease expires.
 */
export type JobHandler = (payload: Record<string, unknown>, ctx: { job: JobRow; now: Date }) => Promise<void>;
export type JobHandlers = Record<string, JobHandler>;

export interface JobLogger {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface WorkerOptions {
  queue: Pick<JobQueue, 'claim' | 'complete' | 'fail'>;
  handlers: JobHandlers;
  clock: Clock;
  /** Pause between polls when there was nothing to do. */
  pollMs?: number;
  /** Jobs claimed per poll. */
  batchSize?: number;
  workerId?: string;
  log?: JobLogger;
}

export const newWorkerId = (): string => `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

/** A loop that claims due jobs of the kinds it has handlers for and runs them one at a time. */
export function createWorker({
  queue,
  handlers,
  clock,
  pollMs = 1000,
  batchSize = 5,
  workerId = newWorkerId(),
  log,
}: WorkerOptions) {
  const kinds = Object.keys(handlers);
  let running: Promise<void> | undefined;
  let stopping = false;
  let wake: (() => void) | undefined;

  async function runJob(job: JobRow): Promise<void> {
    try {
      await handlers[job.kind]!(job.payload, { job, now: clock.now() });
      await queue.complete(job.id, workerId);
    } catch (error) {
      const outcome = await queue.fail(job.id, workerId, error);
      log?.error({ err: error, jobId: job.id, kind: job.kind, attempt: job.attempts, outcome }, 'job failed');
    }
  }

  /** Claims one batch and runs it; resolves to the number of jobs run. Jobs claimed are finished even when stopping. */
  async function runOnce(): Promise<number> {
    const batch = await queue.claim(workerId, kinds, batchSize);
    for (const job of batch) await runJob(job);
    return batch.length;
  }

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  async function loop(): Promise<void> {
    while (!stopping) {
      let ran = 0;
      try {
        ran = await runOnce();
      } catch (error) {
        log?.error({ err: error, workerId }, 'claiming jobs failed');
      }
      if (ran === 0 && !stopping) await sleep(pollMs);
    }
  }

  return {
    workerId,
    runOnce,
    start(): void {
      if (running) return;
      stopping = false;
      running = loop();
    },
    /** Stops polling; resolves when the jobs already claimed are finished. */
    async stop(): Promise<void> {
      stopping = true;
      wake?.();
      await running;
      running = undefined;
    },
  };
}

export type Worker = ReturnType<typeof createWorker>;
