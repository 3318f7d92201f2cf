import { createHash } from 'node:crypto';
import type { Db } from '../src/db/client.ts';
import { createChainWalker, entryBytes } from '../src/modules/audit/audit.chain.ts';
import { type AuditRow, auditRepository } from '../src/modules/audit/audit.repository.ts';
import type { AuditService } from '../src/modules/audit/index.ts';
import type { OrgRow } from '../src/modules/organisations/organisations.repository.ts';
import { systemPrincipal } from '../src/shared/principal.ts';
import { actor, mixedEvent } from './fixture.ts';
import { interleaved, type Phase } from './measure.ts';

/** audit.service reads the chain in batches of this many rows; the fetch-only baseline does the same. */
const VERIFY_BATCH = 5000;
const BUILD_TX_SIZE = 1000;

export interface VerifyPhaseResult extends Phase {
  entriesPerSec: number;
  mbPerSec: number;
}

export interface VerifyResult {
  entries: number;
  bytes: number;
  buildMs: number;
  rawSha256: VerifyPhaseResult;
  fetchOnly: VerifyPhaseResult;
  hashInMemory: VerifyPhaseResult;
  verify: VerifyPhaseResult;
}

/** Appends entries through the service (a real chain), many per transaction so it is quick to build. */
async function growChain(db: Db, audit: AuditService, orgs: readonly OrgRow[], target: number): Promise<void> {
  let seq = (await auditRepository.readHead(db)).seq;
  while (seq < target - 1) {
    const size = Math.min(BUILD_TX_SIZE, target - 1 - seq);
    await db.transaction(async (tx) => {
      for (let k = 0; k < size; k += 1) {
        const i = seq + k;
        await audit.record(tx, actor, mixedEvent(i, orgs[i % orgs.length]!));
      }
    });
    seq += size;
  }
  // The last entry: a signed checkpoint, so verify also checks a signature as it would in production.
  await audit.checkpoint(systemPrincipal('bench'));
}

async function fetchAll(db: Db): Promise<AuditRow[]> {
  const rows: AuditRow[] = [];
  let after = 0;
  for (;;) {
    const batch = await auditRepository.batchAfter(db, after, VERIFY_BATCH);
    rows.push(...batch);
    const last = batch.at(-1);
    if (!last || batch.length < VERIFY_BATCH) return rows;
    after = Number(last.seq);
  }
}

const result = (p: Phase, entries: number, bytes: number): VerifyPhaseResult => ({
  ...p,
  entriesPerSec: entries / (p.medianMs / 1000),
  mbPerSec: bytes / 1e6 / (p.medianMs / 1000),
});

export async function benchAuditVerify(
  db: Db,
  audit: AuditService,
  orgs: readonly OrgRow[],
  options: { chain: number; runs: number },
): Promise<VerifyResult> {
  const buildStart = performance.now();
  await growChain(db, audit, orgs, options.chain);
  const buildMs = performance.now() - buildStart;

  const rows = await fetchAll(db);
  const entries = rows.map((row) => ({ ...row, seq: Number(row.seq) }));
  const buffers = entries.map((entry) => Buffer.from(entryBytes(entry), 'utf8'));
  const bytes = buffers.reduce((sum, b) => sum + b.length, 0);

  // Warm up every path once (JIT, buffer caches), and check the chain is sound, or the timings mean nothing.
  const warm = await audit.verify();
  if (!warm.ok || warm.count !== entries.length || warm.checkpoints.verified !== 1) {
    throw new Error(`the benchmark chain does not verify: ${JSON.stringify(warm)}`);
  }

  let sink = 0;
  const phases = await interleaved(options.runs, {
    rawSha256: async () => {
      for (const b of buffers) sink += createHash('sha256').update(b).digest('hex').length;
    },
    fetchOnly: async () => {
      sink += (await fetchAll(db)).length;
    },
    hashInMemory: async () => {
      const walker = createChainWalker();
      for (const entry of entries) if (walker.next(entry)) throw new Error(`chain broken at ${entry.seq}`);
      sink += walker.count;
    },
    verify: async () => {
      const r = await audit.verify();
      if (!r.ok) throw new Error('verify failed during the benchmark');
      sink += r.count;
    },
  });
  if (sink === 0) throw new Error('nothing was measured');
  const n = entries.length;
  return {
    entries: n,
    bytes,
    buildMs,
    rawSha256: result(phases.rawSha256, n, bytes),
    fetchOnly: result(phases.fetchOnly, n, bytes),
    hashInMemory: result(phases.hashInMemory, n, bytes),
    verify: result(phases.verify, n, bytes),
  };
}
