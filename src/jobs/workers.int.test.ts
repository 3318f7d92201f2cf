import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../test/helpers/database.ts';
import { type Database, openDatabase, queryRows } from '../db/client.ts';
import { createFixedClock } from '../shared/clock.ts';
import { createJobQueue } from './queue.ts';
import { createWorker } from './worker.ts';

/**
 * Two handles on one database: on a PostgreSQL server two separate connection pools (real concurrency);
 * on PGlite the one embedded database (one connection, so trivially serial — the server run is the real test).
 */
async function openTwo(): Promise<{ handles: [Database, Database]; close(): Promise<void> }> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const db = await openTestDatabase();
    await db.migrate();
    return { handles: [db, db], close: () => db.close() };
  }
  const name = `ts_jobs_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const a = await openDatabase({ databaseUrl: url.toString(), dataDir: '', poolSize: 4 });
  const b = await openDatabase({ databaseUrl: url.toString(), dataDir: '', poolSize: 4 });
  await a.migrate();
  return {
    handles: [a, b],
    close: async () => {
      await a.close();
      await b.close();
      const dropper = new pg.Client({ connectionString: serverUrl });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}

let two: Awaited<ReturnType<typeof openTwo>>;
beforeAll(async () => {
  two = await openTwo();
});
afterAll(() => two.close());

describe('two workers at once', () => {
  it('run each of 200 jobs exactly once', async () => {
    const clock = createFixedClock('2026-01-15T09:00:00.000Z');
    const [a, b] = two.handles;
    const queueA = createJobQueue({ db: a.db, clock });
    const queueB = createJobQueue({ db: b.db, clock });
    for (let i = 0; i < 200; i++) await queueA.enqueue(a.db, 'test.count', { i });
    const runs = new Map<number, string[]>();
    const handler = (worker: string) => async (payload: Record<string, unknown>) => {
      const i = payload.i as number;
      runs.set(i, [...(runs.get(i) ?? []), worker]);
      // Yield so the two workers interleave.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 2));
    };
    const workers = [
      createWorker({
        queue: queueA,
        clock,
        pollMs: 2,
        batchSize: 3,
        workerId: 'A',
        handlers: { 'test.count': handler('A') },
      }),
      createWorker({
        queue: queueB,
        clock,
        pollMs: 2,
        batchSize: 3,
        workerId: 'B',
        handlers: { 'test.count': handler('B') },
      }),
    ];
    for (const w of workers) w.start();
    const deadline = Date.now() + 30_000;
    while (runs.size < 200 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    await Promise.all(workers.map((w) => w.stop()));

    expect(runs.size).toBe(200);
    expect([...runs.values()].filter((by) => by.length !== 1)).toEqual([]);
    const byWorker = [...runs.values()].flat();
    if (a !== b) {
      // Both really worked (on one embedded connection one may win every race).
      expect(byWorker.filter((w) => w === 'A').length).toBeGreaterThan(0);
      expect(byWorker.filter((w) => w === 'B').length).toBeGreaterThan(0);
    }
    const [row] = await queryRows<{ done: string; attempts: string }>(
      a.db,
      sql`select count(*) filter (where done_at is not null) as done, max(attempts) as attempts from jobs where kind = 'test.count'`,
    );
    expect({ done: Number(row?.done), attempts: Number(row?.attempts) }).toEqual({ done: 200, attempts: 1 });
  });
});
