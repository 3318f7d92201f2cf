import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, queryRows } from './client.ts';

let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'ts-lock-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

describe('the embedded database on disk', () => {
  it('is held by one opener at a time and released on close', async () => {
    const first = await openDatabase({ dataDir });
    await expect(openDatabase({ dataDir })).rejects.toMatchObject({ code: 'db.in_use' });
    await first.close();
    expect(existsSync(path.join(dataDir, 'pgdata.lock'))).toBe(false);
    const second = await openDatabase({ dataDir });
    await second.ping();
    await second.close();
  });

  it('takes over a lock left by a process that is gone', async () => {
    writeFileSync(path.join(dataDir, 'pgdata.lock'), '999999999');
    const database = await openDatabase({ dataDir });
    await database.ping();
    await database.close();
  });
});

describe('the embedded database in a transaction', () => {
  it('refuses a query on db from inside db.transaction instead of waiting for itself forever', async () => {
    const { db, close } = await openDatabase({ dataDir: 'memory://' });
    try {
      const refused = await db.transaction(async () => queryRows(db, sql`select 1 as one`)).catch((e: Error) => e);
      expect((refused as Error).cause).toMatchObject({
        message: expect.stringMatching(/inside db.transaction: run it on the transaction/),
      });
      // On the transaction it runs, and so does db outside one, in parallel with another's transaction.
      const [inside, outside] = await Promise.all([
        db.transaction((tx) => queryRows<{ one: number }>(tx, sql`select 1 as one`)),
        queryRows<{ two: number }>(db, sql`select 2 as two`),
      ]);
      expect(inside).toEqual([{ one: 1 }]);
      expect(outside).toEqual([{ two: 2 }]);
    } finally {
      await close();
    }
  });
});
