/**
 * Catalog import throughput against a plain bulk insert of the same rows into a bare table (no primary key,
 * no indexes, no conflict handling), measured in the same run on the same database.
 *
 * - real: the 445 real CVE records of test/fixtures/cve through `catalog.service.importCveRecords` (the whole
 *   path: walk, read, JSON.parse, schema check, canonical hash, batched upsert, audit entry), median of runs on
 *   an emptied table, alternating with the baseline.
 * - synthetic: ≥100,000 records made in memory from the real ones (new CVE id, title, dateUpdated) through the
 *   same parse + batched-upsert path (`parseCveRecord` → `createCveWriter`, 500 rows per INSERT … ON CONFLICT);
 *   only file reading and JSON.parse are left out. The baseline inserts the same rows, 500 per INSERT.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import type { Db } from '../src/db/client.ts';
import { createCveWriter, emptyResult } from '../src/modules/catalog/catalog.import.ts';
import { toCveRow } from '../src/modules/catalog/catalog.rows.ts';
import { createCatalogService } from '../src/modules/catalog/catalog.service.ts';
import { systemPrincipal } from '../src/shared/principal.ts';
import { type Cve5Record, type ParsedCve, parseCveRecord } from '../src/standards/cve5/index.ts';
import { clock, createBenchAudit } from './fixture.ts';
import { median, timeMs } from './measure.ts';
import type { Target } from './targets.ts';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'test', 'fixtures', 'cve');
const BATCH = 500;

/** The bare baseline table: the columns of cve_records, nothing else. */
const plain = pgTable('bench_cve_plain', {
  cveId: text('cve_id'),
  state: text('state'),
  assignerShortName: text('assigner_short_name'),
  dataVersion: text('data_version'),
  title: text('title'),
  description: text('description'),
  cwes: text('cwes').array(),
  cvssScore: text('cvss_score'),
  severity: text('severity'),
  datePublished: timestamp('date_published', { withTimezone: true }),
  dateUpdated: timestamp('date_updated', { withTimezone: true }),
  products: jsonb('products'),
  record: jsonb('record'),
  contentHash: text('content_hash'),
  importedAt: timestamp('imported_at', { withTimezone: true }),
  updatedAt: timestamp('updated_at', { withTimezone: true }),
});

export interface Throughput {
  records: number;
  ms: number;
  recordsPerSec: number;
}
export interface CatalogPhase {
  import: Throughput;
  plainInsert: Throughput;
  /** import records/s ÷ plain-insert records/s (1 = as fast as a bare insert). */
  ratio: number;
}
export interface CatalogReport {
  target: string;
  real: CatalogPhase & { runs: number; reimportUnchanged: Throughput };
  synthetic: CatalogPhase;
}

const throughput = (records: number, ms: number): Throughput => ({ records, ms, recordsPerSec: records / (ms / 1000) });
const phase = (imp: Throughput, base: Throughput): CatalogPhase => ({
  import: imp,
  plainInsert: base,
  ratio: imp.recordsPerSec / base.recordsPerSec,
});

async function plainInsert(db: Db, rows: ReturnType<typeof toCveRow>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) await db.insert(plain).values(rows.slice(i, i + BATCH));
}

function loadReal(): ParsedCve[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(path.join(dir, e.name)) : e.name.endsWith('.json') ? [path.join(dir, e.name)] : [],
    );
  return walk(fixtures).map((f) => {
    const parsed = parseCveRecord(JSON.parse(readFileSync(f, 'utf8')), { checkSchema: false });
    if (!parsed.ok) throw new Error(`${f}: ${JSON.stringify(parsed.errors)}`);
    return parsed.record;
  });
}

/** Record i of the scale-up: a real record under a new id (CVE-2100+…), with its title and dateUpdated varied. */
function synthetic(base: readonly ParsedCve[], i: number): Cve5Record {
  const source = base[i % base.length]!.record;
  const cveId = `CVE-${2100 + Math.floor(i / 1_000_000)}-${String(100_000 + (i % 1_000_000)).padStart(7, '0')}`;
  const updated = new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString();
  const cna = source.containers?.cna;
  return {
    ...source,
    cveMetadata: { ...source.cveMetadata, cveId, dateUpdated: updated },
    containers: { ...source.containers, cna: { ...cna, title: `${cna?.title ?? 'Synthetic record'} #${i}` } },
  };
}

export async function benchCatalogImport(
  target: Target,
  options: { n: number; runs: number },
  log: (line: string) => void = () => {},
): Promise<CatalogReport> {
  const { db } = target.database;
  await db.execute(
    sql`create table bench_cve_plain (${sql.raw(
      'cve_id text, state text, assigner_short_name text, data_version text, title text, description text, cwes text[], cvss_score text, severity text, date_published timestamptz, date_updated timestamptz, products jsonb, record jsonb, content_hash text, imported_at timestamptz, updated_at timestamptz',
    )})`,
  );
  const audit = await createBenchAudit(db);
  const service = createCatalogService({ db, clock, audit });
  const cli = systemPrincipal('bench');
  const real = loadReal();
  const realRows = real.map((r) => toCveRow(r, clock.now()));

  const importMs: number[] = [];
  const plainMs: number[] = [];
  for (let run = 0; run < options.runs; run++) {
    await db.execute(sql`truncate cve_records, bench_cve_plain`);
    importMs.push(await timeMs(() => service.importCveRecords(cli, fixtures)));
    plainMs.push(await timeMs(() => plainInsert(db, realRows)));
  }
  const reimportMs = await timeMs(() => service.importCveRecords(cli, fixtures));
  const realPhase = {
    ...phase(throughput(real.length, median(importMs)), throughput(real.length, median(plainMs))),
    runs: options.runs,
    reimportUnchanged: throughput(real.length, reimportMs),
  };
  log(
    `  real: import ${realPhase.import.recordsPerSec.toFixed(0)} rec/s, plain ${realPhase.plainInsert.recordsPerSec.toFixed(0)} rec/s`,
  );

  await db.execute(sql`truncate cve_records, bench_cve_plain`);
  // Alternate slices of 10,000 so a slow spell of the machine hits both sides alike.
  const SLICE = 10_000;
  let ours = 0;
  let base = 0;
  const result = emptyResult();
  for (let from = 0; from < options.n; from += SLICE) {
    const to = Math.min(options.n, from + SLICE);
    ours += await timeMs(async () => {
      const writer = createCveWriter(db, clock.now(), result);
      for (let i = from; i < to; i++) {
        const parsed = parseCveRecord(synthetic(real, i));
        if (!parsed.ok) throw new Error('synthetic record did not parse');
        await writer.add(`synthetic-${i}`, parsed.record);
      }
      await writer.flush();
    });
    const rows: ReturnType<typeof toCveRow>[] = [];
    for (let i = from; i < to; i++) {
      const parsed = parseCveRecord(synthetic(real, i), { checkSchema: false });
      if (parsed.ok) rows.push(toCveRow(parsed.record, clock.now()));
    }
    base += await timeMs(() => plainInsert(db, rows));
  }
  if (result.inserted !== options.n) throw new Error(`synthetic import inserted ${result.inserted} of ${options.n}`);
  const syntheticPhase = phase(throughput(options.n, ours), throughput(options.n, base));
  return { target: target.name, real: realPhase, synthetic: syntheticPhase };
}

const num = (value: number, digits = 0) =>
  value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

export function formatCatalog(report: CatalogReport): string {
  const row = (label: string, t: Throughput) =>
    `  ${label.padEnd(44)} ${num(t.records).padStart(8)} ${num(t.ms).padStart(9)} ms ${num(t.recordsPerSec).padStart(9)} rec/s`;
  const r = report.real;
  const s = report.synthetic;
  return [
    `catalog import (${report.target})`,
    row(`real records, import (median of ${r.runs})`, r.import),
    row('real records, plain bulk insert', r.plainInsert),
    row('real records, re-import (all unchanged)', r.reimportUnchanged),
    row('synthetic, parse + batched upsert', s.import),
    row('synthetic, plain bulk insert', s.plainInsert),
    `  ratio import / plain insert (records/s): real ${num(r.ratio, 2)}, synthetic ${num(s.ratio, 2)}`,
  ].join('\n');
}
