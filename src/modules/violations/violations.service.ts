import type { Db, Executor } from '../../db/client.ts';
import type { Clock } from '../../shared/clock.ts';
import { forbidden, notFound } from '../../shared/errors.ts';
import { newId } from '../../shared/ids.ts';
import { type Principal, systemPrincipal } from '../../shared/principal.ts';
import type { AuditService } from '../audit/index.ts';
import { type CandidateViolation, evaluateRules, type ObligationFact } from './violations.engine.ts';
import type { MeasureSpec, Rule, SanctionPolicy, ViolationSeverity, ViolationStatus } from './violations.model.ts';
import { canEvaluateRules, canReadRules, canSeeAllViolations } from './violations.policy.ts';
import { violationsRepository as repo, type ViolationRow } from './violations.repository.ts';

export interface ViolationsDeps {
  db: Db;
  clock: Clock;
  audit: Pick<AuditService, 'record' | 'deny'>;
  /** The built-ins, or the rules of VIOLATION_RULES_FILE, loaded at start. */
  rules: readonly Rule[];
  /** The measure proposed per severity (the rules file's `sanctions`, over the defaults). */
  sanctions: SanctionPolicy;
  /** Told, in the transaction that opens them, of the violations a run opened (the sanctions job is enqueued). */
  afterOpen?: ((tx: Executor, opened: readonly ViolationRow[]) => Promise<void>) | undefined;
}

export interface ViolationsQuery {
  orgId?: string | undefined;
  status?: ViolationStatus | undefined;
  limit: number;
  offset: number;
}

export const EVALUATE_JOB = 'violations.evaluate';
const NO_ORG = '00000000-0000-0000-0000-000000000000';
const violationNotFound = (id: string) => notFound('violation.not_found', `Violation ${id} not found`);

export function createViolationsService({ db, clock, audit, rules, sanctions, afterOpen }: ViolationsDeps) {
  /** The organisation filter an actor may use: its own unless operator staff; asking for another's finds nothing. */
  const visibleOrg = (actor: Principal, orgId?: string): string | undefined => {
    if (canSeeAllViolations(actor)) return orgId;
    const own = actor.orgId ?? NO_ORG;
    return orgId && orgId !== own ? NO_ORG : own;
  };

  async function candidates(now: Date): Promise<{ found: CandidateViolation[]; facts: ObligationFact[] }> {
    const facts = await repo.listBreaches(db);
    const counted = await repo.countedBy(
      db,
      rules.filter((r) => r.when.kind === 'count').map((r) => r.id),
    );
    const withCounted = facts.map((f) => ({ ...f, countedBy: counted.get(f.id) ?? [] }));
    return { found: evaluateRules(rules, withCounted, now), facts };
  }

  /**
   * Evaluates the rules and opens the violations not opened before, each audited (`violation.opened`) in the
   * transaction that inserts it. Idempotent and safe to run concurrently: the unique dedupe key lets one run
   * insert a violation and the others skip it. Returns the violations this run opened.
   */
  async function runRules(now: Date = clock.now(), requestedBy?: string): Promise<ViolationRow[]> {
    const { found, facts } = await candidates(now);
    const existing = await repo.existingKeys(
      db,
      found.map((c) => c.dedupeKey),
    );
    const fresh = found.filter((c) => !existing.has(c.dedupeKey));
    if (fresh.length === 0) return [];
    const reportOf = new Map(facts.map((f) => [f.id, f]));
    const evidence = await repo.evidenceByReport(
      db,
      facts.map((f) => f.reportId),
    );
    const rows: ViolationRow[] = fresh.map((c) => ({
      id: newId(),
      orgId: c.orgId,
      ruleId: c.ruleId,
      severity: c.severity,
      dedupeKey: c.dedupeKey,
      obligationIds: c.obligationIds,
      evidenceIds: [
        ...new Set(c.obligationIds.flatMap((id) => evidence.get(reportOf.get(id)?.reportId ?? '') ?? [])),
      ].sort(),
      summary: c.summary,
      status: 'open',
      openedAt: now,
      closedAt: null,
    }));
    const actor = systemPrincipal(`jobs:${EVALUATE_JOB}`);
    return db.transaction(async (tx) => {
      const opened = await repo.insertNew(tx, rows);
      for (const row of opened) {
        await audit.record(tx, actor, {
          action: 'violation.opened',
          orgId: row.orgId,
          subjectType: 'violation',
          subjectId: row.id,
          summary: {
            ruleId: row.ruleId,
            severity: row.severity,
            obligationIds: row.obligationIds,
            evidenceIds: row.evidenceIds,
            summary: row.summary,
            ...(requestedBy ? { requestedBy } : {}),
          },
        });
      }
      if (opened.length) await afterOpen?.(tx, opened);
      return opened;
    });
  }

  return {
    runRules,
    activeRules: (): readonly Rule[] => rules,
    sanctionPolicy: (): SanctionPolicy => sanctions,

    /** The measure the policy proposes for a violation: its rule's own, else the one for its severity. */
    measureFor(violation: Pick<ViolationRow, 'ruleId' | 'severity'>): MeasureSpec {
      const rule = rules.find((r) => r.id === violation.ruleId);
      return rule?.sanction ?? sanctions[violation.severity as ViolationSeverity] ?? sanctions.minor;
    },

    /** For the sanctions module, which has decided the caller may know of it; none if unknown. */
    findViolation: (ex: Executor, id: string) => repo.find(ex, id, {}),
    /** Closes a violation once a sanction for it is decided (in force or dismissed). */
    closeViolation: (tx: Executor, id: string, at: Date) => repo.close(tx, id, at),

    async listRules(actor: Principal): Promise<readonly Rule[]> {
      if (!canReadRules(actor)) {
        throw await audit.deny(
          actor,
          { action: 'violation_rules.read', orgId: actor.orgId },
          forbidden('violation.rules_forbidden', 'Only operator staff read the violation rules'),
        );
      }
      return rules;
    },

    /** Runs the engine now, for an operator admin; anyone else is refused and the refusal audited. */
    async evaluateNow(actor: Principal): Promise<ViolationRow[]> {
      if (!canEvaluateRules(actor)) {
        throw await audit.deny(
          actor,
          { action: 'violation.evaluate', orgId: actor.orgId },
          forbidden('violation.evaluate_forbidden', 'Only operator admins run the violation rules'),
        );
      }
      return runRules(clock.now(), actor.label);
    },

    async listViolations(actor: Principal, query: ViolationsQuery) {
      return repo.list(db, { orgId: visibleOrg(actor, query.orgId), status: query.status }, query);
    },

    /** 404 for a violation the actor may not see, so its existence is not revealed. */
    async getViolation(actor: Principal, id: string): Promise<ViolationRow> {
      const row = await repo.find(db, id, { orgId: visibleOrg(actor) });
      if (!row) throw violationNotFound(id);
      return row;
    },
  };
}

export type ViolationsService = ReturnType<typeof createViolationsService>;
