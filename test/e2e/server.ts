import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pg from 'pg';
import { type Browser, chromium, type Page } from 'playwright-core';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const artifactsDir = path.join(repoRoot, 'test-artifacts', 'e2e');
/** Runs against a PostgreSQL server keep their artifacts apart from the PGlite run's. */
export const artifactPrefix = process.env.TEST_DATABASE_URL ? 'postgres-' : '';

export interface RunningServer {
  url: string;
  admin: { email: string; password: string };
  /** Everything the child wrote so far, for failure messages. */
  output: () => string;
  stop: () => Promise<void>;
  /** With `movableClock`: runs the server's wall clock this many ms ahead of real time (0: back to real time). */
  setClockOffset: (ms: number) => Promise<void>;
}

export interface ServerOptions {
  /** Load test/e2e/clock-preload.ts into the server so the test can move its clock (setClockOffset). */
  movableClock?: boolean;
}

/** Asks the kernel for a port nobody uses right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

interface ScratchDatabase {
  url: string;
  drop: () => Promise<void>;
}

/** A new, empty database on the server in TEST_DATABASE_URL (as test/helpers/database.ts does). */
async function createScratchDatabase(serverUrl: string): Promise<ScratchDatabase> {
  const name = `ts_e2e_${randomBytes(6).toString('hex')}`;
  const run = async (sql: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await run(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

const running = new Set<ChildProcess>();
let exitHookInstalled = false;

// If the test process dies without running afterAll, the server must not outlive it.
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const child of running) child.kill('SIGKILL');
  });
}

async function waitForReady(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`server exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${output()}`);
    }
    try {
      const res = await fetch(`${url}/readyz`);
      if (res.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await sleep(200);
  }
  throw new Error(`server not ready at ${url}/readyz within 90 s:\n${output()}`);
}

async function waitForAdmin(read: () => string, child: ChildProcess): Promise<{ email: string; password: string }> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const text = read();
    const email = /^\s*e-mail:\s+(\S+)\s*$/m.exec(text)?.[1];
    const password = /^\s*password:\s+(\S+)\s*$/m.exec(text)?.[1];
    if (email && password) return { email, password };
    if (child.exitCode !== null) break;
    await sleep(100);
  }
  throw new Error(`server printed no bootstrap admin credentials:\n${read()}`);
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timedOut = await Promise.race([exited.then(() => false), sleep(15_000).then(() => true)]);
  if (timedOut) {
    child.kill('SIGKILL');
    await exited;
  }
}

/**
 * Starts the real server (`node --import tsx src/main.ts`) on a free port with a fresh data directory,
 * and a fresh database on TEST_DATABASE_URL's server when that is set (PGlite in the data directory otherwise).
 */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  installExitHook();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'threatshare-e2e-'));
  const clockFile = options.movableClock ? path.join(dataDir, 'clock-offset') : undefined;
  if (clockFile) writeFileSync(clockFile, '0');
  const serverUrl = process.env.TEST_DATABASE_URL;
  const database = serverUrl ? await createScratchDatabase(serverUrl) : undefined;
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    TMPDIR: process.env.TMPDIR,
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    SIGN_IN_MAX_PER_MINUTE: '1000',
    ...(database ? { DATABASE_URL: database.url } : {}),
    ...(clockFile ? { E2E_CLOCK_FILE: clockFile } : {}),
  };
  const preload = clockFile ? ['--import', pathToFileURL(path.join(repoRoot, 'test/e2e/clock-preload.ts')).href] : [];
  const child = spawn(process.execPath, ['--import', 'tsx', ...preload, 'src/main.ts'], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  // The one-time password is a secret: the transcript we keep for failures leaves it out.
  const output = () =>
    `--- stdout ---\n${stdout.replace(/(password:\s+)\S+/g, '$1<redacted>')}\n--- stderr ---\n${stderr}`;
  const url = `http://127.0.0.1:${port}`;

  const stop = async () => {
    await stopChild(child);
    running.delete(child);
    mkdirSync(artifactsDir, { recursive: true });
    writeFileSync(path.join(artifactsDir, `${artifactPrefix}server.log`), output());
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    await waitForReady(url, child, output);
    const admin = await waitForAdmin(() => stdout, child);
    const setClockOffset = async (ms: number) => {
      if (!clockFile) throw new Error('startServer({ movableClock: true }) moves the clock');
      const offset = String(Math.round(ms));
      rmSync(`${clockFile}.ack`, { force: true });
      writeFileSync(clockFile, offset);
      const deadline = Date.now() + 10_000;
      while (!existsSync(`${clockFile}.ack`) || readFileSync(`${clockFile}.ack`, 'utf8') !== offset) {
        if (Date.now() > deadline) throw new Error(`the server did not take the clock offset:\n${output()}`);
        await sleep(50);
      }
    };
    return { url, admin, output, stop, setClockOffset };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Debian's chromium (or CHROMIUM_PATH); playwright never downloads a browser here. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Numbered full-page screenshots in test-artifacts/e2e/, in the order the steps ran. */
export function screenshotter(page: Page, prefix = artifactPrefix) {
  let step = 0;
  mkdirSync(artifactsDir, { recursive: true });
  // Screenshots of an earlier run would mix with this run's.
  const earlier = new RegExp(`^${prefix}\\d{2}-.*\\.png$`);
  for (const file of readdirSync(artifactsDir)) if (earlier.test(file)) rmSync(path.join(artifactsDir, file));
  return async (name: string) => {
    step += 1;
    const file = path.join(artifactsDir, `${prefix}${String(step).padStart(2, '0')}-${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    return file;
  };
}
