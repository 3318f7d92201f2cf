import type { Executor } from '../../db/client.ts';
import { newId } from '../../shared/ids.ts';
import { systemPrincipal } from '../../shared/principal.ts';
import type { SanctionsDeps } from './sanctions.context.ts';
import { type ReviewRow, sanctionsRepository as repo, type SanctionRow } from './sanctions.repository.ts';
import { type SanctionsService, SWEEP_JOB } from './sanctions.service.ts';

/** A due sanction the sweep could not process: its transaction was rolled back. */
export class SweepFailure extends Error {
  constructor(
    readonly sanctionId: string,
    cause: unknown,
  ) {
    super(`sanction ${sanctionId}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'SweepFailure';
  }
}

/**
 * The time-driven half of the lifecycle (the `sanctions.sweep` job, `threatshare sanction sweep`): confirmed
 * sanctions whose start has come are put in force, suspensions that have ended get their reinstatement review.
 */
export function createSweep(
  deps: Pick<SanctionsDeps, 'db' | 'clock' | 'audit' | 'organisations' | 'notifications'>,
  sanctions: Pick<SanctionsService, 'putInForce'>,
) {
  const { db, clock, audit, organisations, notifications } = deps;

  /**
   * Claims one due sanction (SKIP LOCKED) and works on it in its own transaction; false when none is due. A failure
   * rolls that one back and names it, so the sweep can go on with the others.
   */
  async function nextDue(
    kind: 'start' | 'end',
    now: Date,
    skip: readonly string[],
    work: (tx: Executor, s: SanctionRow) => Promise<void>,
  ): Promise<boolean> {
    return db.transaction(async (tx) => {
      const [s] = await repo.claimDue(tx, kind, now, 1, skip);
      if (!s) return false;
      try {
        await work(tx, s);
      } catch (error) {
        throw new SweepFailure(s.id, error);
      }
      return true;
    });
  }

  /** Works through every due sanction of a kind, at most 1000; one that fails does not hold up the rest. */
  async function drain(kind: 'start' | 'end', now: Date, work: (tx: Executor, s: SanctionRow) => Promise<void>) {
    const failed: SweepFailure[] = [];
    let done = 0;
    while (done + failed.length < 1000) {
      const skip = failed.map((f) => f.sanctionId);
      try {
        if (!(await nextDue(kind, now, skip, work))) break;
        done++;
      } catch (error) {
        if (!(error instanceof SweepFailure)) throw error;
        failed.push(error);
      }
    }
    return { done, failed };
  }

  /** Opens the review of a suspension that has ended. */
  async function openReview(tx: Executor, s: SanctionRow, now: Date): Promise<void> {
    const actor = systemPrincipal(`jobs:${SWEEP_JOB}`);
    // The partner's status was changed by hand while the suspension ran: revoked or reinstated, that settled it.
    const status = (await organisations.findOrganisation(s.orgId, tx))?.partnerStatus;
    if (status === 'revoked' || status === 'active' || status === 'warned') {
      const outcome = status === 'revoked' ? 'revoked' : 'reinstated';
      await repo.update(tx, s.id, { status: 'completed', outcome, completedAt: now, updatedAt: now });
      await audit.record(tx, actor, {
        action: 'sanction.completed',
        orgId: s.orgId,
        subjectType: 'sanction',
        subjectId: s.id,
        summary: { outcome, reason: `the partner was made ${status} by hand while the suspension ran` },
      });
      return;
    }
    const round = (await repo.reviewsOf(tx, s.id)).length + 1;
    const review: ReviewRow = {
      id: newId(),
      sanctionId: s.id,
      orgId: s.orgId,
      round,
      status: 'awaiting_rectification',
      openedAt: now,
      decision: null,
      decisionReason: null,
      newEndsAt: null,
      decidedBy: null,
      decidedByLabel: null,
      decidedAt: null,
    };
    await repo.insertReview(tx, review);
    await repo.update(tx, s.id, { status: 'under_review', updatedAt: now });
    if (status !== 'under_review') {
      await organisations.applyPartnerStatus(
        tx,
        actor,
        s.orgId,
        { status: 'under_review', reason: `The suspension ended on ${s.endsAt?.toISOString()}; reinstatement review` },
        now,
      );
    }
    await audit.record(tx, actor, {
      action: 'review.opened',
      orgId: s.orgId,
      subjectType: 'review',
      subjectId: review.id,
      summary: { sanctionId: s.id, round, endedAt: s.endsAt?.toISOString() ?? null },
    });
    const notice = {
      kind: 'review.opened',
      title: 'Reinstatement review opened',
      body:
        'Your suspension has ended and a reinstatement review is open. Submit your rectification: what changed ' +
        'in your processes, contacts and tooling, with supporting documents.',
      link: '/programme',
      subjectType: 'review',
      subjectId: review.id,
    };
    await notifications.notify(tx, { ...notice, orgId: s.orgId });
    await notifications.notifyOperator(tx, { ...notice, link: `/reviews/${review.id}` });
  }

  /**
   * Starts due sanctions and opens the reviews of ended suspensions, one transaction each; returns counts, and the
   * sanctions that could not be processed (e.g. a partner whose status was changed by hand meanwhile).
   */
  return async function sweep(now: Date = clock.now()) {
    const jobs = systemPrincipal(`jobs:${SWEEP_JOB}`);
    const starts = await drain('start', now, async (tx, s) => {
      await sanctions.putInForce(tx, jobs, s, now);
    });
    const ends = await drain('end', now, (tx, s) => openReview(tx, s, now));
    return { started: starts.done, reviewsOpened: ends.done, failed: [...starts.failed, ...ends.failed] };
  };
}
