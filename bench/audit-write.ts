import type { Db } from '../src/db/client.ts';
import type { AuditService } from '../src/modules/audit/index.ts';
import { type OrgRow, organisationsRepository as repo } from '../src/modules/organisations/organisations.repository.ts';
import { actor, clock, orgUpdatedEvent, sectors } from './fixture.ts';
import { interleavedBlocks, type Phase } from './measure.ts';

/** Writes per slice when the with- and without-audit phases alternate. */
const BLOCK = 100;

export interface WriteOptions {
  n: number;
  runs: number;
  warmup: number;
  /** Concurrent writers for the concurrent variant; 0 skips it. */
  writers: number;
}

export interface WritePhaseResult extends Phase {
  writes: number;
  opsPerSec: number;
  msPerOp: number;
}

export interface WriteResult {
  sequential: { withoutAudit: WritePhaseResult; withAudit: WritePhaseResult };
  concurrent?: { writers: number; withoutAudit: WritePhaseResult; withAudit: WritePhaseResult };
}

/**
 * One organisation update the way organisations.service does it: UPDATE … RETURNING in a
 * transaction, with or without `audit.record` in the same transaction.
 */
function makeWriter(db: Db, audit: AuditService, withAudit: boolean) {
  const sectorOf = new Map<string, string>();
  return async (org: OrgRow, i: number): Promise<void> => {
    const from = sectorOf.get(org.id) ?? org.sector ?? sectors[0]!;
    const to =
      sectors[(i + 1) % sectors.length] === from
        ? sectors[(i + 2) % sectors.length]!
        : sectors[(i + 1) % sectors.length]!;
    await db.transaction(async (tx) => {
      await repo.update(tx, org.id, { sector: to, updatedAt: clock.now() });
      if (withAudit) await audit.record(tx, actor, orgUpdatedEvent(org, from, to));
    });
    sectorOf.set(org.id, to);
  };
}

type Writer = ReturnType<typeof makeWriter>;

async function sequential(write: Writer, orgs: readonly OrgRow[], n: number, from = 0): Promise<void> {
  for (let i = from; i < from + n; i += 1) await write(orgs[i % orgs.length]!, i);
}

/** `writers` loops at once, each on its own organisation: no row conflicts except the audit head. */
async function concurrent(write: Writer, orgs: readonly OrgRow[], n: number, writers: number): Promise<void> {
  const perWriter = Math.ceil(n / writers);
  await Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      for (let i = 0; i < perWriter; i += 1) await write(orgs[w]!, i);
    }),
  );
}

const sliceOf = (n: number, block: number) => Math.min(BLOCK, n - block * BLOCK);

const result = (p: Phase, writes: number): WritePhaseResult => ({
  ...p,
  writes,
  opsPerSec: writes / (p.medianMs / 1000),
  msPerOp: p.medianMs / writes,
});

export async function benchAuditWrites(
  db: Db,
  audit: AuditService,
  orgs: readonly OrgRow[],
  options: WriteOptions,
): Promise<WriteResult> {
  const plain = makeWriter(db, audit, false);
  const audited = makeWriter(db, audit, true);
  await sequential(plain, orgs, options.warmup);
  await sequential(audited, orgs, options.warmup);

  const blocks = Math.ceil(options.n / BLOCK);
  const seq = await interleavedBlocks(options.runs, blocks, {
    withoutAudit: (b) => sequential(plain, orgs, sliceOf(options.n, b), b * BLOCK),
    withAudit: (b) => sequential(audited, orgs, sliceOf(options.n, b), b * BLOCK),
  });
  const out: WriteResult = {
    sequential: { withoutAudit: result(seq.withoutAudit, options.n), withAudit: result(seq.withAudit, options.n) },
  };
  if (options.writers > 1) {
    const w = options.writers;
    // Each slice gives every writer the same share, so the total can round up a little.
    const perSlice = Math.ceil(BLOCK / w) * w;
    const writes = perSlice * blocks;
    await concurrent(plain, orgs, options.warmup, w);
    await concurrent(audited, orgs, options.warmup, w);
    const conc = await interleavedBlocks(options.runs, blocks, {
      withoutAudit: () => concurrent(plain, orgs, perSlice, w),
      withAudit: () => concurrent(audited, orgs, perSlice, w),
    });
    out.concurrent = {
      writers: w,
      withoutAudit: result(conc.withoutAudit, writes),
      withAudit: result(conc.withAudit, writes),
    };
  }
  return out;
}
