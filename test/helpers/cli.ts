import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { expect } from 'vitest';

// The CLI as a user runs it: a real process on its own data directory, or a fresh database on the
// PostgreSQL server named by TEST_DATABASE_URL.

const root = path.resolve(import.meta.dirname, '../..');

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliWorld {
  dataDir: string;
  databaseUrl: string | undefined;
  cli(args: string[], options?: { env?: Record<string, string>; input?: string; bin?: boolean }): Promise<Run>;
  json<T = Record<string, unknown>>(args: string[], options?: { input?: string }): Promise<T>;
  close(): Promise<void>;
}

export async function createCliWorld(): Promise<CliWorld> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'threatshare-cli-'));
  let databaseUrl: string | undefined;
  let dbName: string | undefined;
  if (serverUrl) {
    dbName = `ts_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${dbName}`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${dbName}`;
    databaseUrl = url.toString();
  }

  const baseEnv = (): NodeJS.ProcessEnv => {
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
    for (const key of ['DATABASE_URL', 'THREATSHARE_CONFIG', 'PORT', 'HOST']) delete env[key];
    if (databaseUrl) env.DATABASE_URL = databaseUrl;
    return env;
  };

  const cli: CliWorld['cli'] = (args, options = {}) => {
    const entry = options.bin ? ['bin/threatshare.js'] : ['--import', 'tsx', 'src/cli/index.ts'];
    return new Promise<Run>((resolve, reject) => {
      const child = spawn(process.execPath, [...entry, ...args], { cwd: root, env: { ...baseEnv(), ...options.env } });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.on('data', (d) => (stderr += d));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout, stderr }));
      child.stdin.end(options.input ?? '');
    });
  };

  return {
    dataDir,
    databaseUrl,
    cli,
    async json<T>(args: string[], options?: { input?: string }): Promise<T> {
      const run = await cli([...args, '--json'], options);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      return JSON.parse(run.stdout) as T;
    },
    async close() {
      rmSync(dataDir, { recursive: true, force: true });
      if (dbName) {
        const admin = new pg.Client({ connectionString: serverUrl });
        await admin.connect();
        await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
        await admin.end();
      }
    },
  };
}

/** An error the way scripts see it: exit 2 (by default) and exactly one line on stderr. */
export function expectOneLineError(run: Run, code = 2): string {
  expect(run.code).toBe(code);
  const lines = run.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^threatshare: /);
  return lines[0]!;
}
