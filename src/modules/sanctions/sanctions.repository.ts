import { and, count, desc, eq, inArray, isNull, lte, ne, notInArray, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import {
  organisations,
  rectificationAttachments,
  rectifications,
  sanctionReviews,
  sanctions,
  violations,
} from '../../db/schema/index.ts';

export type SanctionRow = typeof sanctions.$inferSelect;
export type ReviewRow = typeof sanctionReviews.$inferSelect;
export type RectificationRow = typeof rectifications.$inferSelect;
export type AttachmentRow = typeof rectificationAttachments.$inferSelect;
export type AttachmentMeta = Omit<AttachmentRow, 'contentEnc'>;

export interface SanctionFilter {
  orgId?: string | undefined;
  statuses?: readonly string[] | undefined;
  violationId?: string | undefined;
}

const sanctionWhere = (f: SanctionFilter): SQL | undefined =>
  and(
    f.orgId ? eq(sanctions.orgId, f.orgId) : undefined,
    f.statuses ? inArray(sanctions.status, [...f.statuses]) : undefined,
    f.violationId ? eq(sanctions.violationId, f.violationId) : undefined,
  );

const attachmentMeta = {
  id: rectificationAttachments.id,
  rectificationId: rectificationAttachments.rectificationId,
  filename: rectificationAttachments.filename,
  mediaType: rectificationAttachments.mediaType,
  size: rectificationAttachments.size,
  sha256: rectificationAttachments.sha256,
  createdAt: rectificationAttachments.createdAt,
};

export const sanctionsRepository = {
  insert: async (tx: Executor, row: SanctionRow): Promise<SanctionRow | undefined> =>
    (await tx.insert(sanctions).values(row).onConflictDoNothing().returning())[0],

  find: async (ex: Executor, id: string, lock = false): Promise<SanctionRow | undefined> => {
    const query = ex.select().from(sanctions).where(eq(sanctions.id, id));
    return (await (lock ? query.for('update') : query))[0];
  },

  update: async (tx: Executor, id: string, patch: Partial<SanctionRow>): Promise<SanctionRow> =>
    (await tx.update(sanctions).set(patch).where(eq(sanctions.id, id)).returning())[0]!,

  list: async (
    ex: Executor,
    filter: SanctionFilter,
    page: { limit: number; offset: number },
  ): Promise<{ items: (SanctionRow & { orgName: string })[]; total: number }> => {
    const condition = sanctionWhere(filter);
    const rows = await ex
      .select({ sanction: sanctions, orgName: organisations.name })
      .from(sanctions)
      .innerJoin(organisations, eq(organisations.id, sanctions.orgId))
      .where(condition)
      .orderBy(desc(sanctions.proposedAt), desc(sanctions.id))
      .limit(page.limit)
      .offset(page.offset);
    const [total] = await ex.select({ n: count() }).from(sanctions).where(condition);
    return { items: rows.map((r) => ({ ...r.sanction, orgName: r.orgName })), total: Number(total?.n ?? 0) };
  },

  /**
   * Claims (FOR UPDATE SKIP LOCKED) open violations the policy has not proposed a sanction for yet. Concurrent
   * proposers get disjoint sets, so none waits on another's proposal while holding the audit head (a deadlock).
   */
  claimViolationsWithoutProposal: (tx: Executor, ids?: readonly string[]) =>
    tx
      .select()
      .from(violations)
      .where(
        and(
          eq(violations.status, 'open'),
          ids ? inArray(violations.id, [...ids]) : undefined,
          sql`not exists (select 1 from ${sanctions} where ${sanctions.violationId} = ${violations.id})`,
        ),
      )
      .orderBy(violations.openedAt, violations.id)
      .limit(500)
      .for('update', { skipLocked: true }),

  /**
   * Claims (FOR UPDATE SKIP LOCKED) confirmed sanctions due to start, and suspensions due to end; `skip`: those
   * this sweep already failed on.
   */
  claimDue: (tx: Executor, kind: 'start' | 'end', now: Date, limit = 100, skip: readonly string[] = []) =>
    tx
      .select()
      .from(sanctions)
      .where(
        and(
          kind === 'start'
            ? and(eq(sanctions.status, 'scheduled'), lte(sanctions.startsAt, now))
            : and(eq(sanctions.status, 'in_force'), eq(sanctions.measure, 'suspension'), lte(sanctions.endsAt, now)),
          skip.length ? notInArray(sanctions.id, [...skip]) : undefined,
        ),
      )
      .orderBy(sanctions.startsAt, sanctions.id)
      .limit(limit)
      .for('update', { skipLocked: true }),

  /** Another suspension of the partner that is scheduled, in force or under review, if any. */
  findRunningSuspension: async (ex: Executor, orgId: string, exceptId: string): Promise<SanctionRow | undefined> =>
    (
      await ex
        .select()
        .from(sanctions)
        .where(
          and(
            eq(sanctions.orgId, orgId),
            eq(sanctions.measure, 'suspension'),
            inArray(sanctions.status, ['scheduled', 'in_force', 'under_review']),
            ne(sanctions.id, exceptId),
          ),
        )
        .limit(1)
    )[0],

  insertReview: (tx: Executor, row: ReviewRow) => tx.insert(sanctionReviews).values(row),

  findReview: async (ex: Executor, id: string, lock = false): Promise<ReviewRow | undefined> => {
    const query = ex.select().from(sanctionReviews).where(eq(sanctionReviews.id, id));
    return (await (lock ? query.for('update') : query))[0];
  },

  updateReview: async (tx: Executor, id: string, patch: Partial<ReviewRow>): Promise<ReviewRow> =>
    (await tx.update(sanctionReviews).set(patch).where(eq(sanctionReviews.id, id)).returning())[0]!,

  reviewsOf: (ex: Executor, sanctionId: string) =>
    ex.select().from(sanctionReviews).where(eq(sanctionReviews.sanctionId, sanctionId)).orderBy(sanctionReviews.round),

  listReviews: async (
    ex: Executor,
    filter: { orgId?: string | undefined; status?: string | undefined },
    page: { limit: number; offset: number },
  ): Promise<{ items: (ReviewRow & { orgName: string })[]; total: number }> => {
    const condition = and(
      filter.orgId ? eq(sanctionReviews.orgId, filter.orgId) : undefined,
      filter.status ? eq(sanctionReviews.status, filter.status) : undefined,
    );
    const rows = await ex
      .select({ review: sanctionReviews, orgName: organisations.name })
      .from(sanctionReviews)
      .innerJoin(organisations, eq(organisations.id, sanctionReviews.orgId))
      .where(condition)
      .orderBy(desc(sanctionReviews.openedAt), desc(sanctionReviews.id))
      .limit(page.limit)
      .offset(page.offset);
    const [total] = await ex.select({ n: count() }).from(sanctionReviews).where(condition);
    return { items: rows.map((r) => ({ ...r.review, orgName: r.orgName })), total: Number(total?.n ?? 0) };
  },

  /** The review not yet decided, if any. */
  openReviewOf: async (ex: Executor, sanctionId: string): Promise<ReviewRow | undefined> =>
    (
      await ex
        .select()
        .from(sanctionReviews)
        .where(and(eq(sanctionReviews.sanctionId, sanctionId), isNull(sanctionReviews.decidedAt)))
    )[0],

  insertRectification: (tx: Executor, row: RectificationRow) => tx.insert(rectifications).values(row),
  insertAttachment: (tx: Executor, row: AttachmentRow) => tx.insert(rectificationAttachments).values(row),

  rectificationsOf: (ex: Executor, reviewId: string) =>
    ex.select().from(rectifications).where(eq(rectifications.reviewId, reviewId)).orderBy(rectifications.submittedAt),

  attachmentsOf: (ex: Executor, rectificationIds: readonly string[]): Promise<AttachmentMeta[]> =>
    rectificationIds.length === 0
      ? Promise.resolve([])
      : ex
          .select(attachmentMeta)
          .from(rectificationAttachments)
          .where(inArray(rectificationAttachments.rectificationId, [...rectificationIds]))
          .orderBy(rectificationAttachments.createdAt),

  findAttachment: async (ex: Executor, reviewId: string, id: string): Promise<AttachmentRow | undefined> =>
    (
      await ex
        .select({ attachment: rectificationAttachments })
        .from(rectificationAttachments)
        .innerJoin(rectifications, eq(rectifications.id, rectificationAttachments.rectificationId))
        .where(and(eq(rectificationAttachments.id, id), eq(rectifications.reviewId, reviewId)))
    )[0]?.attachment,

  allAttachments: (ex: Executor) =>
    ex
      .select({
        id: rectificationAttachments.id,
        reviewId: rectifications.reviewId,
        contentEnc: rectificationAttachments.contentEnc,
      })
      .from(rectificationAttachments)
      .innerJoin(rectifications, eq(rectifications.id, rectificationAttachments.rectificationId)),

  setAttachmentContent: (tx: Executor, id: string, contentEnc: string) =>
    tx.update(rectificationAttachments).set({ contentEnc }).where(eq(rectificationAttachments.id, id)),
};
