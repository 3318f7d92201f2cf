import type { Executor } from '../../db/client.ts';
import { conflict, forbidden, notFound, validationError } from '../../shared/errors.ts';
import { newId } from '../../shared/ids.ts';
import { type Principal, systemPrincipal } from '../../shared/principal.ts';
import type { PartnerStatus } from '../organisations/index.ts';
import type { SanctionMeasure } from '../violations/index.ts';
import {
  blank,
  endOfPeriod,
  measureLabel,
  requirePartner,
  requireReason,
  type SanctionsDeps,
} from './sanctions.context.ts';
import { createDecisions } from './sanctions.decisions.ts';
import { partnerVisibleStatuses, type SanctionStatus } from './sanctions.model.ts';
import { asSeenBy, canManageSanctions, canSeeAllSanctions, reviewAsSeenBy } from './sanctions.policy.ts';
import { sanctionsRepository as repo, type SanctionRow } from './sanctions.repository.ts';

export type { DecideInput } from './sanctions.decisions.ts';

export const PROPOSE_JOB = 'sanctions.propose';
export const SWEEP_JOB = 'sanctions.sweep';

export interface ProposeInput {
  orgId: string;
  violationId?: string | undefined;
  measure: SanctionMeasure;
  period?: string | undefined;
  reason: string;
  legalBasis?: string | undefined;
}

export interface SanctionsQuery {
  orgId?: string | undefined;
  status?: SanctionStatus | undefined;
  limit: number;
  offset: number;
}

const NO_ORG = '00000000-0000-0000-0000-000000000000';
const sanctionNotFound = (id: string) => notFound('sanction.not_found', `Sanction ${id} not found`);
const day = (d: Date | null) => d?.toISOString().slice(0, 10) ?? '';

/** The partner status a measure in force sets, or none (a warning to a partner already under a harsher measure). */
function statusFor(measure: string, current: PartnerStatus | null): PartnerStatus | undefined {
  if (measure === 'revocation') return 'revoked';
  if (measure === 'suspension') return 'suspended';
  return current === 'active' ? 'warned' : undefined;
}

export function createSanctionsService(deps: SanctionsDeps) {
  const { db, clock, audit, organisations, violations, notifications, fourEyes } = deps;

  async function requireManager(actor: Principal, action: string, s?: SanctionRow) {
    if (canManageSanctions(actor)) return;
    throw await audit.deny(
      actor,
      { action, orgId: s?.orgId ?? actor.orgId, subjectType: 'sanction', subjectId: s?.id ?? null },
      forbidden('sanction.forbidden', 'Only operator managers propose and decide sanctions'),
    );
  }

  /** The sanctions an actor may see: operator staff all, a partner its own decided ones. */
  function scope(actor: Principal, orgId?: string): { orgId?: string | undefined; statuses?: readonly string[] } {
    if (canSeeAllSanctions(actor)) return { orgId };
    const own = actor.orgId ?? NO_ORG;
    return { orgId: orgId && orgId !== own ? NO_ORG : own, statuses: partnerVisibleStatuses };
  }

  async function getVisible(actor: Principal, id: string): Promise<SanctionRow> {
    const row = await repo.find(db, id);
    const { orgId, statuses } = scope(actor);
    if (!row || (orgId && row.orgId !== orgId) || (statuses && !statuses.includes(row.status))) {
      throw sanctionNotFound(id);
    }
    return row;
  }

  /**
   * Puts a decided sanction in force (or schedules it when it starts later): the partner's status changes as the
   * measure defines, the violation closes, the partner is told. Runs in the caller's transaction.
   */
  async function putInForce(tx: Executor, actor: Principal, s: SanctionRow, now: Date): Promise<SanctionRow> {
    if (s.startsAt && s.startsAt.getTime() > now.getTime()) {
      const scheduled = await repo.update(tx, s.id, { status: 'scheduled', updatedAt: now });
      await record(tx, actor, scheduled, 'sanction.scheduled', { startsAt: s.startsAt.toISOString() });
      return scheduled;
    }
    const org = await organisations.lockOrganisation(tx, s.orgId);
    if (org?.partnerStatus === 'revoked') {
      // Revoked meanwhile (by hand, or by another sanction): revocation is final, nothing is left to put in force.
      const settled = await repo.update(tx, s.id, {
        status: 'completed',
        outcome: 'revoked',
        completedAt: now,
        updatedAt: now,
      });
      if (s.violationId) await violations.closeViolation(tx, s.violationId, now);
      await record(tx, actor, settled, 'sanction.completed', {
        outcome: 'revoked',
        reason: 'the partnership was revoked before the sanction came into force',
      });
      return settled;
    }
    const status = statusFor(s.measure, (org?.partnerStatus ?? null) as PartnerStatus | null);
    if (status) {
      await organisations.applyPartnerStatus(
        tx,
        actor,
        s.orgId,
        {
          status,
          reason: `Sanction (${s.measure}): ${s.decisionReason ?? s.reason}`,
          ...(s.legalBasis ? { legalBasis: s.legalBasis } : {}),
          ...(status === 'suspended' && s.endsAt ? { until: s.endsAt.toISOString() } : {}),
        },
        now,
      );
    }
    const inForce = await repo.update(tx, s.id, { status: 'in_force', updatedAt: now });
    if (s.violationId) await violations.closeViolation(tx, s.violationId, now);
    await record(tx, actor, inForce, 'sanction.in_force', { partnerStatus: status ?? null });
    const until = s.measure === 'suspension' ? ` from ${day(s.startsAt)} until ${day(s.endsAt)}` : '';
    await notifications.notify(tx, {
      orgId: s.orgId,
      kind: 'sanction.in_force',
      title: `Sanction in force: ${measureLabel[s.measure]}${until}`,
      body:
        `${s.decisionReason ?? s.reason}` +
        (s.measure === 'suspension'
          ? '\n\nWhile suspended you do not receive partner-only (TLP:AMBER and above) warnings and intelligence. ' +
            'Your reporting obligations keep running: report as before.'
          : ''),
      link: '/programme',
      subjectType: 'sanction',
      subjectId: s.id,
    });
    return inForce;
  }

  async function record(tx: Executor, actor: Principal, s: SanctionRow, action: string, extra = {}) {
    await audit.record(tx, actor, {
      action,
      orgId: s.orgId,
      subjectType: 'sanction',
      subjectId: s.id,
      summary: {
        measure: s.measure,
        period: s.period,
        status: s.status,
        violationId: s.violationId,
        startsAt: s.startsAt?.toISOString() ?? null,
        endsAt: s.endsAt?.toISOString() ?? null,
        ...extra,
      },
    });
  }

  /** One suspension at a time: a partner already suspended is held longer through its review (extend), not twice. */
  async function assertNoOtherSuspension(tx: Executor, s: { id: string; orgId: string; measure: string }) {
    if (s.measure !== 'suspension') return;
    const running = await repo.findRunningSuspension(tx, s.orgId, s.id);
    if (running) {
      throw conflict(
        'sanction.already_suspended',
        `The partner is already under suspension ${running.id} (${running.status}): extend that one through its ` +
          'review, or dismiss this one',
      );
    }
  }

  /**
   * Proposes the policy's measure for each open violation without one, once per violation: the violations are
   * claimed with SKIP LOCKED (concurrent runs take disjoint sets), and the unique index is the last word.
   */
  async function proposeForViolations(violationIds?: readonly string[]): Promise<SanctionRow[]> {
    const now = clock.now();
    const actor = systemPrincipal(`jobs:${PROPOSE_JOB}`);
    return db.transaction(async (tx) => {
      const open = await repo.claimViolationsWithoutProposal(tx, violationIds);
      const proposed: SanctionRow[] = [];
      for (const v of open) {
        const spec = violations.measureFor(v);
        const row = await repo.insert(tx, {
          ...blank(now),
          id: newId(),
          orgId: v.orgId,
          violationId: v.id,
          measure: spec.measure,
          period: spec.period ?? null,
          status: 'proposed',
          source: 'policy',
          reason: `${v.severity === 'major' ? 'Major' : 'Minor'} violation (${v.ruleId}): ${v.summary}`,
          proposedByLabel: 'policy',
          proposedMeasure: spec.measure,
          proposedPeriod: spec.period ?? null,
        });
        if (!row) continue;
        proposed.push(row);
        await record(tx, actor, row, 'sanction.proposed', { source: 'policy', reason: row.reason });
        await notifications.notifyOperator(tx, {
          kind: 'sanction.proposed',
          title: `Sanction proposed: ${measureLabel[row.measure]}${row.period ? ` (${row.period})` : ''}`,
          body: row.reason,
          link: `/sanctions/${row.id}`,
          subjectType: 'sanction',
          subjectId: row.id,
        });
      }
      return proposed;
    });
  }

  return {
    proposeForViolations,
    putInForce,

    async listSanctions(actor: Principal, query: SanctionsQuery) {
      const { orgId, statuses: allowed } = scope(actor, query.orgId);
      // Asking for a status the actor may not see finds nothing.
      const wanted = query.status && (!allowed || allowed.includes(query.status)) ? [query.status] : [];
      const page = await repo.list(db, { orgId, statuses: query.status ? wanted : allowed }, query);
      return { ...page, items: page.items.map((row) => asSeenBy(actor, row)) };
    },

    /** The row with its organisation's name, as the API shows it. */
    async named<T extends { orgId: string }>(row: T): Promise<T & { orgName: string }> {
      return { ...row, orgName: (await organisations.findOrganisation(row.orgId))?.name ?? '' };
    },

    /** 404 for a sanction the actor may not see, so its existence is not revealed. */
    async getSanction(actor: Principal, id: string) {
      const row = asSeenBy(actor, await getVisible(actor, id));
      const org = await organisations.findOrganisation(row.orgId);
      const reviews = (await repo.reviewsOf(db, id)).map((r) => reviewAsSeenBy(actor, r));
      return { ...row, orgName: org?.name ?? '', reviews };
    },

    /** A manager proposes a measure by hand (for a violation, or on its own), with a reason. */
    async propose(actor: Principal, input: ProposeInput): Promise<SanctionRow> {
      await requireManager(actor, 'sanction.propose');
      const reason = requireReason(input.reason, 'sanction.reason_required', 'A sanction');
      requirePartner(await organisations.findOrganisation(input.orgId));
      if (input.violationId) {
        const violation = await violations.findViolation(db, input.violationId);
        if (!violation || violation.orgId !== input.orgId) {
          throw validationError('sanction.unknown_violation', 'No such violation of this organisation', [
            { pointer: '/violationId', detail: 'must be a violation of the organisation named by orgId' },
          ]);
        }
        // One measure per violation: a closed one was decided, an open one with a proposal is being decided.
        const existing = await repo.list(db, { violationId: violation.id }, { limit: 1, offset: 0 });
        if (violation.status !== 'open' || existing.total > 0) {
          throw conflict(
            'sanction.violation_decided',
            `Violation ${violation.id} is ${violation.status === 'open' ? 'already proposed for' : 'closed'}: decide that sanction instead`,
            [{ pointer: '/violationId', detail: 'must be an open violation without a sanction' }],
          );
        }
      }
      const now = clock.now();
      if (input.measure === 'suspension' && !input.period) {
        throw validationError('sanction.term_required', 'A suspension needs a period', [
          { pointer: '/period', detail: 'is required for a suspension, e.g. P6M' },
        ]);
      }
      if (input.measure === 'suspension') endOfPeriod(now, input.period!);
      else if (input.period) {
        throw validationError('sanction.no_term', `A ${input.measure} has no period`, [
          { pointer: '/period', detail: 'only a suspension has a period' },
        ]);
      }
      const row: SanctionRow = {
        ...blank(now),
        id: newId(),
        orgId: input.orgId,
        violationId: input.violationId ?? null,
        measure: input.measure,
        period: input.period ?? null,
        status: 'proposed',
        source: 'manager',
        reason,
        legalBasis: input.legalBasis ?? null,
        proposedBy: actor.userId,
        proposedByLabel: actor.label,
        proposedMeasure: input.measure,
        proposedPeriod: input.period ?? null,
      };
      return db.transaction(async (tx) => {
        const inserted = (await repo.insert(tx, row))!;
        await record(tx, actor, inserted, 'sanction.proposed', { source: 'manager', reason });
        return inserted;
      });
    },

    ...createDecisions(deps, { getVisible, requireManager, record, putInForce, assertNoOtherSuspension }),

    fourEyes: () => fourEyes,
  };
}

export type SanctionsService = ReturnType<typeof createSanctionsService>;
