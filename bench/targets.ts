import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { type Database, openDatabase } from '../src/db/client.ts';

/** A freshly migrated, empty database that the benchmark may fill and that `dispose` throws away. */
export interface Target {
  name: 'pglite' | 'postgres';
  /** Where it lives, for the report (no password). */
  where: string;
  database: Database;
  dispose(): Promise<void>;
}

export type TargetPlan =
  | { name: 'pglite' }
  | { name: 'postgres'; serverUrl: string }
  | { name: 'postgres'; skipped: string };

/** PGlite always; PostgreSQL when a server URL is given, otherwise a skip with the reason. */
export function planTargets(env: NodeJS.ProcessEnv, only?: string): TargetPlan[] {
  const plans: TargetPlan[] = [];
  if (!only || only === 'pglite') plans.push({ name: 'pglite' });
  if (!only || only === 'postgres') {
    const serverUrl = env.BENCH_DATABASE_URL || env.TEST_DATABASE_URL;
    plans.push(
      serverUrl
        ? { name: 'postgres', serverUrl }
        : { name: 'postgres', skipped: 'neither BENCH_DATABASE_URL nor TEST_DATABASE_URL is set' },
    );
  }
  return plans;
}

/** PGlite on a temporary data directory on disk (in memory it slows as data grows: see DESIGN.md). */
export async function openPgliteTarget(): Promise<Target> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ts-bench-'));
  const database = await openDatabase({ dataDir });
  await database.migrate();
  return {
    name: 'pglite',
    where: dataDir,
    database,
    dispose: async () => {
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const redact = (url: URL): string => {
  const copy = new URL(url.href);
  if (copy.password) copy.password = '***';
  return copy.href;
};

/** A new database `ts_bench_<random>` on the server, migrated; dropped again by `dispose`. */
export async function openPostgresTarget(serverUrl: string, poolSize: number): Promise<Target> {
  const name = `ts_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const dropDatabase = async () => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    } finally {
      await client.end();
    }
  };
  let database: Database;
  try {
    database = await openDatabase({ databaseUrl: url.href, dataDir: '', poolSize });
    await database.migrate();
  } catch (error) {
    await dropDatabase();
    throw error;
  }
  return {
    name: 'postgres',
    where: redact(url),
    database,
    dispose: async () => {
      await database.close();
      await dropDatabase();
    },
  };
}
