import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from './client.ts';

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
