import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../test/helpers/database.ts';
import type { Database } from '../db/client.ts';
import { createFixedClock } from '../shared/clock.ts';
import { createJobQueue } from './queue.ts';
import { createWorker } from './worker.ts';

let database: Database;
const clock = createFixedClock('2026-01-15T09:00:00.000Z');
let queue: ReturnType<typeof createJobQueue>;
let n = 0;
/** Each test uses its own kind, so tests sharing the database do not claim each other's jobs. */
const kind = () => `test.kind${++n}`;

beforeAll(async () => {
  database = await openTestDatabase();
  await database.migrate();
  queue = createJobQueue({ db: database.db, clock, leaseMs: 60_000 });
});
afterAll(() => database.close());

describe('job queue', () => {
  it('claims due jobs of the asked kinds, oldest first, and completes them', async () => {
    const k = kind();
    const a = await queue.enqueue(database.db, k, { n: 1 });
    const b = await queue.enqueue(database.db, k, { n: 2 });
    await queue.enqueue(database.db, k, { n: 3 }, { runAt: new Date('2026-01-15T10:00:00Z') });
    await queue.enqueue(database.db, kind(), {});
    const claimed = await queue.claim('w1', [k], 10);
    expect(claimed.map((j) => [j.id, j.payload, j.attempts, j.lockedBy])).toEqual([
      [a.id, { n: 1 }, 1, 'w1'],
      [b.id, { n: 2 }, 1, 'w1'],
    ]);
    expect(await queue.claim('w2', [k], 10)).toEqual([]);
    expect(await queue.complete(a.id, 'w1')).toBe(true);
    expect(await queue.complete(a.id, 'w1')).toBe(false);
    expect((await queue.find(a.id))?.doneAt).toEqual(clock.now());
  });

  it('enqueues a dedupe key once while pending, and a `once` key once ever', async () => {
    const k = kind();
    const first = await queue.enqueue(database.db, k, {}, { dedupeKey: `${k}:x` });
    expect(await queue.enqueue(database.db, k, {}, { dedupeKey: `${k}:x` })).toEqual({ id: first.id, created: false });
    const [job] = await queue.claim('w1', [k]);
    await queue.complete(job!.id, 'w1');
    expect((await queue.enqueue(database.db, k, {}, { dedupeKey: `${k}:x` })).created).toBe(true);
    const once = await queue.enqueue(database.db, k, {}, { dedupeKey: `${k}:slot`, once: true });
    await queue.complete((await queue.claim('w1', [k], 5)).find((j) => j.id === once.id)!.id, 'w1');
    expect(await queue.enqueue(database.db, k, {}, { dedupeKey: `${k}:slot`, once: true })).toEqual({
      id: once.id,
      created: false,
    });
  });

  it('retries a failed job after a growing backoff, then fails it for good', async () => {
    const k = kind();
    const { id } = await queue.enqueue(database.db, k, {}, { maxAttempts: 3 });
    const [j1] = await queue.claim('w1', [k]);
    expect(await queue.fail(j1!.id, 'w1', new Error('boom 1'))).toBe('retry');
    expect(await queue.find(id)).toMatchObject({
      lastError: 'boom 1',
      lockedBy: null,
      runAt: new Date('2026-01-15T09:00:10Z'),
    });
    expect(await queue.claim('w1', [k])).toEqual([]);
    clock.advance(10_000);
    await queue.fail((await queue.claim('w1', [k]))[0]!.id, 'w1', 'boom 2');
    expect((await queue.find(id))?.runAt).toEqual(new Date(clock.now().getTime() + 20_000));
    clock.advance(20_000);
    const [j3] = await queue.claim('w1', [k]);
    expect(j3?.attempts).toBe(3);
    expect(await queue.fail(id, 'w1', 'boom 3')).toBe('failed');
    expect(await queue.find(id)).toMatchObject({ failedAt: clock.now(), lastError: 'boom 3' });
    clock.advance(3_600_000);
    expect(await queue.claim('w1', [k])).toEqual([]);
  });

  it('hands a job whose lease expired to another worker; the first can no longer complete it', async () => {
    const k = kind();
    const { id } = await queue.enqueue(database.db, k, {}, { maxAttempts: 2 });
    await queue.claim('w1', [k]);
    clock.advance(59_000);
    expect(await queue.claim('w2', [k])).toEqual([]);
    clock.advance(2_000);
    const [taken] = await queue.claim('w2', [k]);
    expect(taken).toMatchObject({ id, lockedBy: 'w2', attempts: 2 });
    expect(await queue.complete(id, 'w1')).toBe(false);
    expect(await queue.fail(id, 'w1', 'late')).toBe('lost');
    // w2 dies too: its attempts are used up, so the job fails when the lease runs out.
    clock.advance(61_000);
    expect(await queue.claim('w3', [k])).toEqual([]);
    expect(await queue.find(id)).toMatchObject({ failedAt: clock.now(), lastError: 'lease expired' });
  });
});

describe('worker', () => {
  it('runs handlers, retries failures and finishes the running job when stopped', async () => {
    const k = kind();
    const seen: unknown[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let failOnce = true;
    const worker = createWorker({
      queue,
      clock,
      pollMs: 5,
      handlers: {
        [k]: async (payload) => {
          if (payload.slow) await gate;
          if (payload.flaky && failOnce) {
            failOnce = false;
            throw new Error('flaky');
          }
          seen.push(payload);
        },
      },
    });
    const flaky = await queue.enqueue(database.db, k, { flaky: true });
    expect(await worker.runOnce()).toBe(1);
    expect(await queue.find(flaky.id)).toMatchObject({ doneAt: null, lastError: 'flaky', attempts: 1 });
    clock.advance(10_000);
    const slow = await queue.enqueue(database.db, k, { slow: true });
    worker.start();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const stopped = worker.stop();
    release();
    await stopped;
    expect(seen).toEqual([{ flaky: true }, { slow: true }]);
    expect((await queue.find(slow.id))?.doneAt).not.toBeNull();
  });
});
