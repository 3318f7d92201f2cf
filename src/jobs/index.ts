import type { Db } from '../db/client.ts';
import type { Clock } from '../shared/clock.ts';
import type { JobQueue } from './queue.ts';
import { createScheduler, type PeriodicJob } from './scheduler.ts';
import { createWorker, type JobHandlers, type JobLogger } from './worker.ts';

export { createJobQueue, defaultBackoffMs, type EnqueueOptions, type JobQueue, type JobRow } from './queue.ts';
export { createScheduler, type PeriodicJob } from './scheduler.ts';
export { createWorker, type JobHandler, type JobHandlers, type JobLogger, newWorkerId, type Worker } from './worker.ts';

/** What a module contributes to background work: its handlers and the jobs to run periodically. */
export interface ModuleJobs {
  handlers: JobHandlers;
  periodic?: readonly PeriodicJob[];
}

/** Collects every module's jobs, then starts one worker and the periodic scheduler. `stop` finishes the running job. */
export function startWorker(deps: {
  db: Db;
  clock: Clock;
  queue: JobQueue;
  modules: Record<string, object>;
  log?: JobLogger;
  pollMs?: number;
}): { workerId: string; stop(): Promise<void> } {
  const contributions = Object.values(deps.modules).flatMap((m) => ('jobs' in m ? [m.jobs as ModuleJobs] : []));
  const handlers: JobHandlers = Object.assign({}, ...contributions.map((c) => c.handlers));
  const periodic = contributions.flatMap((c) => c.periodic ?? []);
  const worker = createWorker({ queue: deps.queue, handlers, clock: deps.clock, pollMs: deps.pollMs, log: deps.log });
  const scheduler = createScheduler({ db: deps.db, queue: deps.queue, clock: deps.clock, periodic });
  worker.start();
  scheduler.start((err) => deps.log?.error({ err }, 'scheduling periodic jobs failed'));
  deps.log?.info({ workerId: worker.workerId, kinds: Object.keys(handlers) }, 'job worker started');
  return {
    workerId: worker.workerId,
    async stop() {
      await scheduler.stop();
      await worker.stop();
    },
  };
}
