import { and, asc, count, desc, eq, inArray, isNull, lte, ne, or, type SQL, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../db/client.ts';
import { containsPattern } from '../../db/like.ts';
import {
  obligations,
  organisations,
  reportComments,
  reportSubmissions,
  reports,
  reportTransitions,
  reportVendors,
  users,
  vendorStatements,
} from '../../db/schema/index.ts';
import { statusesWithoutPartnerOnly } from '../organisations/index.ts';

export type ReportRow = typeof reports.$inferSelect;
export type SubmissionRow = typeof reportSubmissions.$inferSelect;
export type TransitionRow = typeof reportTransitions.$inferSelect;
export type CommentRow = typeof reportComments.$inferSelect;
export type VendorRow = typeof reportVendors.$inferSelect & { orgName: string };
export type StatementRow = typeof vendorStatements.$inferSelect;

/** A vendor receives the report unless it is TLP:AMBER or above and the vendor's partner status withholds it. */
function vendorMayReceive(vendorOrgId: SQL): SQL {
  const withheld = sql.join(
    statusesWithoutPartnerOnly.map((s) => sql`${s}`),
    sql`, `,
  );
  return sql`(${reports.tlp} in ('CLEAR', 'GREEN') or not exists (select 1 from ${organisations} where ${organisations.id} = ${vendorOrgId} and ${organisations.partnerStatus} in (${withheld})))`;
}

/**
 * Who may see a report, decided in SQL: the reporting organisation, the operator, vendors brought in. A vendor whose
 * partner status withholds partner-only content (suspended, under review, revoked) sees only TLP:CLEAR and GREEN.
 */
export interface Viewer {
  orgId: string | null;
  isOperator: boolean;
}

export function visibleTo(viewer: Viewer): SQL | undefined {
  if (viewer.isOperator) return undefined;
  if (!viewer.orgId) return sql`false`;
  return or(
    eq(reports.reporterOrgId, viewer.orgId),
    sql`(exists (select 1 from ${reportVendors} where ${reportVendors.reportId} = ${reports.id} and ${reportVendors.orgId} = ${viewer.orgId}) and ${vendorMayReceive(sql`${viewer.orgId}`)})`,
  );
}

export interface ReportFilter {
  status?: string[] | undefined;
  severity?: string[] | undefined;
  assigneeId?: string | undefined;
  unassigned?: boolean | undefined;
  reporterOrgId?: string | undefined;
  q?: string | undefined;
  cveId?: string | undefined;
  /** Reports with an obligation due within 48 h of `now`, or one past due (missed, or pending past its time). */
  deadline?: { kind: 'due_soon' | 'overdue'; now: Date } | undefined;
}

const sortColumns = {
  receivedAt: reports.receivedAt,
  updatedAt: reports.updatedAt,
  title: sql`lower(${reports.title})`,
  status: reports.status,
  severity: sql`case ${reports.severity} when 'critical' then 5 when 'high' then 4 when 'medium' then 3 when 'low' then 2 when 'none' then 1 else 0 end`,
  ref: reports.ref,
} as const;
export type ReportSort = keyof typeof sortColumns;

const DUE_SOON_MS = 48 * 3_600_000;

function deadlineSql(kind: 'due_soon' | 'overdue', at: Date): SQL {
  const now = sql`${at.toISOString()}::timestamptz`;
  const soon = sql`${new Date(at.getTime() + DUE_SOON_MS).toISOString()}::timestamptz`;
  const due =
    kind === 'overdue'
      ? sql`(${obligations.status} = 'missed' or (${obligations.status} = 'pending' and ${obligations.dueAt} < ${now}))`
      : sql`(${obligations.status} = 'pending' and ${obligations.dueAt} >= ${now} and ${obligations.dueAt} < ${soon})`;
  return sql`exists (select 1 from ${obligations} where ${obligations.reportId} = ${reports.id} and ${due})`;
}

function filterSql(filter: ReportFilter): (SQL | undefined)[] {
  const conditions: (SQL | undefined)[] = [];
  if (filter.status?.length) conditions.push(inArray(reports.status, filter.status));
  if (filter.severity?.length) conditions.push(inArray(reports.severity, filter.severity));
  if (filter.assigneeId) conditions.push(eq(reports.assigneeId, filter.assigneeId));
  if (filter.unassigned) conditions.push(isNull(reports.assigneeId));
  if (filter.reporterOrgId) conditions.push(eq(reports.reporterOrgId, filter.reporterOrgId));
  if (filter.cveId) conditions.push(eq(reports.cveId, filter.cveId));
  if (filter.deadline) conditions.push(deadlineSql(filter.deadline.kind, filter.deadline.now));
  if (filter.q) {
    const pattern = containsPattern(filter.q);
    conditions.push(or(sql`${reports.title} ilike ${pattern}`, sql`${reports.ref} ilike ${pattern}`));
  }
  return conditions;
}

export const reportsRepository = {
  nextRef: async (db: Executor, year: number): Promise<string> => {
    const [row] = await queryRows<{ n: string | number }>(db, sql`select nextval('report_ref_seq') as n`);
    return `TS-${year}-${String(row?.n ?? 0).padStart(6, '0')}`;
  },

  idsOfOrg: async (db: Executor, orgId: string): Promise<string[]> =>
    (await db.select({ id: reports.id }).from(reports).where(eq(reports.reporterOrgId, orgId))).map((r) => r.id),

  insert: async (db: Executor, row: ReportRow): Promise<void> => {
    await db.insert(reports).values(row);
  },

  update: async (db: Executor, id: string, patch: Partial<ReportRow>): Promise<ReportRow> => {
    const [row] = await db.update(reports).set(patch).where(eq(reports.id, id)).returning();
    if (!row) throw new Error(`report ${id} vanished during update`);
    return row;
  },

  findVisible: async (db: Executor, id: string, viewer: Viewer, lock = false): Promise<ReportRow | undefined> => {
    const query = db
      .select()
      .from(reports)
      .where(and(eq(reports.id, id), visibleTo(viewer)));
    return (await (lock ? query.for('update') : query))[0];
  },

  list: async (
    db: Executor,
    viewer: Viewer,
    filter: ReportFilter,
    page: { limit: number; offset: number; sort: ReportSort; order: 'asc' | 'desc' },
  ): Promise<{ items: (ReportRow & { reporterName: string; assigneeName: string | null })[]; total: number }> => {
    const condition = and(visibleTo(viewer), ...filterSql(filter));
    const direction = page.order === 'desc' ? desc : asc;
    const rows = await db
      .select({ report: reports, reporterName: organisations.name, assigneeName: users.name })
      .from(reports)
      .innerJoin(organisations, eq(organisations.id, reports.reporterOrgId))
      .leftJoin(users, eq(users.id, reports.assigneeId))
      .where(condition)
      .orderBy(direction(sortColumns[page.sort]), asc(reports.id))
      .limit(page.limit)
      .offset(page.offset);
    const [total] = await db.select({ n: count() }).from(reports).where(condition);
    return {
      items: rows.map((r) => ({ ...r.report, reporterName: r.reporterName, assigneeName: r.assigneeName })),
      total: Number(total?.n ?? 0),
    };
  },

  /** Possible duplicates among the reports the viewer can see: same CVE, or same product. */
  candidates: async (db: Executor, viewer: Viewer, report: ReportRow): Promise<ReportRow[]> => {
    const sameProduct = report.products.map(
      (p) => sql`${reports.products} @> ${JSON.stringify([{ vendor: p.vendor, product: p.product }])}::jsonb`,
    );
    const matches = or(report.cveId ? eq(reports.cveId, report.cveId) : undefined, ...sameProduct);
    if (!matches) return [];
    return db
      .select()
      .from(reports)
      .where(and(ne(reports.id, report.id), visibleTo(viewer), matches))
      .orderBy(desc(reports.receivedAt))
      .limit(50);
  },

  insertSubmission: async (db: Executor, row: SubmissionRow): Promise<void> => {
    await db.insert(reportSubmissions).values(row);
  },

  listSubmissions: (db: Executor, reportId: string): Promise<SubmissionRow[]> =>
    db
      .select()
      .from(reportSubmissions)
      .where(eq(reportSubmissions.reportId, reportId))
      .orderBy(asc(reportSubmissions.receivedAt)),

  findSubmission: async (db: Executor, reportId: string, id: string): Promise<SubmissionRow | undefined> =>
    (
      await db
        .select()
        .from(reportSubmissions)
        .where(and(eq(reportSubmissions.reportId, reportId), eq(reportSubmissions.id, id)))
    )[0],

  insertTransition: async (db: Executor, row: Omit<TransitionRow, 'seq'>): Promise<void> => {
    await db.insert(reportTransitions).values(row);
  },

  listTransitions: (db: Executor, reportId: string): Promise<TransitionRow[]> =>
    db
      .select()
      .from(reportTransitions)
      .where(eq(reportTransitions.reportId, reportId))
      .orderBy(asc(reportTransitions.seq)),

  insertComment: async (db: Executor, row: Omit<CommentRow, 'seq'>): Promise<void> => {
    await db.insert(reportComments).values(row);
  },

  listComments: (db: Executor, reportId: string): Promise<CommentRow[]> =>
    db.select().from(reportComments).where(eq(reportComments.reportId, reportId)).orderBy(asc(reportComments.seq)),

  vendorOrgIds: async (db: Executor, reportId: string): Promise<string[]> =>
    (
      await db.select({ orgId: reportVendors.orgId }).from(reportVendors).where(eq(reportVendors.reportId, reportId))
    ).map((r) => r.orgId),

  listVendors: async (db: Executor, reportId: string): Promise<VendorRow[]> =>
    (
      await db
        .select({ vendor: reportVendors, orgName: organisations.name })
        .from(reportVendors)
        .innerJoin(organisations, eq(organisations.id, reportVendors.orgId))
        .where(eq(reportVendors.reportId, reportId))
        .orderBy(asc(reportVendors.addedAt))
    ).map((r) => ({ ...r.vendor, orgName: r.orgName })),

  insertVendor: async (db: Executor, row: typeof reportVendors.$inferInsert): Promise<boolean> => {
    const inserted = await db.insert(reportVendors).values(row).onConflictDoNothing().returning();
    return inserted.length > 0;
  },

  markVendorSeen: async (db: Executor, reportId: string, orgId: string, at: Date): Promise<boolean> => {
    const updated = await db
      .update(reportVendors)
      .set({ firstSeenAt: at })
      .where(
        and(
          eq(reportVendors.reportId, reportId),
          eq(reportVendors.orgId, orgId),
          sql`${reportVendors.firstSeenAt} is null`,
        ),
      )
      .returning();
    return updated.length > 0;
  },

  /** Vendors brought in before `before` that have not answered yet: the reminder job's work list. */
  /** Vendors that have not answered since `before` and may still see the report (see visibleTo), with its ref. */
  silentVendors: (db: Executor, before: Date) =>
    db
      .select({ vendor: reportVendors, ref: reports.ref })
      .from(reportVendors)
      .innerJoin(reports, eq(reports.id, reportVendors.reportId))
      .where(
        and(
          lte(reportVendors.addedAt, before),
          sql`not exists (select 1 from ${vendorStatements} where ${vendorStatements.reportId} = ${reportVendors.reportId} and ${vendorStatements.orgId} = ${reportVendors.orgId})`,
          vendorMayReceive(sql`${reportVendors.orgId}`),
        ),
      )
      .then((rows) => rows.map((r) => ({ ...r.vendor, ref: r.ref }))),

  /** Claims the reminder: false when another worker reminded since `notSince`. */
  markReminded: async (db: Executor, reportId: string, orgId: string, at: Date, notSince: Date): Promise<boolean> => {
    const updated = await db
      .update(reportVendors)
      .set({ lastRemindedAt: at, reminders: sql`${reportVendors.reminders} + 1` })
      .where(
        and(
          eq(reportVendors.reportId, reportId),
          eq(reportVendors.orgId, orgId),
          or(sql`${reportVendors.lastRemindedAt} is null`, sql`${reportVendors.lastRemindedAt} < ${notSince}`),
        ),
      )
      .returning();
    return updated.length > 0;
  },

  insertStatement: async (db: Executor, row: Omit<StatementRow, 'seq'>): Promise<void> => {
    await db.insert(vendorStatements).values(row);
  },

  listStatements: (db: Executor, reportId: string, orgId?: string): Promise<StatementRow[]> =>
    db
      .select()
      .from(vendorStatements)
      .where(and(eq(vendorStatements.reportId, reportId), orgId ? eq(vendorStatements.orgId, orgId) : undefined))
      .orderBy(asc(vendorStatements.seq)),
};
