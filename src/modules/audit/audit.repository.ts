import { and, asc, count, desc, eq, gt, gte, lte, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { prefixPattern } from '../../db/like.ts';
import { auditCheckpoints, auditHead, auditLog } from '../../db/schema/index.ts';

export type AuditRow = typeof auditLog.$inferSelect;
export type CheckpointRow = typeof auditCheckpoints.$inferSelect;

export interface AuditFilter {
  action?: string | undefined;
  actorId?: string | undefined;
  orgId?: string | undefined;
  subjectType?: string | undefined;
  subjectId?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
}

function where(filter: AuditFilter): SQL | undefined {
  const conditions: SQL[] = [];
  if (filter.action) {
    // `org.` matches every organisation action; a full name matches itself.
    conditions.push(
      filter.action.endsWith('.')
        ? sql`${auditLog.action} like ${prefixPattern(filter.action)}`
        : eq(auditLog.action, filter.action),
    );
  }
  if (filter.actorId) conditions.push(eq(auditLog.actorId, filter.actorId));
  if (filter.orgId) conditions.push(eq(auditLog.orgId, filter.orgId));
  if (filter.subjectType) conditions.push(eq(auditLog.subjectType, filter.subjectType));
  if (filter.subjectId) conditions.push(eq(auditLog.subjectId, filter.subjectId));
  if (filter.from) conditions.push(gte(auditLog.time, filter.from));
  if (filter.to) conditions.push(lte(auditLog.time, filter.to));
  return conditions.length > 0 ? and(...conditions) : undefined;
}

export const auditRepository = {
  /** Locks the head row until the transaction ends: appends happen one at a time, in order. */
  lockHead: async (tx: Executor): Promise<{ seq: number; hash: string }> => {
    const rows = await tx.select().from(auditHead).where(eq(auditHead.id, 1)).for('update');
    const head = rows[0];
    if (!head) throw new Error('audit_head row is missing: the database was not migrated');
    return { seq: Number(head.seq), hash: head.hash };
  },

  readHead: async (db: Executor): Promise<{ seq: number; hash: string }> => {
    const head = (await db.select().from(auditHead).where(eq(auditHead.id, 1)))[0];
    return { seq: Number(head?.seq ?? 0), hash: head?.hash ?? '' };
  },

  /** Inserts the entry and moves the head in one statement: one round trip while the head is locked. */
  append: async (tx: Executor, row: AuditRow): Promise<void> => {
    await tx.execute(sql`
      with entry as (
        insert into ${auditLog} (seq, time, actor_type, actor_id, actor_label, org_id, action, subject_type, subject_id,
                                 summary, prev_hash, hash)
        values (${row.seq}, ${row.time.toISOString()}::timestamptz, ${row.actorType}, ${row.actorId}, ${row.actorLabel},
                ${row.orgId}, ${row.action}, ${row.subjectType}, ${row.subjectId}, ${JSON.stringify(row.summary)}::jsonb,
                ${row.prevHash}, ${row.hash})
        returning seq, hash
      )
      update ${auditHead} set seq = entry.seq, hash = entry.hash from entry where ${auditHead.id} = 1`);
  },

  list: async (
    db: Executor,
    filter: AuditFilter,
    page: { limit: number; offset: number; order: 'asc' | 'desc' },
  ): Promise<{ items: AuditRow[]; total: number }> => {
    const condition = where(filter);
    const items = await db
      .select()
      .from(auditLog)
      .where(condition)
      .orderBy(page.order === 'asc' ? asc(auditLog.seq) : desc(auditLog.seq))
      .limit(page.limit)
      .offset(page.offset);
    const [row] = await db.select({ total: count() }).from(auditLog).where(condition);
    return { items, total: Number(row?.total ?? 0) };
  },

  /** Entries after `afterSeq` in chain order, for verification in batches. */
  batchAfter: (db: Executor, afterSeq: number, limit: number): Promise<AuditRow[]> =>
    db.select().from(auditLog).where(gt(auditLog.seq, afterSeq)).orderBy(asc(auditLog.seq)).limit(limit),

  findBySeq: async (db: Executor, seq: number): Promise<AuditRow | undefined> =>
    (await db.select().from(auditLog).where(eq(auditLog.seq, seq)))[0],

  listActions: async (db: Executor): Promise<string[]> =>
    (await db.selectDistinct({ action: auditLog.action }).from(auditLog).orderBy(asc(auditLog.action))).map(
      (r) => r.action,
    ),

  insertCheckpoint: async (db: Executor, row: CheckpointRow): Promise<void> => {
    await db.insert(auditCheckpoints).values(row).onConflictDoNothing();
  },

  listCheckpoints: (db: Executor): Promise<CheckpointRow[]> =>
    db.select().from(auditCheckpoints).orderBy(asc(auditCheckpoints.seq)),
};
