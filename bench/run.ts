/**
 * `npm run bench`: what the tamper-evident audit chain costs, as ratios against baselines
 * measured in the same run, on PGlite and (when a server URL is given) on PostgreSQL.
 *
 *   npm run bench -- [--n 2000] [--chain 20000] [--runs 3] [--writers 4] [--target pglite|postgres]
 *                    [--only audit|catalog] [--catalog-n 100000]
 *   BENCH_DATABASE_URL=postgres://user@host:port/postgres npm run bench
 */
import { cpus, loadavg, totalmem } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { benchAuditVerify } from './audit-verify.ts';
import { benchAuditWrites } from './audit-write.ts';
import { benchCatalogImport, type CatalogReport, formatCatalog } from './catalog-import.ts';
import { createBenchAudit, seedOrganisations } from './fixture.ts';
import { formatTarget, ratios, type TargetReport, writeJson } from './report.ts';
import { openPgliteTarget, openPostgresTarget, planTargets, type Target } from './targets.ts';

const ORGANISATIONS = 50;

const { values } = parseArgs({
  options: {
    n: { type: 'string' },
    chain: { type: 'string' },
    runs: { type: 'string' },
    writers: { type: 'string' },
    target: { type: 'string' },
    only: { type: 'string' },
    'catalog-n': { type: 'string' },
    out: { type: 'string' },
  },
});

function positiveInt(name: string, ...candidates: (string | undefined)[]): number {
  const raw = candidates.find((c) => c !== undefined && c !== '');
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) {
    console.error(`bench: ${name} must be a positive integer, got '${raw}'`);
    process.exit(2);
  }
  return value;
}

const env = process.env;
const options = {
  n: positiveInt('--n', values.n, env.BENCH_N, '2000'),
  chain: positiveInt('--chain', values.chain, env.BENCH_CHAIN, '20000'),
  runs: positiveInt('--runs', values.runs, env.BENCH_RUNS, '3'),
  writers: positiveInt('--writers', values.writers, env.BENCH_WRITERS, '4'),
  catalogN: positiveInt('--catalog-n', values['catalog-n'], env.BENCH_CATALOG_N, '100000'),
};
/** `--only audit|catalog`: one suite; both by default. */
const suites = values.only ? [values.only] : ['audit', 'catalog'];
if (!suites.every((s) => s === 'audit' || s === 'catalog')) {
  console.error(`bench: --only must be audit or catalog, got '${values.only}'`);
  process.exit(2);
}
const warmup = Math.min(200, options.n);
const outFile = values.out ?? path.join(path.dirname(fileURLToPath(import.meta.url)), 'results', 'latest.json');

async function benchTarget(target: Target): Promise<TargetReport> {
  const { db } = target.database;
  const audit = await createBenchAudit(db);
  const orgs = await seedOrganisations(db, Math.max(ORGANISATIONS, options.writers));
  // PGlite is one connection in one process: concurrent writers would only queue on its mutex.
  const writers = target.name === 'postgres' ? options.writers : 0;
  const write = await benchAuditWrites(db, audit, orgs, { n: options.n, runs: options.runs, warmup, writers });
  const verify = await benchAuditVerify(db, audit, orgs, { chain: options.chain, runs: Math.max(options.runs, 5) });
  const notes =
    writers === 0 ? ['concurrent writers not measured: PGlite is one connection, they would only take turns'] : [];
  return { name: target.name, where: target.where, write, verify, ratios: ratios(write, verify), notes };
}

async function main(): Promise<number> {
  const cpu = cpus();
  const machine = {
    cpus: cpu.length,
    cpuModel: cpu[0]?.model ?? 'unknown',
    memoryGb: Math.round(totalmem() / 1e9),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    // Other work on the machine skews absolute figures; the ratios, measured side by side, much less.
    loadAverageAtStart: loadavg()[0],
  };
  console.log(
    `threatshare bench: n=${options.n} chain=${options.chain} runs=${options.runs} writers=${options.writers}` +
      ` | ${machine.cpus} x ${machine.cpuModel}, node ${machine.node}, load average ${machine.loadAverageAtStart?.toFixed(2)}\n`,
  );
  const reports: TargetReport[] = [];
  const catalog: CatalogReport[] = [];
  let failed = false;
  for (const plan of planTargets(env, values.target)) {
    if ('skipped' in plan) {
      reports.push({ name: plan.name, skipped: plan.skipped });
      console.log(`=== ${plan.name} ===\n  skipped: ${plan.skipped}\n`);
      continue;
    }
    let target: Target | undefined;
    try {
      target =
        plan.name === 'pglite'
          ? await openPgliteTarget()
          : await openPostgresTarget(plan.serverUrl, Math.max(10, options.writers + 2));
      if (suites.includes('audit')) {
        const report = await benchTarget(target);
        reports.push(report);
        console.log(`${formatTarget(report)}\n`);
      }
      if (suites.includes('catalog')) {
        const report = await benchCatalogImport(target, { n: options.catalogN, runs: options.runs });
        catalog.push(report);
        console.log(`${formatCatalog(report)}\n`);
      }
    } catch (error) {
      failed = true;
      const message = error instanceof Error ? error.message : String(error);
      reports.push({ name: plan.name, skipped: `failed: ${message}` });
      console.error(`=== ${plan.name} ===\n  FAILED: ${message}\n`);
    } finally {
      await target?.dispose();
    }
  }
  writeJson(outFile, {
    finishedAt: new Date().toISOString(),
    machine,
    options: { ...options, warmup },
    targets: reports,
    catalog,
  });
  console.log(`results written to ${path.relative(process.cwd(), outFile)}`);
  return failed ? 1 : 0;
}

process.exitCode = await main();
