import type { Db } from '../db/client.ts';
import type { Clock } from '../shared/clock.ts';
import type { JobQueue } from './queue.ts';

export interface PeriodicJob {
  kind: string;
  everyMs: number;
  payload?: Record<string, unknown>;
}

/**
 * Enqueues periodic jobs once per time slot. The slot is part of the dedupe key and used once, so any number
 * of processes running a scheduler enqueue each slot's job exactly once between them.
 */
export function createScheduler({
  db,
  queue,
  clock,
  periodic,
  tickMs = 30_000,
}: {
  db: Db;
  queue: Pick<JobQueue, 'enqueue'>;
  clock: Clock;
  periodic: readonly PeriodicJob[];
  tickMs?: number;
}) {
  let timer: NodeJS.Timeout | undefined;
  let ticking: Promise<unknown> | undefined;

  async function tick(): Promise<number> {
    const now = clock.now().getTime();
    let created = 0;
    for (const p of periodic) {
      const slot = new Date(Math.floor(now / p.everyMs) * p.everyMs);
      const result = await queue.enqueue(db, p.kind, p.payload ?? {}, {
        dedupeKey: `${p.kind}@${slot.toISOString()}`,
        once: true,
        runAt: slot,
      });
      if (result.created) created += 1;
    }
    return created;
  }

  return {
    tick,
    start(onError: (error: unknown) => void = () => {}): void {
      if (timer || periodic.length === 0) return;
      const run = () => {
        ticking = tick().catch(onError);
      };
      run();
      timer = setInterval(run, tickMs);
      timer.unref();
    },
    async stop(): Promise<void> {
      if (timer) clearInterval(timer);
      timer = undefined;
      await ticking;
    },
  };
}
