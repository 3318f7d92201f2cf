import type { Db, Executor } from '../../db/client.ts';
import type { JobQueue } from '../../jobs/index.ts';
import type { Clock } from '../../shared/clock.ts';
import { conflict, forbidden, notFound } from '../../shared/errors.ts';
import { type Principal, systemPrincipal } from '../../shared/principal.ts';
import type { AuditService } from '../audit/index.ts';
import type { OrganisationsService } from '../organisations/index.ts';
import {
  computeObligations,
  missingFieldsFor,
  type ObligationStatus,
  type ReportFacts,
  type SubmissionFacts,
} from './regimes.compute.ts';
import type { Regime, Stage } from './regimes.model.ts';
import { canAssignRegimes, canSeeAllObligations } from './regimes.policy.ts';
import { type AssignmentRow, type ObligationRow, regimesRepository as repo } from './regimes.repository.ts';

export interface RegimesDeps {
  db: Db;
  clock: Clock;
  audit: Pick<AuditService, 'record' | 'deny'>;
  organisations: Pick<OrganisationsService, 'getOrganisation'>;
  /** Built-ins and the operator's REGIMES_FILE, loaded at start. */
  regimes: readonly Regime[];
  /** Announces that an organisation's regimes changed, so its reports' obligations are recomputed. */
  jobs: Pick<JobQueue, 'enqueue'>;
}

/** Job kind the reports module handles: recompute every report of `payload.orgId`. */
export const RECOMPUTE_ORG_JOB = 'obligations.recompute_org';

export interface ObligationsQuery {
  status?: ObligationStatus | undefined;
  orgId?: string | undefined;
  reportId?: string | undefined;
  dueBefore?: string | undefined;
  limit: number;
  offset: number;
  order: 'asc' | 'desc';
}

const NO_ORG = '00000000-0000-0000-0000-000000000000';
const regimeNotFound = (id: string) => notFound('regime.not_found', `Regime ${id} not found`);

export function createRegimesService({ db, clock, audit, organisations, regimes, jobs }: RegimesDeps) {
  const announce = (tx: Executor, orgId: string) =>
    jobs.enqueue(tx, RECOMPUTE_ORG_JOB, { orgId }, { dedupeKey: `${RECOMPUTE_ORG_JOB}:${orgId}` });
  const byId = new Map(regimes.map((r) => [r.id, r]));

  function getRegime(id: string): Regime {
    const regime = byId.get(id);
    if (!regime) throw regimeNotFound(id);
    return regime;
  }

  /** The org exists and the actor may see it (404 otherwise), then the actor may change its regimes (403). */
  async function authorizeChange(actor: Principal, orgId: string, action: string, regimeId: string) {
    await organisations.getOrganisation(actor, orgId);
    if (!canAssignRegimes(actor)) {
      throw await audit.deny(
        actor,
        { action, orgId, subjectType: 'organisation', subjectId: orgId, summary: { regimeId } },
        forbidden('regime.assign_forbidden', 'Only operator admins assign reporting regimes'),
      );
    }
  }

  /** The regimes binding an organisation: exactly those assigned to it (ids no longer configured are skipped). */
  async function regimesFor(ex: Executor, orgId: string): Promise<Regime[]> {
    const assigned = await repo.listAssignments(ex, orgId);
    return assigned.flatMap((a) => byId.get(a.regimeId) ?? []);
  }

  return {
    listRegimes: (): readonly Regime[] => regimes,
    getRegime,
    regimesFor: (orgId: string) => regimesFor(db, orgId),

    async listAssignments(actor: Principal, orgId: string): Promise<AssignmentRow[]> {
      await organisations.getOrganisation(actor, orgId);
      return repo.listAssignments(db, orgId);
    },

    async assignRegime(actor: Principal, orgId: string, regimeId: string): Promise<AssignmentRow> {
      await authorizeChange(actor, orgId, 'regime.assign', regimeId);
      const regime = getRegime(regimeId);
      const row: AssignmentRow = { orgId, regimeId, assignedBy: actor.label, assignedAt: clock.now() };
      return db.transaction(async (tx) => {
        if (!(await repo.insertAssignment(tx, row))) {
          throw conflict('regime.already_assigned', `${regime.name} is already assigned to this organisation`);
        }
        await audit.record(tx, actor, {
          action: 'regime.assigned',
          orgId,
          subjectType: 'organisation',
          subjectId: orgId,
          summary: { regimeId, regimeName: regime.name },
        });
        await announce(tx, orgId);
        return row;
      });
    },

    async unassignRegime(actor: Principal, orgId: string, regimeId: string): Promise<void> {
      await authorizeChange(actor, orgId, 'regime.unassign', regimeId);
      await db.transaction(async (tx) => {
        if (!(await repo.deleteAssignment(tx, orgId, regimeId))) {
          throw notFound('regime.not_assigned', `Regime ${regimeId} is not assigned to this organisation`);
        }
        await audit.record(tx, actor, {
          action: 'regime.unassigned',
          orgId,
          subjectType: 'organisation',
          subjectId: orgId,
          summary: { regimeId },
        });
        await announce(tx, orgId);
      });
    },

    /**
     * Recomputes and stores a report's obligations under the regimes assigned to its organisation, in the
     * caller's transaction (the reports service audits the change that caused it). Returns the stored rows.
     */
    async recomputeForReport(
      tx: Executor,
      report: ReportFacts,
      submissions: readonly SubmissionFacts[],
    ): Promise<ObligationRow[]> {
      const now = clock.now();
      const computed = computeObligations({ report, submissions, regimes: await regimesFor(tx, report.orgId), now });
      return repo.replaceForReport(tx, { reportId: report.reportId, orgId: report.orgId }, computed, now);
    },

    /** What a submission of `stage` must still carry for the organisation's regimes (checked before accepting it). */
    async missingFieldsFor(orgId: string, stage: Stage, report: ReportFacts): Promise<string[]> {
      return missingFieldsFor(await regimesFor(db, orgId), stage, report);
    },

    /** A report's stored obligations; the reports module has already decided the caller may see the report. */
    listForReport: (reportId: string): Promise<ObligationRow[]> => repo.listForReport(db, reportId),

    /** The deadlines board, soonest due first. Missed obligations show their lateness as of now. */
    async listObligations(actor: Principal, query: ObligationsQuery) {
      const orgId = canSeeAllObligations(actor) ? query.orgId : (actor.orgId ?? NO_ORG);
      const visibleOrg = query.orgId && orgId !== query.orgId ? NO_ORG : orgId;
      const filter = {
        orgId: visibleOrg,
        status: query.status,
        reportId: query.reportId,
        dueBefore: query.dueBefore ? new Date(query.dueBefore) : undefined,
      };
      const page = await repo.list(db, filter, query);
      const now = clock.now().getTime();
      const items = page.items.map((row) =>
        row.status === 'missed' && row.dueAt
          ? { ...row, latenessSeconds: Math.ceil((now - row.dueAt.getTime()) / 1000) }
          : row,
      );
      return { items, total: page.total };
    },

    /**
     * Marks pending obligations past due as missed, one audit entry per obligation, as the system.
     * Idempotent: a second sweep at the same time changes nothing; two concurrent sweeps never mark one row twice.
     */
    async sweepMissed(now: Date = clock.now()): Promise<number> {
      const actor = systemPrincipal('jobs:obligations.sweep');
      return db.transaction(async (tx) => {
        const missed = await repo.markMissed(tx, now);
        for (const row of missed) {
          await audit.record(tx, actor, {
            action: 'obligation.missed',
            orgId: row.orgId,
            subjectType: 'report',
            subjectId: row.reportId,
            summary: { regimeId: row.regimeId, obligationKey: row.obligationKey, dueAt: row.dueAt?.toISOString() },
          });
        }
        return missed.length;
      });
    },
  };
}

export type RegimesService = ReturnType<typeof createRegimesService>;
