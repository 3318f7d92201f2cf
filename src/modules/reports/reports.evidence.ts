import { conflict, forbidden, notFound, validationError } from '../../shared/errors.ts';
import { newId } from '../../shared/ids.ts';
import type { Principal } from '../../shared/principal.ts';
import { type EvidenceRow, evidenceRepository as repo } from './evidence.repository.ts';
import { contentOf } from './reports.content.ts';
import { loadVisible, type ReportsDeps } from './reports.context.ts';
import type { createIntake } from './reports.intake.ts';
import { canTriage } from './reports.policy.ts';
import type { ReportRow } from './reports.repository.ts';

export const evidenceSources = ['upstream_report', 'public_disclosure', 'kev', 'statement', 'other'] as const;
export type EvidenceSource = (typeof evidenceSources)[number];

export interface EvidenceInput {
  source: EvidenceSource;
  awareAt: string;
  description: string;
  referenceUrl?: string | undefined;
}

/**
 * Evidence that the reporting organisation knew of a flaw earlier than it says: recorded by operator
 * analysts with source and date, audited, and the report's clocks recomputed from the earliest credible one.
 */
export function createEvidence(deps: ReportsDeps, intake: ReturnType<typeof createIntake>) {
  const { db, clock, audit } = deps;

  async function requireAnalyst(actor: Principal, report: ReportRow, attempted: string) {
    if (canTriage(actor)) return;
    throw await audit.deny(
      actor,
      { action: attempted, orgId: report.reporterOrgId, subjectType: 'report', subjectId: report.id },
      forbidden('report.evidence_forbidden', 'Only operator analysts record awareness evidence'),
    );
  }

  /** The facts with `credible` as the evidence; gathered before the transaction (PGlite has one connection). */
  function factsWith(report: ReportRow, credible: EvidenceRow[]) {
    const { texts, evidence } = intake.readTexts(report);
    return intake.factsOf(report, contentOf(report, texts, evidence), credible);
  }

  return {
    async listEvidence(actor: Principal, reportId: string) {
      const { relation } = await loadVisible(deps, actor, reportId);
      return relation === 'vendor' ? [] : repo.list(db, reportId);
    },

    async recordEvidence(actor: Principal, reportId: string, input: EvidenceInput) {
      const { report } = await loadVisible(deps, actor, reportId);
      await requireAnalyst(actor, report, 'report.evidence_record');
      const awareAt = new Date(input.awareAt);
      if (awareAt.getTime() > clock.now().getTime()) {
        throw validationError('report.evidence_in_future', 'Awareness cannot lie in the future', [
          { pointer: '/awareAt', detail: 'must not be later than now' },
        ]);
      }
      const row: EvidenceRow = {
        id: newId(),
        reportId,
        orgId: report.reporterOrgId,
        source: input.source,
        awareAt,
        description: input.description,
        referenceUrl: input.referenceUrl ?? null,
        credible: true,
        recordedBy: actor.label,
        recordedAt: clock.now(),
        withdrawnAt: null,
        withdrawnReason: null,
      };
      const facts = await factsWith(report, [...(await repo.listCredible(db, reportId)), row]);
      await db.transaction(async (tx) => {
        await repo.insert(tx, row);
        await audit.record(tx, actor, {
          action: 'report.evidence_recorded',
          orgId: report.reporterOrgId,
          subjectType: 'report',
          subjectId: reportId,
          summary: { ref: report.ref, evidenceId: row.id, source: row.source, awareAt: input.awareAt },
        });
        await intake.recompute(tx, facts);
      });
      return row;
    },

    async withdrawEvidence(actor: Principal, reportId: string, evidenceId: string, reason: string) {
      const { report } = await loadVisible(deps, actor, reportId);
      await requireAnalyst(actor, report, 'report.evidence_withdraw');
      const row = await repo.find(db, reportId, evidenceId);
      if (!row) throw notFound('evidence.not_found', `Evidence ${evidenceId} not found`);
      if (row.withdrawnAt) throw conflict('evidence.already_withdrawn', 'This evidence was withdrawn already');
      const facts = await factsWith(
        report,
        (await repo.listCredible(db, reportId)).filter((e) => e.id !== evidenceId),
      );
      const now = clock.now();
      await db.transaction(async (tx) => {
        await repo.withdraw(tx, evidenceId, now, reason);
        await audit.record(tx, actor, {
          action: 'report.evidence_withdrawn',
          orgId: report.reporterOrgId,
          subjectType: 'report',
          subjectId: reportId,
          summary: { ref: report.ref, evidenceId, reason },
        });
        await intake.recompute(tx, facts);
      });
      return { ...row, withdrawnAt: now, withdrawnReason: reason };
    },
  };
}
