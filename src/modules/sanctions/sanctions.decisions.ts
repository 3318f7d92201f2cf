import type { Executor } from '../../db/client.ts';
import { conflict, forbidden, validationError } from '../../shared/errors.ts';
import type { Principal } from '../../shared/principal.ts';
import type { SanctionMeasure } from '../violations/index.ts';
import { endOfPeriod, measureLabel, requireReason, type SanctionsDeps, termOf } from './sanctions.context.ts';
import type { SanctionDecision } from './sanctions.model.ts';
import { fourEyesConflict } from './sanctions.policy.ts';
import { sanctionsRepository as repo, type SanctionRow } from './sanctions.repository.ts';

export interface DecideInput {
  decision: SanctionDecision;
  reason?: string | undefined;
  measure?: SanctionMeasure | undefined;
  period?: string | undefined;
  startsAt?: string | undefined;
  endsAt?: string | undefined;
  legalBasis?: string | undefined;
}

/** What the decisions share with the rest of the sanctions service. */
export interface DecisionCore {
  getVisible(actor: Principal, id: string): Promise<SanctionRow>;
  requireManager(actor: Principal, action: string, s?: SanctionRow): Promise<void>;
  record(
    tx: Executor,
    actor: Principal,
    s: SanctionRow,
    action: string,
    extra?: Record<string, unknown>,
  ): Promise<void>;
  putInForce(tx: Executor, actor: Principal, s: SanctionRow, now: Date): Promise<SanctionRow>;
  assertNoOtherSuspension(tx: Executor, s: { id: string; orgId: string; measure: string }): Promise<void>;
}

/** A manager's decision on a proposal, and the second approval when four-eyes is on. */
export function createDecisions(deps: SanctionsDeps, core: DecisionCore) {
  const { db, clock, audit, organisations, violations, notifications, fourEyes } = deps;
  const { getVisible, requireManager, record, putInForce, assertNoOtherSuspension } = core;

  return {
    /**
     * Confirm, change (with a reason) or dismiss a proposal. With four-eyes on, a confirmation or change awaits a
     * second manager's approval, and the proposer may not decide; without, it takes effect at once.
     */
    async decide(actor: Principal, id: string, input: DecideInput): Promise<SanctionRow> {
      // What the actor may not see is a 404 (a partner's own proposal included); what it may see, a 403.
      const current = await getVisible(actor, id);
      await requireManager(actor, 'sanction.decide', current);
      if (fourEyes && fourEyesConflict(actor, current, ['proposer'])) {
        throw await audit.deny(
          actor,
          { action: 'sanction.decide', orgId: current.orgId, subjectType: 'sanction', subjectId: id },
          forbidden('sanction.four_eyes', 'Four-eyes: the manager who proposed a sanction may not decide it'),
        );
      }
      const now = clock.now();
      const reason =
        input.decision === 'confirm'
          ? input.reason?.trim() || null
          : requireReason(
              input.reason,
              'sanction.reason_required',
              input.decision === 'change' ? 'Changing a sanction' : 'Dismissing a sanction',
            );
      const changes = input.measure !== undefined || input.period !== undefined || input.endsAt !== undefined;
      if (input.decision === 'confirm' && changes) {
        throw validationError('sanction.confirm_changes', 'A confirmation takes the proposal as it is', [
          { pointer: '/decision', detail: "use 'change', with a reason, to set another measure, period or end" },
        ]);
      }
      const term = input.decision === 'dismiss' ? undefined : termOf(current, input, now);
      return db.transaction(async (tx) => {
        const s = await repo.find(tx, id, true);
        if (s?.status !== 'proposed') {
          throw conflict('sanction.not_proposed', `The sanction is ${s?.status ?? 'gone'}; only a proposal is decided`);
        }
        // The partner first, then the audit head: the order every change of a partner's standing takes locks in,
        // so the one-suspension check below holds against a concurrent decision and no two changes deadlock.
        await organisations.lockOrganisation(tx, s.orgId);
        if (term) await assertNoOtherSuspension(tx, { id, orgId: s.orgId, measure: term.measure });
        const decided = {
          decision: input.decision,
          decisionReason: reason,
          decidedBy: actor.userId,
          decidedByLabel: actor.label,
          decidedAt: now,
          updatedAt: now,
          ...(input.legalBasis ? { legalBasis: input.legalBasis } : {}),
        };
        if (!term) {
          const dismissed = await repo.update(tx, id, { ...decided, status: 'dismissed' });
          if (s.violationId) await violations.closeViolation(tx, s.violationId, now);
          await record(tx, actor, dismissed, 'sanction.dismissed', { reason });
          return dismissed;
        }
        const next = await repo.update(tx, id, {
          ...decided,
          ...term,
          status: fourEyes ? 'awaiting_approval' : s.status,
        });
        await record(tx, actor, next, 'sanction.decided', {
          decision: input.decision,
          reason,
          proposedMeasure: s.proposedMeasure,
        });
        if (!fourEyes) return putInForce(tx, actor, next, now);
        await notifications.notifyOperator(tx, {
          kind: 'sanction.awaiting_approval',
          title: `Sanction awaiting a second approval: ${measureLabel[next.measure]}`,
          body: `${actor.label} decided to ${input.decision} it. ${reason ?? next.reason}`,
          link: `/sanctions/${id}`,
          subjectType: 'sanction',
          subjectId: id,
        });
        return next;
      });
    },

    /** Four-eyes: a second manager approves (it takes effect) or refuses with a reason (it is a proposal again). */
    async approve(actor: Principal, id: string, input: { approve: boolean; reason?: string | undefined }) {
      const current = await getVisible(actor, id);
      await requireManager(actor, 'sanction.approve', current);
      const who = fourEyesConflict(actor, current, ['proposer', 'decider']);
      if (who) {
        throw await audit.deny(
          actor,
          { action: 'sanction.approve', orgId: current.orgId, subjectType: 'sanction', subjectId: id },
          forbidden('sanction.four_eyes', `Four-eyes: the ${who} of a sanction may not also approve it`),
        );
      }
      const reason = input.approve
        ? input.reason?.trim() || null
        : requireReason(input.reason, 'sanction.reason_required', 'Refusing a sanction');
      const now = clock.now();
      return db.transaction(async (tx) => {
        const s = await repo.find(tx, id, true);
        if (s?.status !== 'awaiting_approval') {
          throw conflict(
            'sanction.not_awaiting_approval',
            `The sanction is ${s?.status ?? 'gone'}, not awaiting approval`,
          );
        }
        await organisations.lockOrganisation(tx, s.orgId);
        if (!input.approve) {
          // The refused decision's term goes with it: the proposal is back as it was proposed.
          const back = await repo.update(tx, id, {
            status: 'proposed',
            measure: s.proposedMeasure,
            period: s.proposedPeriod,
            startsAt: null,
            endsAt: null,
            decision: null,
            decisionReason: null,
            decidedBy: null,
            decidedByLabel: null,
            decidedAt: null,
            updatedAt: now,
          });
          await record(tx, actor, back, 'sanction.approval_refused', { reason });
          return back;
        }
        await assertNoOtherSuspension(tx, s);
        // A suspension of a period runs from when it comes into force: an approval after the decided start restarts it.
        const late = s.period && s.startsAt && s.startsAt.getTime() < now.getTime();
        const approved = await repo.update(tx, id, {
          ...(late ? { startsAt: now, endsAt: endOfPeriod(now, s.period!) } : {}),
          approvedBy: actor.userId,
          approvedByLabel: actor.label,
          approvedAt: now,
          updatedAt: now,
        });
        await record(tx, actor, approved, 'sanction.approved', { reason });
        return putInForce(tx, actor, approved, now);
      });
    },
  };
}
