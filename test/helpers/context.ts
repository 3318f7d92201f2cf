import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { type App, buildApp, logRedactions } from '../../src/app.ts';
import { loadConfig } from '../../src/config/config.ts';
import { type Container, createContainer } from '../../src/container.ts';
import { type Clock, createFixedClock } from '../../src/shared/clock.ts';
import { openTestDatabase } from './database.ts';

export interface TestContext {
  app: App;
  container: Container;
  clock: Clock & { set(to: Date | string): void; advance(ms: number): void };
  dataDir: string;
  admin: { email: string; password: string };
  close(): Promise<void>;
}

export interface TestContextOptions {
  /** Settings as in the environment (e.g. SIGN_IN_MAX_PER_MINUTE). */
  env?: Record<string, string>;
  /** Receives the JSON log lines; logging is off without it. */
  logStream?: Writable;
  start?: string;
}

/**
 * A whole platform for one test file: fresh database (PGlite, or the server in TEST_DATABASE_URL),
 * its own data directory for keys, a clock the test moves, and the bootstrap admin.
 */
export async function createTestContext(options: TestContextOptions = {}): Promise<TestContext> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'threatshare-test-'));
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'info', SIGN_IN_MAX_PER_MINUTE: '1000', ...options.env });
  const clock = createFixedClock(options.start ?? '2026-01-15T09:00:00.000Z');
  const database = await openTestDatabase();
  const container = await createContainer(config, { clock, database });
  await container.prepare();
  const admin = await container.modules.system.service.bootstrap();
  if (!admin) throw new Error('bootstrap created no admin in a fresh database');
  const logger = options.logStream ? { level: 'info', stream: options.logStream, redact: logRedactions } : false;
  const app = await buildApp(container, { logger, webDir: path.join(dataDir, 'no-web') });
  await app.ready();
  return {
    app,
    container,
    clock,
    dataDir,
    admin: { email: admin.email, password: admin.password },
    close: async () => {
      await app.close();
      await container.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
