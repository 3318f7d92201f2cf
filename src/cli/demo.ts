import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { type Config, loadConfig } from '../config/config.ts';
import { createContainer } from '../container.ts';
import { type SeedResult, seedDemoWorld } from '../demo/seed.ts';
import { DEMO_PASSWORD, demoOrgs, WORLD_START } from '../demo/world.ts';
import { createFixedClock } from '../shared/clock.ts';
import { validationError } from '../shared/errors.ts';
import { parseInteger } from './context.ts';

/** Next to, never inside, the real ./data. */
export const DEFAULT_DEMO_DIR = './data-demo';
/** Marks a directory as the demo's own: only such a directory (or an empty one) is used or deleted. */
const MARKER_FILE = 'THREATSHARE-DEMO';

interface DemoOptions {
  dataDir: string;
  port?: number;
  reset?: boolean;
  databaseUrl?: string;
}

/** The directory must be the demo's own (marked), empty or absent: the demo never touches real data. */
function prepareDataDir(dir: string, reset: boolean): void {
  const entries = existsSync(dir) ? readdirSync(dir) : [];
  if (entries.length > 0 && !entries.includes(MARKER_FILE)) {
    throw validationError(
      'demo.not_demo_dir',
      `${dir} is not a demo data directory (it has no ${MARKER_FILE} file): choose another --data-dir`,
    );
  }
  if (reset && entries.length > 0) {
    rmSync(dir, { recursive: true, force: true });
    process.stderr.write(`demo: deleted ${dir}\n`);
  }
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, MARKER_FILE),
    'This directory holds the threatshare demo world: sample data, not real.\n' +
      '`threatshare demo --reset` deletes it and seeds the world again.\n',
  );
}

/** The demo's settings: the user's environment for the rest, but never their database, keys or regimes. */
function demoConfig(opts: DemoOptions): Config {
  return loadConfig(process.env, {
    DATA_DIR: opts.dataDir,
    DATABASE_URL: opts.databaseUrl,
    SIGNING_KEY_FILE: undefined,
    MASTER_KEY_FILE: undefined,
    REGIMES_FILE: undefined,
    PUBLIC_URL: undefined,
    OPERATOR_NAME: demoOrgs[0]!.name,
    ADMIN_EMAIL: 'admin@operator.demo',
    ...(opts.port === undefined ? {} : { PORT: opts.port }),
  });
}

async function seed(config: Config): Promise<SeedResult> {
  const clock = createFixedClock(WORLD_START);
  // The world's history has one operator manager: it is played without four-eyes, whatever the server runs with.
  const container = await createContainer({ ...config, SANCTIONS_FOUR_EYES: false }, { clock });
  try {
    await container.prepare();
    return await seedDemoWorld(container, clock, { log: (line) => process.stderr.write(`${line}\n`) });
  } finally {
    await container.close();
  }
}

const accounts: [string, string][] = [
  ['admin@operator.demo', 'operator admin: every organisation, partner status, audit log'],
  ['analyst@operator.demo', 'operator analyst: triage, deadlines, coordination'],
  ['reporter@cloud.demo', 'Nimbus Cloud: the late Log4Shell report (CN late by 13 days), its suspension'],
  ['analyst@network.demo', 'Northwind Networks: a vendor brought into a report'],
  ['reporter@research.demo', 'Lighthouse Security Research: a researcher'],
  ['viewer@bank.demo', 'Harbour Bank: a member, read-only'],
];

export function demoBanner(config: Config): string {
  const rule = `  ${'='.repeat(78)}`;
  const orgs = demoOrgs.map((o) => o.key).join(', ');
  return [
    '',
    rule,
    '   DEMO — sample data, not real',
    rule,
    `   threatshare demo world:  ${config.PUBLIC_URL}`,
    `   data:                    ${config.DATABASE_URL ? 'the PostgreSQL server given' : config.DATA_DIR}`,
    '   Every organisation, person and report in it is invented; the CVE and KEV entries are real public data.',
    '',
    `   Sign in with any of these accounts; the password of every demo account is:  ${DEMO_PASSWORD}`,
    ...accounts.map(([email, what]) => `     ${email.padEnd(24)} ${what}`),
    `   Each organisation (${orgs})`,
    '   has admin@, analyst@, reporter@ and viewer@<org>.demo.  `threatshare demo --reset` starts over.',
    rule,
    '',
  ].join('\n');
}

export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description('start the platform with a sample world (DEMO data, kept apart from your real data)')
    .option('--data-dir <dir>', 'where the demo keeps its embedded database and keys', DEFAULT_DEMO_DIR)
    .option('--port <port>', 'HTTP port (default: PORT or 8080)', parseInteger(0, 65535))
    .option('--reset', 'delete the demo data directory first and seed the world again')
    .option('--database-url <url>', 'seed and serve an empty PostgreSQL database instead of the embedded one')
    .addHelpText(
      'after',
      '\nThe world (organisations, accounts, reports in every status, the Log4Shell acceptance scenario, real' +
        '\nCVE/KEV data) is seeded on the first start only. DATABASE_URL is ignored; see docs/demo.md.' +
        '\nExample:\n  threatshare demo --port 8095',
    )
    .action(async (opts: DemoOptions) => {
      if (opts.reset && opts.databaseUrl) {
        throw validationError(
          'demo.reset_server',
          '--reset deletes the embedded demo database only; drop the server database yourself',
        );
      }
      const dataDir = path.resolve(opts.dataDir);
      prepareDataDir(dataDir, opts.reset ?? false);
      const config = demoConfig({ ...opts, dataDir });
      process.stderr.write(`demo: preparing the demo world in ${dataDir} …\n`);
      const result = await seed(config);
      process.stderr.write(result.seeded ? 'demo: world seeded\n' : 'demo: the world was already there; starting it\n');
      // Loaded on demand, as `serve` does: the HTTP stack is not needed by the other commands.
      const { serve } = await import('../main.ts');
      await serve(config);
      process.stdout.write(demoBanner(config));
    });
}
