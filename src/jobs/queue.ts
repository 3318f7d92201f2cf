import { and, asc, eq, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { Db, Executor } from '../db/client.ts';
import { jobs } from '../db/schema/index.ts';
import type { Clock } from '../shared/clock.ts';

export type JobRow = typeof jobs.$inferSelect;

export interface EnqueueOptions {
  runAt?: Date;
  /**
   * At most one pending (not done, not failed) job per key: a second enqueue returns the first job.
   * With `once`, the key is used at most once ever (periodic slots: `obligations.sweep@2026-01-15T09:00Z`).
   */
  dedupeKey?: string;
  once?: boolean;
  maxAttempts?: number;
}

export interface QueueOptions {
  db: Db;
  clock: Clock;
  /** How long a claimed job belongs to its worker; after that another worker may take it over. */
  leaseMs?: number;
  /** Delay before retry number `attempt` (1-based): exponential from 10 s, at most 1 h. */
  backoffMs?: (attempt: number) => number;
}

export const defaultBackoffMs = (attempt: number): number => Math.min(10_000 * 2 ** (attempt - 1), 3_600_000);

const pending = and(isNull(jobs.doneAt), isNull(jobs.failedAt));
const normalise = (row: JobRow): JobRow => ({ ...row, id: Number(row.id) });

/** Background work as rows in PostgreSQL, claimed with FOR UPDATE SKIP LOCKED (ADR 0006). */
export function createJobQueue({ db, clock, leaseMs = 5 * 60_000, backoffMs = defaultBackoffMs }: QueueOptions) {
  return {
    /** Adds a job in the caller's transaction (or on its own), so work and the change that causes it commit together. */
    async enqueue(
      ex: Executor,
      kind: string,
      payload: Record<string, unknown> = {},
      options: EnqueueOptions = {},
    ): Promise<{ id: number; created: boolean }> {
      const key = options.dedupeKey ?? null;
      if (key && options.once) {
        const [seen] = await ex.select({ id: jobs.id }).from(jobs).where(eq(jobs.dedupeKey, key)).limit(1);
        if (seen) return { id: Number(seen.id), created: false };
      }
      const now = clock.now();
      const [row] = await ex
        .insert(jobs)
        .values({
          kind,
          payload,
          dedupeKey: key,
          runAt: options.runAt ?? now,
          maxAttempts: options.maxAttempts ?? 5,
          createdAt: now,
        })
        .onConflictDoNothing({ target: jobs.dedupeKey, where: sql`done_at is null and failed_at is null` })
        .returning({ id: jobs.id });
      if (row) return { id: Number(row.id), created: true };
      const [existing] = await ex
        .select({ id: jobs.id })
        .from(jobs)
        .where(and(eq(jobs.dedupeKey, key!), pending));
      return { id: Number(existing?.id ?? 0), created: false };
    },

    /**
     * Claims up to `limit` due jobs of the given kinds for `workerId` and leases them. Rows another worker holds
     * are skipped, not waited for; jobs whose lease ran out (a worker died) are claimable again.
     */
    async claim(workerId: string, kinds: readonly string[], limit = 1): Promise<JobRow[]> {
      if (kinds.length === 0) return [];
      const now = clock.now();
      return db.transaction(async (tx) => {
        // A job that used up its attempts and whose last lease ran out failed with its worker.
        await tx
          .update(jobs)
          .set({
            failedAt: now,
            lockedBy: null,
            lockedUntil: null,
            lastError: sql`coalesce(${jobs.lastError}, 'lease expired')`,
          })
          .where(and(pending, lt(jobs.lockedUntil, now), sql`${jobs.attempts} >= ${jobs.maxAttempts}`));
        const due = await tx
          .select({ id: jobs.id })
          .from(jobs)
          .where(
            and(
              pending,
              inArray(jobs.kind, [...kinds]),
              lte(jobs.runAt, now),
              or(isNull(jobs.lockedUntil), lt(jobs.lockedUntil, now)),
              sql`${jobs.attempts} < ${jobs.maxAttempts}`,
            ),
          )
          .orderBy(asc(jobs.runAt), asc(jobs.id))
          .limit(limit)
          .for('update', { skipLocked: true });
        if (due.length === 0) return [];
        const claimed = await tx
          .update(jobs)
          .set({
            lockedBy: workerId,
            lockedUntil: new Date(now.getTime() + leaseMs),
            attempts: sql`${jobs.attempts} + 1`,
          })
          .where(
            inArray(
              jobs.id,
              due.map((d) => Number(d.id)),
            ),
          )
          .returning();
        return claimed.map(normalise).sort((a, b) => a.runAt.getTime() - b.runAt.getTime() || a.id - b.id);
      });
    },

    /** Marks a claimed job done; false if the worker no longer holds it (its lease passed to another worker). */
    async complete(id: number, workerId: string): Promise<boolean> {
      const rows = await db
        .update(jobs)
        .set({ doneAt: clock.now(), lockedBy: null, lockedUntil: null })
        .where(and(eq(jobs.id, id), eq(jobs.lockedBy, workerId), pending))
        .returning({ id: jobs.id });
      return rows.length > 0;
    },

    /** Records a failure: retried after a backoff, or failed for good once its attempts are used up. */
    async fail(id: number, workerId: string, error: unknown): Promise<'retry' | 'failed' | 'lost'> {
      const now = clock.now();
      const message = (error instanceof Error ? error.message : String(error)).slice(0, 2000);
      return db.transaction(async (tx) => {
        const [job] = await tx
          .select()
          .from(jobs)
          .where(and(eq(jobs.id, id), eq(jobs.lockedBy, workerId), pending))
          .for('update');
        if (!job) return 'lost';
        const final = job.attempts >= job.maxAttempts;
        await tx
          .update(jobs)
          .set({
            lastError: message,
            lockedBy: null,
            lockedUntil: null,
            ...(final ? { failedAt: now } : { runAt: new Date(now.getTime() + backoffMs(job.attempts)) }),
          })
          .where(eq(jobs.id, id));
        return final ? 'failed' : 'retry';
      });
    },

    async find(id: number): Promise<JobRow | undefined> {
      const [row] = await db.select().from(jobs).where(eq(jobs.id, id));
      return row ? normalise(row) : undefined;
    },
  };
}

export type JobQueue = ReturnType<typeof createJobQueue>;
