import { createWorker, type JobHandlers, type ModuleJobs } from '../../src/jobs/index.ts';
import type { TestContext } from './context.ts';

/** Every module's job handlers, as the worker of `serve` collects them. */
export function allHandlers(ctx: TestContext): JobHandlers {
  const modules = Object.values(ctx.container.modules) as object[];
  return Object.assign({}, ...modules.flatMap((m) => ('jobs' in m ? [(m.jobs as ModuleJobs).handlers] : [])));
}

/** Runs due jobs until none is left (at the test clock's time); returns how many ran. */
export async function runPendingJobs(ctx: TestContext): Promise<number> {
  const worker = createWorker({ queue: ctx.container.jobs, handlers: allHandlers(ctx), clock: ctx.clock });
  let total = 0;
  for (let ran = await worker.runOnce(); ran > 0; ran = await worker.runOnce()) total += ran;
  return total;
}

/** Enqueues a job now and runs everything due. */
export async function runJob(ctx: TestContext, kind: string, payload: Record<string, unknown> = {}): Promise<number> {
  await ctx.container.jobs.enqueue(ctx.container.database.db, kind, payload);
  return runPendingJobs(ctx);
}
