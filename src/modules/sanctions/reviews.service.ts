import { createHash } from 'node:crypto';
import { checkAttachment } from '../../shared/attachments.ts';
import { conflict, forbidden, notFound, validationError } from '../../shared/errors.ts';
import { newId } from '../../shared/ids.ts';
import { isOperator, type Principal } from '../../shared/principal.ts';
import { checkEnd, requireReason, type SanctionsDeps } from './sanctions.context.ts';
import type { ReviewDecision } from './sanctions.model.ts';
import { asSeenBy, canAnswerReview, canManageSanctions, fourEyesConflict, reviewAsSeenBy } from './sanctions.policy.ts';
import { type ReviewRow, sanctionsRepository as repo, type SanctionRow } from './sanctions.repository.ts';
import type { SanctionsService } from './sanctions.service.ts';
import { createSweep } from './sanctions.sweep.ts';

export interface RectificationInput {
  summary: string;
  processes?: string | undefined;
  contacts?: string | undefined;
  tooling?: string | undefined;
  attachments?: { filename: string; mediaType: string; content: Buffer }[] | undefined;
}

export interface ReviewDecisionInput {
  decision: ReviewDecision;
  reason: string;
  endsAt?: string | undefined;
}

const NO_ORG = '00000000-0000-0000-0000-000000000000';
const reviewNotFound = (id: string) => notFound('review.not_found', `Review ${id} not found`);
const attachmentContext = (reviewId: string, id: string) => `review:${reviewId}:attachment:${id}`;
export const MAX_RECTIFICATION_ATTACHMENTS = 10;

/** Reinstatement reviews: opened when a suspension ends, answered by the partner, decided by a manager. */
export function createReviewsService(deps: SanctionsDeps, sanctions: Pick<SanctionsService, 'putInForce'>) {
  const { db, clock, audit, organisations, notifications, keys, fourEyes } = deps;

  keys.registerStore({
    name: 'rectification attachments',
    async reencrypt(tx, rewrap) {
      const rows = await repo.allAttachments(tx);
      for (const row of rows) {
        await repo.setAttachmentContent(tx, row.id, rewrap(row.contentEnc, attachmentContext(row.reviewId, row.id)));
      }
      return rows.length;
    },
  });

  async function getVisible(actor: Principal, id: string): Promise<ReviewRow> {
    const review = await repo.findReview(db, id);
    if (!review || (!isOperator(actor) && review.orgId !== actor.orgId)) throw reviewNotFound(id);
    return review;
  }

  async function requireManagerFor(actor: Principal, review: ReviewRow, sanction: SanctionRow) {
    const denied = (code: string, message: string) =>
      audit.deny(
        actor,
        { action: 'review.decide', orgId: review.orgId, subjectType: 'review', subjectId: review.id },
        forbidden(code, message),
      );
    if (!canManageSanctions(actor)) throw await denied('review.forbidden', 'Only operator managers decide reviews');
    const who = fourEyes ? fourEyesConflict(actor, sanction, ['proposer', 'decider']) : undefined;
    if (who) {
      throw await denied('review.four_eyes', `Four-eyes: the ${who} of a sanction may not decide its review`);
    }
  }

  return {
    /** Starts due sanctions and opens the reviews of ended suspensions (sanctions.sweep.ts). */
    sweep: createSweep(deps, sanctions),

    async listReviews(
      actor: Principal,
      query: { orgId?: string | undefined; status?: string | undefined; limit: number; offset: number },
    ) {
      const own = actor.orgId ?? NO_ORG;
      const orgId = isOperator(actor) ? query.orgId : query.orgId && query.orgId !== own ? NO_ORG : own;
      const page = await repo.listReviews(db, { orgId, status: query.status }, query);
      return { ...page, items: page.items.map((r) => reviewAsSeenBy(actor, r)) };
    },

    /** The review with its sanction and every rectification (attachments as metadata). */
    async getReview(actor: Principal, id: string) {
      const review = await getVisible(actor, id);
      const sanction = asSeenBy(actor, (await repo.find(db, review.sanctionId))!);
      const org = await organisations.findOrganisation(review.orgId);
      const submitted = await repo.rectificationsOf(db, id);
      const files = await repo.attachmentsOf(
        db,
        submitted.map((r) => r.id),
      );
      return {
        ...reviewAsSeenBy(actor, review),
        orgName: org?.name ?? '',
        sanction,
        rectifications: submitted.map((r) => ({ ...r, attachments: files.filter((f) => f.rectificationId === r.id) })),
      };
    },

    /** The partner answers: what changed, with attachments (checked by content, encrypted at rest). */
    async submitRectification(actor: Principal, id: string, input: RectificationInput) {
      const review = await getVisible(actor, id);
      if (!canAnswerReview(actor, review.orgId)) {
        throw await audit.deny(
          actor,
          { action: 'review.rectify', orgId: review.orgId, subjectType: 'review', subjectId: id },
          forbidden(
            'review.rectify_forbidden',
            "Only the partner's own admins, analysts and reporters answer its review",
          ),
        );
      }
      const summary = input.summary.trim();
      if (!summary) {
        throw validationError('review.summary_required', 'A rectification needs a summary', [
          { pointer: '/summary', detail: 'is required' },
        ]);
      }
      const files = input.attachments ?? [];
      if (files.length > MAX_RECTIFICATION_ATTACHMENTS) {
        throw validationError('review.too_many_attachments', `At most ${MAX_RECTIFICATION_ATTACHMENTS} attachments`, [
          { pointer: '/attachments', detail: `has ${files.length} items` },
        ]);
      }
      files.forEach((f, i) => {
        checkAttachment(f.filename, f.mediaType, f.content, `/attachments/${i}`);
      });
      const now = clock.now();
      const rectificationId = newId();
      const sealed = files.map((f) => {
        const attachmentId = newId();
        return {
          id: attachmentId,
          rectificationId,
          filename: f.filename,
          mediaType: f.mediaType,
          size: f.content.length,
          sha256: createHash('sha256').update(f.content).digest('hex'),
          contentEnc: keys.encrypt('important', f.content, attachmentContext(id, attachmentId)),
          createdAt: now,
        };
      });
      const row = {
        id: rectificationId,
        reviewId: id,
        orgId: review.orgId,
        summary,
        processes: input.processes?.trim() || null,
        contacts: input.contacts?.trim() || null,
        tooling: input.tooling?.trim() || null,
        submittedBy: actor.userId,
        submittedByLabel: actor.label,
        submittedAt: now,
      };
      await db.transaction(async (tx) => {
        const current = await repo.findReview(tx, id, true);
        if (current?.status === 'decided') {
          throw conflict('review.decided', 'The review is decided; it takes no more rectifications');
        }
        await repo.insertRectification(tx, row);
        for (const file of sealed) await repo.insertAttachment(tx, file);
        await repo.updateReview(tx, id, { status: 'rectification_submitted' });
        await audit.record(tx, actor, {
          action: 'review.rectification_submitted',
          orgId: review.orgId,
          subjectType: 'review',
          subjectId: id,
          summary: {
            rectificationId,
            summary,
            attachments: sealed.map((f) => ({ id: f.id, filename: f.filename, size: f.size, sha256: f.sha256 })),
          },
        });
        await notifications.notifyOperator(tx, {
          kind: 'review.rectification_submitted',
          title: 'Rectification submitted for a reinstatement review',
          body: summary,
          link: `/reviews/${id}`,
          subjectType: 'review',
          subjectId: id,
        });
        await notifications.notify(tx, {
          orgId: review.orgId,
          kind: 'review.rectification_received',
          title: 'Your rectification was received',
          body: 'The operator will decide your reinstatement review; you will be told the outcome.',
          link: '/programme',
          subjectType: 'review',
          subjectId: id,
        });
      });
      return { ...row, attachments: sealed.map(({ contentEnc: _sealed, ...meta }) => meta) };
    },

    async readAttachment(actor: Principal, reviewId: string, attachmentId: string) {
      await getVisible(actor, reviewId);
      const row = await repo.findAttachment(db, reviewId, attachmentId);
      if (!row) throw notFound('attachment.not_found', `Attachment ${attachmentId} not found`);
      return { ...row, content: keys.decrypt(row.contentEnc, attachmentContext(reviewId, attachmentId)) };
    },

    /** Reinstate (status active), extend (suspended until a new end) or revoke; with a reason, audited, notified. */
    async decideReview(actor: Principal, id: string, input: ReviewDecisionInput) {
      const review = await getVisible(actor, id);
      const sanction = (await repo.find(db, review.sanctionId))!;
      await requireManagerFor(actor, review, sanction);
      const reason = requireReason(input.reason, 'review.reason_required', 'A review decision');
      const now = clock.now();
      const endsAt = input.endsAt ? new Date(input.endsAt) : null;
      if (input.decision === 'extend' && !endsAt) {
        throw validationError('review.end_required', 'An extension needs a new end', [
          { pointer: '/endsAt', detail: 'is required to extend' },
        ]);
      }
      if (input.decision !== 'extend' && endsAt) {
        throw validationError('review.no_end', `A decision to ${input.decision} sets no end`, [
          { pointer: '/endsAt', detail: 'only an extension has an end' },
        ]);
      }
      if (endsAt && endsAt.getTime() <= now.getTime()) {
        throw validationError('review.end_before_start', 'An extension cannot end before it starts (now)', [
          { pointer: '/endsAt', detail: `must be later than now (${now.toISOString()})` },
        ]);
      }
      if (endsAt) checkEnd(now, endsAt);
      const status = { reinstate: 'active', extend: 'suspended', revoke: 'revoked' } as const;
      return db.transaction(async (tx) => {
        const current = await repo.findReview(tx, id, true);
        if (current?.status === 'decided') throw conflict('review.decided', 'The review is already decided');
        // Already there (set by hand while the review was open): the decision records it, the status stays.
        const org = await organisations.lockOrganisation(tx, review.orgId);
        if (org?.partnerStatus !== status[input.decision] || input.decision === 'extend') {
          await organisations.applyPartnerStatus(
            tx,
            actor,
            review.orgId,
            {
              status: status[input.decision],
              reason: `Reinstatement review (${input.decision}): ${reason}`,
              ...(endsAt ? { until: endsAt.toISOString() } : {}),
            },
            now,
          );
        }
        const decided = await repo.updateReview(tx, id, {
          status: 'decided',
          decision: input.decision,
          decisionReason: reason,
          newEndsAt: endsAt,
          decidedBy: actor.userId,
          decidedByLabel: actor.label,
          decidedAt: now,
        });
        await repo.update(
          tx,
          sanction.id,
          input.decision === 'extend'
            ? { status: 'in_force', endsAt, updatedAt: now }
            : {
                status: 'completed',
                outcome: input.decision === 'reinstate' ? 'reinstated' : 'revoked',
                completedAt: now,
                updatedAt: now,
              },
        );
        await audit.record(tx, actor, {
          action: 'review.decided',
          orgId: review.orgId,
          subjectType: 'review',
          subjectId: id,
          summary: { sanctionId: sanction.id, decision: input.decision, reason, endsAt: endsAt?.toISOString() ?? null },
        });
        const titles = {
          reinstate: 'Reinstated as a partner',
          extend: `Suspension extended until ${endsAt?.toISOString().slice(0, 10)}`,
          revoke: 'Partnership revoked',
        };
        await notifications.notify(tx, {
          orgId: review.orgId,
          kind: `review.${input.decision}`,
          title: titles[input.decision],
          body: reason,
          link: '/programme',
          subjectType: 'review',
          subjectId: id,
        });
        return decided;
      });
    },
  };
}

export type ReviewsService = ReturnType<typeof createReviewsService>;
