import { and, asc, count, desc, eq, getTableColumns, ilike, isNotNull, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { containsPattern } from '../../db/like.ts';
import { cveRecords, kevEntries } from '../../db/schema/index.ts';

export type CveRow = typeof cveRecords.$inferSelect;
export type KevRow = typeof kevEntries.$inferSelect;
export type CveSummaryRow = Omit<CveRow, 'record'> & {
  kev: Pick<KevRow, 'dateAdded' | 'knownRansomwareCampaignUse'> | null;
};

export interface UpsertCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

/** Rows per INSERT: 500 rows × 16 columns stays far below PostgreSQL's 65,535 parameters. */
export const UPSERT_BATCH = 500;

/** `xmax = 0` holds for a row this statement inserted, not for one it updated (PostgreSQL MVCC). */
const insertedFlag = sql<boolean>`(xmax = 0)`;

function counted(rows: { inserted: boolean | string }[], total: number): UpsertCounts {
  // node-postgres and PGlite both give booleans here; 't' is accepted to be safe.
  const inserted = rows.filter((r) => r.inserted === true || r.inserted === 't').length;
  return { inserted, updated: rows.length - inserted, unchanged: total - rows.length };
}

const excluded = (column: string) => sql.raw(`excluded.${column}`);

const cveSortColumns = {
  cveId: sql`${cveRecords.cveId} collate "C"`,
  datePublished: cveRecords.datePublished,
  dateUpdated: cveRecords.dateUpdated,
  cvssScore: sql`(${cveRecords.cvssScore})::numeric`,
  kevDateAdded: kevEntries.dateAdded,
} as const;
export type CveSort = keyof typeof cveSortColumns;

const kevSortColumns = {
  cveId: sql`${kevEntries.cveId} collate "C"`,
  dateAdded: kevEntries.dateAdded,
  dueDate: kevEntries.dueDate,
  vendorProject: sql`lower(${kevEntries.vendorProject})`,
} as const;
export type KevSort = keyof typeof kevSortColumns;

export interface Page<S> {
  limit: number;
  offset: number;
  sort: S;
  order: 'asc' | 'desc';
}

function cveWhere(filter: { q?: string | undefined; kevOnly?: boolean | undefined }): SQL | undefined {
  const conditions: (SQL | undefined)[] = [];
  if (filter.kevOnly) conditions.push(isNotNull(kevEntries.cveId));
  if (filter.q) {
    const pattern = containsPattern(filter.q);
    conditions.push(
      or(
        ilike(cveRecords.cveId, pattern),
        ilike(cveRecords.title, pattern),
        ilike(cveRecords.description, pattern),
        sql`${cveRecords.products}::text ilike ${pattern}`,
      ),
    );
  }
  return and(...conditions);
}

const { record: _record, ...summaryColumns } = getTableColumns(cveRecords);

export const catalogRepository = {
  /**
   * Inserts new records and updates those whose content hash changed — unless the stored record is newer
   * (an older copy never replaces a newer one). Rows must have distinct CVE ids.
   */
  upsertCves: async (db: Executor, rows: CveRow[]): Promise<UpsertCounts> => {
    if (rows.length === 0) return { inserted: 0, updated: 0, unchanged: 0 };
    const changed = await db
      .insert(cveRecords)
      .values(rows)
      .onConflictDoUpdate({
        target: cveRecords.cveId,
        set: {
          state: excluded('state'),
          assignerShortName: excluded('assigner_short_name'),
          dataVersion: excluded('data_version'),
          title: excluded('title'),
          description: excluded('description'),
          cwes: excluded('cwes'),
          cvssScore: excluded('cvss_score'),
          severity: excluded('severity'),
          datePublished: excluded('date_published'),
          dateUpdated: excluded('date_updated'),
          products: excluded('products'),
          record: excluded('record'),
          contentHash: excluded('content_hash'),
          updatedAt: excluded('updated_at'),
        },
        setWhere: sql`${cveRecords.contentHash} <> excluded.content_hash
          and (${cveRecords.dateUpdated} is null or excluded.date_updated is null
               or excluded.date_updated >= ${cveRecords.dateUpdated})`,
      })
      .returning({ inserted: insertedFlag });
    return counted(changed, rows.length);
  },

  upsertKev: async (db: Executor, rows: KevRow[]): Promise<UpsertCounts> => {
    if (rows.length === 0) return { inserted: 0, updated: 0, unchanged: 0 };
    const { cveId: _id, importedAt: _imported, ...columns } = getTableColumns(kevEntries);
    const set = Object.fromEntries(Object.entries(columns).map(([key, column]) => [key, excluded(column.name)]));
    const changed = await db
      .insert(kevEntries)
      .values(rows)
      .onConflictDoUpdate({
        target: kevEntries.cveId,
        set,
        setWhere: sql`${kevEntries.contentHash} <> excluded.content_hash`,
      })
      .returning({ inserted: insertedFlag });
    return counted(changed, rows.length);
  },

  findCve: async (db: Executor, cveId: string): Promise<CveRow | undefined> =>
    (await db.select().from(cveRecords).where(eq(cveRecords.cveId, cveId)))[0],

  findKev: async (db: Executor, cveId: string): Promise<KevRow | undefined> =>
    (await db.select().from(kevEntries).where(eq(kevEntries.cveId, cveId)))[0],

  listCves: async (
    db: Executor,
    filter: { q?: string | undefined; kevOnly?: boolean | undefined },
    page: Page<CveSort>,
  ): Promise<{ items: CveSummaryRow[]; total: number }> => {
    const condition = cveWhere(filter);
    const direction = page.order === 'desc' ? desc : asc;
    const rows = await db
      .select({
        ...summaryColumns,
        kevDateAdded: kevEntries.dateAdded,
        kevRansomware: kevEntries.knownRansomwareCampaignUse,
      })
      .from(cveRecords)
      .leftJoin(kevEntries, eq(kevEntries.cveId, cveRecords.cveId))
      .where(condition)
      .orderBy(sql`${direction(cveSortColumns[page.sort])} nulls last`, asc(cveRecords.cveId))
      .limit(page.limit)
      .offset(page.offset);
    const [total] = await db
      .select({ n: count() })
      .from(cveRecords)
      .leftJoin(kevEntries, eq(kevEntries.cveId, cveRecords.cveId))
      .where(condition);
    const items = rows.map(({ kevDateAdded, kevRansomware, ...row }) => ({
      ...row,
      kev: kevDateAdded ? { dateAdded: kevDateAdded, knownRansomwareCampaignUse: kevRansomware ?? 'Unknown' } : null,
    }));
    return { items, total: Number(total?.n ?? 0) };
  },

  listKev: async (
    db: Executor,
    filter: { q?: string | undefined; ransomware?: boolean | undefined },
    page: Page<KevSort>,
  ): Promise<{ items: KevRow[]; total: number }> => {
    const conditions: (SQL | undefined)[] = [];
    if (filter.ransomware) conditions.push(eq(kevEntries.knownRansomwareCampaignUse, 'Known'));
    if (filter.q) {
      const pattern = containsPattern(filter.q);
      conditions.push(
        or(
          ilike(kevEntries.cveId, pattern),
          ilike(kevEntries.vendorProject, pattern),
          ilike(kevEntries.product, pattern),
          ilike(kevEntries.vulnerabilityName, pattern),
        ),
      );
    }
    const condition = and(...conditions);
    const direction = page.order === 'desc' ? desc : asc;
    const items = await db
      .select()
      .from(kevEntries)
      .where(condition)
      .orderBy(sql`${direction(kevSortColumns[page.sort])} nulls last`, asc(kevEntries.cveId))
      .limit(page.limit)
      .offset(page.offset);
    const [total] = await db.select({ n: count() }).from(kevEntries).where(condition);
    return { items, total: Number(total?.n ?? 0) };
  },
};
