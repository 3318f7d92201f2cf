import { and, asc, count, eq, lt, notInArray, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { obligations, regimeAssignments, reports } from '../../db/schema/index.ts';
import { newId } from '../../shared/ids.ts';
import type { ComputedObligation, ObligationStatus } from './regimes.compute.ts';

export type ObligationRow = typeof obligations.$inferSelect;
export type AssignmentRow = typeof regimeAssignments.$inferSelect;
export type BoardRow = ObligationRow & { reportRef: string | null; reportTitle: string | null };

export interface ObligationFilter {
  orgId?: string | undefined;
  status?: ObligationStatus | undefined;
  dueBefore?: Date | undefined;
  reportId?: string | undefined;
}

const key = sql<string>`${obligations.regimeId} || '/' || ${obligations.obligationKey}`;

function where(filter: ObligationFilter): SQL | undefined {
  return and(
    filter.orgId ? eq(obligations.orgId, filter.orgId) : undefined,
    filter.status ? eq(obligations.status, filter.status) : undefined,
    filter.dueBefore ? lt(obligations.dueAt, filter.dueBefore) : undefined,
    filter.reportId ? eq(obligations.reportId, filter.reportId) : undefined,
  );
}

/** bigint columns come back as string from node-postgres and number from PGlite. */
const normalise = <T extends ObligationRow>(row: T): T => ({
  ...row,
  latenessSeconds: row.latenessSeconds === null ? null : Number(row.latenessSeconds),
});

export const regimesRepository = {
  /**
   * Makes the stored obligations of a report exactly `computed`: upserts by (report, regime, key) and deletes
   * the ones that no longer apply. Runs in the caller's transaction.
   */
  replaceForReport: async (
    tx: Executor,
    ids: { reportId: string; orgId: string },
    computed: readonly ComputedObligation[],
    now: Date,
  ): Promise<ObligationRow[]> => {
    const keep = computed.map((c) => `${c.regimeId}/${c.obligationKey}`);
    await tx
      .delete(obligations)
      .where(and(eq(obligations.reportId, ids.reportId), keep.length ? notInArray(key, keep) : undefined));
    if (computed.length === 0) return [];
    const rows = computed.map((c) => ({ id: newId(), ...ids, ...c, computedAt: now }));
    const written = await tx
      .insert(obligations)
      .values(rows)
      .onConflictDoUpdate({
        target: [obligations.reportId, obligations.regimeId, obligations.obligationKey],
        set: Object.fromEntries(
          (
            [
              'orgId',
              'title',
              'stage',
              'trigger',
              'triggerAt',
              'triggerSource',
              'dueAt',
              'metAt',
              'metBySubmissionId',
              'status',
              'latenessSeconds',
              'missingFields',
              'computedAt',
            ] as const
          ).map((column) => [column, sql.raw(`excluded.${obligations[column].name}`)]),
        ),
      })
      .returning();
    return written.map(normalise);
  },

  list: async (
    db: Executor,
    filter: ObligationFilter,
    page: { limit: number; offset: number; order: 'asc' | 'desc' },
  ): Promise<{ items: BoardRow[]; total: number }> => {
    const condition = where(filter);
    const dueOrder =
      page.order === 'desc' ? sql`${obligations.dueAt} desc nulls last` : sql`${obligations.dueAt} asc nulls last`;
    const items = await db
      .select({ obligation: obligations, reportRef: reports.ref, reportTitle: reports.title })
      .from(obligations)
      .leftJoin(reports, eq(reports.id, obligations.reportId))
      .where(condition)
      .orderBy(dueOrder, asc(obligations.id))
      .limit(page.limit)
      .offset(page.offset);
    const [row] = await db.select({ total: count() }).from(obligations).where(condition);
    return {
      items: items.map((i) => normalise({ ...i.obligation, reportRef: i.reportRef, reportTitle: i.reportTitle })),
      total: Number(row?.total ?? 0),
    };
  },

  listForReport: async (db: Executor, reportId: string): Promise<ObligationRow[]> =>
    (
      await db
        .select()
        .from(obligations)
        .where(eq(obligations.reportId, reportId))
        .orderBy(sql`${obligations.dueAt} asc nulls last`, asc(obligations.regimeId), asc(obligations.obligationKey))
    ).map(normalise),

  /** Pending obligations past due become missed; only rows still pending change, so a rerun changes nothing. */
  markMissed: async (tx: Executor, now: Date): Promise<ObligationRow[]> => {
    const rows = await tx
      .update(obligations)
      .set({
        status: 'missed',
        latenessSeconds: sql`ceil(extract(epoch from (${now.toISOString()}::timestamptz - ${obligations.dueAt})))::bigint`,
        computedAt: now,
      })
      .where(and(eq(obligations.status, 'pending'), lt(obligations.dueAt, now)))
      .returning();
    return rows.map(normalise);
  },

  listAssignments: (db: Executor, orgId: string): Promise<AssignmentRow[]> =>
    db
      .select()
      .from(regimeAssignments)
      .where(eq(regimeAssignments.orgId, orgId))
      .orderBy(asc(regimeAssignments.regimeId)),

  findAssignment: async (db: Executor, orgId: string, regimeId: string): Promise<AssignmentRow | undefined> =>
    (
      await db
        .select()
        .from(regimeAssignments)
        .where(and(eq(regimeAssignments.orgId, orgId), eq(regimeAssignments.regimeId, regimeId)))
    )[0],

  insertAssignment: async (db: Executor, row: AssignmentRow): Promise<boolean> => {
    const inserted = await db.insert(regimeAssignments).values(row).onConflictDoNothing().returning();
    return inserted.length > 0;
  },

  deleteAssignment: async (db: Executor, orgId: string, regimeId: string): Promise<boolean> => {
    const deleted = await db
      .delete(regimeAssignments)
      .where(and(eq(regimeAssignments.orgId, orgId), eq(regimeAssignments.regimeId, regimeId)))
      .returning();
    return deleted.length > 0;
  },
};
