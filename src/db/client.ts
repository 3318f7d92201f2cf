import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations, SQL } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { conflict } from '../shared/errors.ts';
import * as schema from './schema/index.ts';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** What a repository function runs on: the database or an open transaction. */
export type Executor = Db | Tx;

export interface Database {
  readonly db: Db;
  readonly kind: 'pglite' | 'postgres';
  /** Applies pending migrations in one transaction: all of them, or none. */
  migrate(migrationsFolder?: string): Promise<void>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export const defaultMigrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

export interface OpenOptions {
  databaseUrl?: string | undefined;
  /** PGlite data directory; `memory://` keeps it in memory (tests only). */
  dataDir: string;
  poolSize?: number;
  /**
   * Told when an idle pooled connection to the PostgreSQL server dies (server restart, administrator kill).
   * The pool replaces the connection; without a listener the error would end the process.
   */
  onConnectionError?: (error: Error) => void;
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? 10, options.onConnectionError);
  return openPglite(options.dataDir);
}

async function openPglite(dataDir: string): Promise<Database> {
  const inMemory = dataDir.startsWith('memory://');
  const dir = inMemory ? dataDir : path.join(dataDir, 'pgdata');
  if (!inMemory) mkdirSync(dir, { recursive: true });
  const release = inMemory ? () => {} : lockDataDir(dataDir);
  let client: PGlite;
  try {
    client = await PGlite.create(dir);
  } catch (error) {
    release();
    throw error;
  }
  const db = drizzlePglite(guardTransactions(client), { schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    migrate: async (folder = defaultMigrationsFolder) => {
      await migratePglite(drizzlePglite(client, { schema }), { migrationsFolder: folder });
    },
    ping: async () => {
      await client.query('select 1');
    },
    close: async () => {
      if (!client.closed) await client.close();
      release();
    },
  };
}

const insideTransaction = new AsyncLocalStorage<true>();

/**
 * PGlite is one connection: a query on `db` from inside `db.transaction` waits for the transaction that waits for it,
 * forever. On a server it would run on another connection and miss the uncommitted rows. Either way it is a bug, so
 * the embedded database refuses it at once, naming the fix.
 */
function guardTransactions(client: PGlite): PGlite {
  const refuse = () => {
    throw new Error('a query on db inside db.transaction: run it on the transaction (tx), or before it');
  };
  return new Proxy(client, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      if (property === 'transaction') {
        return <T>(fn: (tx: unknown) => Promise<T>) =>
          target.transaction((tx) => insideTransaction.run(true, () => fn(tx)));
      }
      if (property === 'query' || property === 'exec') {
        return (...args: unknown[]) => {
          if (insideTransaction.getStore()) refuse();
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      }
      return value.bind(target);
    },
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The embedded database is a single-process engine: two processes on one data directory would corrupt it.
 * A lock file names the owner; a lock left by a process that no longer runs is taken over.
 */
function lockDataDir(dataDir: string): () => void {
  const file = path.join(dataDir, 'pgdata.lock');
  const mine = String(process.pid);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, mine, { flag: 'wx' });
      return () => {
        try {
          if (readFileSync(file, 'utf8') === mine) unlinkSync(file);
        } catch {
          // already gone
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number.parseInt(readFileSync(file, 'utf8'), 10);
      if (Number.isInteger(owner) && isAlive(owner)) {
        throw conflict(
          'db.in_use',
          `the embedded database in ${dataDir} is in use by process ${owner}; stop it first (or use DATABASE_URL)`,
        );
      }
      unlinkSync(file);
    }
  }
  throw conflict('db.in_use', `cannot lock the embedded database in ${dataDir}`);
}

async function openPostgres(url: string, max: number, onError?: (error: Error) => void): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max });
  pool.on('error', (error) => onError?.(error));
  const database = drizzleNodePg(pool, { schema });
  const db = database as unknown as Db;
  let closed = false;
  return {
    db,
    kind: 'postgres',
    migrate: async (folder = defaultMigrationsFolder) => {
      await migrateNodePg(database, { migrationsFolder: folder });
    },
    ping: async () => {
      await pool.query('select 1');
    },
    close: async () => {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}

/** Runs raw SQL and returns its rows, whichever driver is underneath. */
export async function queryRows<T = Record<string, unknown>>(db: Executor, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as { rows: T[] };
  return result.rows;
}
