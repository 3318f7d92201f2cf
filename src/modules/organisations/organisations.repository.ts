import { and, asc, count, desc, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { containsPattern } from '../../db/like.ts';
import { organisations, partnerStatusHistory } from '../../db/schema/index.ts';

export type OrgRow = typeof organisations.$inferSelect;
export type StatusChangeRow = typeof partnerStatusHistory.$inferSelect;

export interface OrgListFilter {
  /** Restricts the list to one organisation (non-operators see only their own). */
  onlyId?: string | undefined;
  q?: string | undefined;
  kind?: string | undefined;
}

const sortColumns = {
  name: sql`lower(${organisations.name})`,
  kind: organisations.kind,
  country: organisations.country,
  createdAt: organisations.createdAt,
  partnerStatus: organisations.partnerStatus,
} as const;

function where(filter: OrgListFilter): SQL | undefined {
  const conditions: (SQL | undefined)[] = [];
  if (filter.onlyId) conditions.push(eq(organisations.id, filter.onlyId));
  if (filter.kind) conditions.push(eq(organisations.kind, filter.kind));
  if (filter.q) {
    const pattern = containsPattern(filter.q);
    conditions.push(or(ilike(organisations.name, pattern), ilike(organisations.shortName, pattern)));
  }
  return and(...conditions);
}

export const organisationsRepository = {
  list: async (
    db: Executor,
    filter: OrgListFilter,
    page: { limit: number; offset: number; sort: keyof typeof sortColumns; order: 'asc' | 'desc' },
  ): Promise<{ items: OrgRow[]; total: number }> => {
    const condition = where(filter);
    const column = sortColumns[page.sort];
    const direction = page.order === 'desc' ? desc : asc;
    const items = await db
      .select()
      .from(organisations)
      .where(condition)
      .orderBy(direction(column), asc(organisations.id))
      .limit(page.limit)
      .offset(page.offset);
    const [row] = await db.select({ total: count() }).from(organisations).where(condition);
    return { items, total: Number(row?.total ?? 0) };
  },

  findById: async (db: Executor, id: string, lock = false): Promise<OrgRow | undefined> => {
    const query = db.select().from(organisations).where(eq(organisations.id, id));
    return (await (lock ? query.for('update') : query))[0];
  },

  findByName: async (db: Executor, name: string): Promise<OrgRow | undefined> =>
    (await db.select().from(organisations).where(sql`lower(${organisations.name}) = lower(${name})`))[0],

  findOperator: async (db: Executor): Promise<OrgRow | undefined> =>
    (await db.select().from(organisations).where(eq(organisations.kind, 'operator')).limit(1))[0],

  insert: async (db: Executor, row: OrgRow): Promise<void> => {
    await db.insert(organisations).values(row);
  },

  update: async (db: Executor, id: string, patch: Partial<OrgRow>): Promise<OrgRow> => {
    const [row] = await db.update(organisations).set(patch).where(eq(organisations.id, id)).returning();
    if (!row) throw new Error(`organisation ${id} vanished during update`);
    return row;
  },

  insertStatusChange: async (db: Executor, row: Omit<StatusChangeRow, 'seq'>): Promise<void> => {
    await db.insert(partnerStatusHistory).values(row);
  },

  listStatusHistory: (db: Executor, orgId: string): Promise<StatusChangeRow[]> =>
    db
      .select()
      .from(partnerStatusHistory)
      .where(eq(partnerStatusHistory.orgId, orgId))
      .orderBy(desc(partnerStatusHistory.seq)),

  countByKind: async (db: Executor): Promise<Record<string, number>> => {
    const rows = await db
      .select({ kind: organisations.kind, n: count() })
      .from(organisations)
      .groupBy(organisations.kind);
    return Object.fromEntries(rows.map((r) => [r.kind, Number(r.n)]));
  },
};
