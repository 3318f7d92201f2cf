import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { awarenessEvidence } from '../../db/schema/index.ts';

export type EvidenceRow = typeof awarenessEvidence.$inferSelect;

export const evidenceRepository = {
  insert: async (db: Executor, row: EvidenceRow): Promise<void> => {
    await db.insert(awarenessEvidence).values(row);
  },
  list: (db: Executor, reportId: string): Promise<EvidenceRow[]> =>
    db
      .select()
      .from(awarenessEvidence)
      .where(eq(awarenessEvidence.reportId, reportId))
      .orderBy(asc(awarenessEvidence.awareAt)),
  /** What the clocks may run from: credible and not withdrawn. */
  listCredible: (db: Executor, reportId: string): Promise<EvidenceRow[]> =>
    db
      .select()
      .from(awarenessEvidence)
      .where(
        and(
          eq(awarenessEvidence.reportId, reportId),
          eq(awarenessEvidence.credible, true),
          isNull(awarenessEvidence.withdrawnAt),
        ),
      ),
  find: async (db: Executor, reportId: string, id: string): Promise<EvidenceRow | undefined> =>
    (
      await db
        .select()
        .from(awarenessEvidence)
        .where(and(eq(awarenessEvidence.reportId, reportId), eq(awarenessEvidence.id, id)))
    )[0],
  withdraw: async (db: Executor, id: string, at: Date, reason: string): Promise<void> => {
    await db
      .update(awarenessEvidence)
      .set({ withdrawnAt: at, withdrawnReason: reason })
      .where(eq(awarenessEvidence.id, id));
  },
};

/** The earliest credible awareness: the report's own awareAt, or evidence that the organisation knew earlier. */
export function earliestAwareness(
  own: Date | undefined,
  evidence: readonly Pick<EvidenceRow, 'id' | 'source' | 'awareAt'>[],
): { at: Date | undefined; source: string } {
  let best: { at: Date | undefined; source: string } = { at: own, source: 'awareAt' };
  for (const e of evidence) {
    if (!best.at || e.awareAt.getTime() < best.at.getTime())
      best = { at: e.awareAt, source: `evidence:${e.source}:${e.id}` };
  }
  return best;
}
