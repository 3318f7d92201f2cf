import { and, count, desc, eq, inArray, isNull, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { awarenessEvidence, obligations, reports, violations } from '../../db/schema/index.ts';
import type { ObligationFact } from './violations.engine.ts';

export type ViolationRow = typeof violations.$inferSelect;

export interface ViolationFilter {
  orgId?: string | undefined;
  status?: string | undefined;
}

const where = (filter: ViolationFilter): SQL | undefined =>
  and(
    filter.orgId ? eq(violations.orgId, filter.orgId) : undefined,
    filter.status ? eq(violations.status, filter.status) : undefined,
  );

export const violationsRepository = {
  /** Obligations in breach (late or missed) with their report's severity and ref. */
  listBreaches: async (db: Executor): Promise<ObligationFact[]> => {
    const rows = await db
      .select({
        id: obligations.id,
        orgId: obligations.orgId,
        reportId: obligations.reportId,
        regimeId: obligations.regimeId,
        obligationKey: obligations.obligationKey,
        status: obligations.status,
        dueAt: obligations.dueAt,
        metAt: obligations.metAt,
        latenessSeconds: obligations.latenessSeconds,
        reportSeverity: reports.severity,
        reportRef: reports.ref,
      })
      .from(obligations)
      .innerJoin(reports, eq(reports.id, obligations.reportId))
      .where(inArray(obligations.status, ['late', 'missed']));
    // bigint comes back as a string from node-postgres and a number from PGlite.
    return rows.map((r) => ({ ...r, latenessSeconds: r.latenessSeconds === null ? null : Number(r.latenessSeconds) }));
  },

  /** For each obligation, the rules whose violations already include it. */
  countedBy: async (db: Executor, ruleIds: readonly string[]): Promise<Map<string, string[]>> => {
    const counted = new Map<string, string[]>();
    if (ruleIds.length === 0) return counted;
    const rows = await db
      .select({ ruleId: violations.ruleId, obligationIds: violations.obligationIds })
      .from(violations)
      .where(inArray(violations.ruleId, [...ruleIds]));
    for (const row of rows) {
      for (const id of row.obligationIds) counted.set(id, [...(counted.get(id) ?? []), row.ruleId]);
    }
    return counted;
  },

  existingKeys: async (db: Executor, keys: readonly string[]): Promise<Set<string>> => {
    if (keys.length === 0) return new Set();
    const rows = await db
      .select({ key: violations.dedupeKey })
      .from(violations)
      .where(inArray(violations.dedupeKey, [...keys]));
    return new Set(rows.map((r) => r.key));
  },

  /** Credible, not withdrawn awareness evidence of these reports, by report id. */
  evidenceByReport: async (db: Executor, reportIds: readonly string[]): Promise<Map<string, string[]>> => {
    const byReport = new Map<string, string[]>();
    if (reportIds.length === 0) return byReport;
    const rows = await db
      .select({ id: awarenessEvidence.id, reportId: awarenessEvidence.reportId })
      .from(awarenessEvidence)
      .where(
        and(
          inArray(awarenessEvidence.reportId, [...new Set(reportIds)]),
          eq(awarenessEvidence.credible, true),
          isNull(awarenessEvidence.withdrawnAt),
        ),
      );
    for (const row of rows) byReport.set(row.reportId, [...(byReport.get(row.reportId) ?? []), row.id]);
    return byReport;
  },

  /** Inserts the violations whose dedupe key is new; returns only those (a concurrent run's rows are skipped). */
  insertNew: (tx: Executor, rows: ViolationRow[]): Promise<ViolationRow[]> =>
    rows.length === 0
      ? Promise.resolve([])
      : tx.insert(violations).values(rows).onConflictDoNothing({ target: violations.dedupeKey }).returning(),

  find: async (db: Executor, id: string, filter: ViolationFilter): Promise<ViolationRow | undefined> =>
    (
      await db
        .select()
        .from(violations)
        .where(and(eq(violations.id, id), where(filter)))
    )[0],

  close: async (tx: Executor, id: string, at: Date): Promise<void> => {
    await tx
      .update(violations)
      .set({ status: 'closed', closedAt: at })
      .where(and(eq(violations.id, id), eq(violations.status, 'open')));
  },

  list: async (
    db: Executor,
    filter: ViolationFilter,
    page: { limit: number; offset: number },
  ): Promise<{ items: ViolationRow[]; total: number }> => {
    const condition = where(filter);
    const items = await db
      .select()
      .from(violations)
      .where(condition)
      .orderBy(desc(violations.openedAt), desc(violations.id))
      .limit(page.limit)
      .offset(page.offset);
    const [row] = await db.select({ total: count() }).from(violations).where(condition);
    return { items, total: Number(row?.total ?? 0) };
  },
};
