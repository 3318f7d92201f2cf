import type { Db, Executor } from '../../db/client.ts';
import type { Clock } from '../../shared/clock.ts';
import { conflict, forbidden, notFound, unprocessable, validationError } from '../../shared/errors.ts';
import { newId, type OrgId } from '../../shared/ids.ts';
import { isOperator, type Principal } from '../../shared/principal.ts';
import type { AuditService } from '../audit/index.ts';
import {
  allowedNextStatuses,
  canChangePartnerStatus,
  canCreateOrg,
  canSeeOrg,
  canTransition,
  canUpdateOrg,
} from './organisations.policy.ts';
import { type OrgRow, organisationsRepository as repo } from './organisations.repository.ts';
import type {
  ChangeStatusInput,
  CreateOrgInput,
  ListOrgsQuery,
  PartnerStatus,
  UpdateOrgInput,
} from './organisations.schemas.ts';

export interface OrganisationsDeps {
  db: Db;
  clock: Clock;
  audit: Pick<AuditService, 'record' | 'deny'>;
}

const orgNotFound = (id: string) => notFound('org.not_found', `Organisation ${id} not found`);

export function createOrganisationsService({ db, clock, audit }: OrganisationsDeps) {
  async function getVisible(actor: Principal, id: string): Promise<OrgRow> {
    if (!canSeeOrg(actor, id)) throw orgNotFound(id);
    const row = await repo.findById(db, id);
    if (!row) throw orgNotFound(id);
    return row;
  }

  async function assertNameFree(name: string, exceptId?: string): Promise<void> {
    const existing = await repo.findByName(db, name);
    if (existing && existing.id !== exceptId) {
      throw conflict('org.name_taken', `An organisation named '${existing.name}' already exists`, [
        { pointer: '/name', detail: 'is already used by another organisation' },
      ]);
    }
  }

  /**
   * Moves a partner to a status inside the caller's transaction, keeping the history and auditing it. The caller
   * has decided the actor may (an operator admin, or a sanction decided by one); illegal moves are a 409.
   */
  async function applyPartnerStatus(
    tx: Executor,
    actor: Principal,
    id: string,
    input: ChangeStatusInput,
    now: Date = clock.now(),
  ): Promise<OrgRow> {
    const until = input.until ? new Date(input.until) : null;
    const current = await repo.findById(tx, id, true);
    if (!current) throw orgNotFound(id);
    if (current.kind !== 'partner' || current.partnerStatus === null) {
      throw unprocessable('org.not_partner', `${current.name} is not a partner organisation`);
    }
    const from = current.partnerStatus as PartnerStatus;
    if (!canTransition(from, input.status)) {
      const next = allowedNextStatuses(from);
      throw conflict(
        'org.illegal_status_transition',
        `A partner cannot go from ${from} to ${input.status}${next.length ? ` (allowed: ${next.join(', ')})` : ''}`,
      );
    }
    const updated = await repo.update(tx, id, {
      partnerStatus: input.status,
      partnerStatusUntil: until,
      updatedAt: now,
    });
    await repo.insertStatusChange(tx, {
      id: newId(),
      orgId: id,
      fromStatus: from,
      toStatus: input.status,
      reason: input.reason,
      legalBasis: input.legalBasis ?? null,
      until,
      changedBy: actor.userId,
      changedByLabel: actor.label,
      changedAt: now,
    });
    await audit.record(tx, actor, {
      action: 'org.status_changed',
      orgId: id,
      subjectType: 'organisation',
      subjectId: id,
      summary: {
        from,
        to: input.status,
        reason: input.reason,
        legalBasis: input.legalBasis ?? null,
        until: until?.toISOString() ?? null,
      },
    });
    return updated;
  }

  return {
    getOrganisation: getVisible,

    listOrganisations(actor: Principal, query: ListOrgsQuery) {
      const onlyId = isOperator(actor) ? undefined : (actor.orgId ?? '00000000-0000-0000-0000-000000000000');
      return repo.list(db, { onlyId, q: query.q, kind: query.kind }, query);
    },

    async createOrganisation(actor: Principal, input: CreateOrgInput): Promise<OrgRow> {
      if (!canCreateOrg(actor)) {
        throw await audit.deny(
          actor,
          { action: 'org.create', summary: { name: input.name } },
          forbidden('org.create_forbidden', 'Only operator admins create organisations'),
        );
      }
      if (input.kind === 'operator' && (await repo.findOperator(db))) {
        throw conflict('org.operator_exists', 'There is already an operator organisation', [
          { pointer: '/kind', detail: 'only one organisation can be the operator' },
        ]);
      }
      await assertNameFree(input.name);
      const now = clock.now();
      const row: OrgRow = {
        id: newId<OrgId>(),
        name: input.name,
        shortName: input.shortName ?? null,
        kind: input.kind,
        country: input.country ?? null,
        sector: input.sector ?? null,
        contacts: input.contacts ?? [],
        partnerStatus: input.kind === 'partner' ? 'active' : null,
        partnerStatusUntil: null,
        createdAt: now,
        updatedAt: now,
      };
      await db.transaction(async (tx) => {
        await repo.insert(tx, row);
        if (row.partnerStatus) {
          await repo.insertStatusChange(tx, {
            id: newId(),
            orgId: row.id,
            fromStatus: null,
            toStatus: 'active',
            reason: 'Admitted as a partner',
            legalBasis: null,
            until: null,
            changedBy: actor.userId,
            changedByLabel: actor.label,
            changedAt: now,
          });
        }
        await audit.record(tx, actor, {
          action: 'org.created',
          orgId: row.id,
          subjectType: 'organisation',
          subjectId: row.id,
          summary: { name: row.name, kind: row.kind, country: row.country, sector: row.sector },
        });
      });
      return row;
    },

    async updateOrganisation(actor: Principal, id: string, patch: UpdateOrgInput): Promise<OrgRow> {
      const current = await getVisible(actor, id);
      if (!canUpdateOrg(actor, id, patch)) {
        throw await audit.deny(
          actor,
          { action: 'org.update', orgId: id, subjectType: 'organisation', subjectId: id },
          forbidden('org.update_forbidden', 'You may not change this organisation'),
        );
      }
      if (patch.name !== undefined) await assertNameFree(patch.name, id);
      const changes: Partial<OrgRow> = {};
      const before: Record<string, unknown> = {};
      for (const key of ['name', 'shortName', 'country', 'sector', 'contacts'] as const) {
        if (patch[key] === undefined) continue;
        if (JSON.stringify(patch[key]) === JSON.stringify(current[key])) continue;
        (changes as Record<string, unknown>)[key] = patch[key];
        before[key] = current[key];
      }
      if (Object.keys(changes).length === 0) return current;
      return db.transaction(async (tx) => {
        const updated = await repo.update(tx, id, { ...changes, updatedAt: clock.now() });
        await audit.record(tx, actor, {
          action: 'org.updated',
          orgId: id,
          subjectType: 'organisation',
          subjectId: id,
          summary: { before, after: changes },
        });
        return updated;
      });
    },

    async listStatusHistory(actor: Principal, id: string) {
      await getVisible(actor, id);
      return repo.listStatusHistory(db, id);
    },

    /** The only way a partner's status changes: who, when, why, on what basis and until when are all kept. */
    async changePartnerStatus(actor: Principal, id: string, input: ChangeStatusInput): Promise<OrgRow> {
      await getVisible(actor, id);
      if (!canChangePartnerStatus(actor)) {
        throw await audit.deny(
          actor,
          { action: 'org.status_change', orgId: id, subjectType: 'organisation', subjectId: id },
          forbidden('org.status_forbidden', 'Only operator admins change a partner status'),
        );
      }
      const now = clock.now();
      const until = input.until ? new Date(input.until) : null;
      if (input.status === 'suspended' && !until) {
        throw validationError('org.until_required', 'A suspension needs an end (until)', [
          { pointer: '/until', detail: 'is required when suspending' },
        ]);
      }
      if (until && until.getTime() <= now.getTime()) {
        throw validationError('org.until_in_past', 'until must lie in the future', [
          { pointer: '/until', detail: 'must be later than now' },
        ]);
      }
      if (until && !['suspended', 'under_review'].includes(input.status)) {
        throw validationError('org.until_not_applicable', `A status of ${input.status} has no end`, [
          { pointer: '/until', detail: 'only suspensions and reviews have an end' },
        ]);
      }
      return db.transaction((tx) => applyPartnerStatus(tx, actor, id, input, now));
    },

    applyPartnerStatus,

    countByKind: (actor: Principal) =>
      isOperator(actor) ? repo.countByKind(db) : Promise.resolve({} as Record<string, number>),
    findOperator: () => repo.findOperator(db),
    /** For other modules that have already decided the caller may know of it. */
    findOrganisation: (id: string, ex: Executor = db) => repo.findById(ex, id),
    /**
     * Locks an organisation's row in the caller's transaction. Whoever changes a partner's standing takes this lock
     * first (applyPartnerStatus does), so checks made under it hold, and locks are always taken in one order.
     */
    lockOrganisation: (tx: Executor, id: string) => repo.findById(tx, id, true),
  };
}

export type OrganisationsService = ReturnType<typeof createOrganisationsService>;
