import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../test/helpers/database.ts';
import { type Database, defaultMigrationsFolder, queryRows } from './client.ts';

let database: Database;
let folder: string;

beforeEach(async () => {
  database = await openTestDatabase();
  folder = mkdtempSync(path.join(tmpdir(), 'ts-migrations-'));
  cpSync(defaultMigrationsFolder, folder, { recursive: true });
});
afterEach(async () => {
  await database.close();
  rmSync(folder, { recursive: true, force: true });
});

const tables = async () =>
  (
    await queryRows<{ table_name: string }>(
      database.db,
      sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
    )
  ).map((r) => r.table_name);

/** Appends a migration to the journal, as drizzle-kit generate would. */
function addMigration(tag: string, body: string) {
  const journalFile = path.join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: Record<string, unknown>[] };
  journal.entries.push({
    idx: journal.entries.length,
    version: '7',
    when: Date.now() + journal.entries.length,
    tag,
    breakpoints: true,
  });
  writeFileSync(journalFile, JSON.stringify(journal));
  writeFileSync(path.join(folder, `${tag}.sql`), body);
}

describe('migrations', () => {
  it('apply once and re-run cleanly', async () => {
    await database.migrate(folder);
    await database.migrate(folder);
    expect(await tables()).toContain('audit_log');
    const head = await queryRows(database.db, sql`select seq, hash from audit_head`);
    expect(head).toHaveLength(1);
    expect(readdirSync(folder).some((f) => f.endsWith('.sql'))).toBe(true);
  });

  it('leave the database as it was when one fails', async () => {
    await database.migrate(folder);
    const before = await tables();
    const appliedBefore = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
    );
    addMigration(
      '0100_good_then_bad',
      'CREATE TABLE "will_vanish" ("id" int);\n--> statement-breakpoint\nALTER TABLE "no_such_table" ADD COLUMN "x" int;',
    );
    await expect(database.migrate(folder)).rejects.toThrow();
    expect(await tables()).toEqual(before);
    const applied = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
    );
    expect(applied).toEqual(appliedBefore);
  });
});
