import type { Executor } from '../../db/client.ts';
import { canonicalJson, sha256Hex } from '../../shared/crypto.ts';
import { forbidden, unprocessable, validationError } from '../../shared/errors.ts';
import { newId } from '../../shared/ids.ts';
import { isSystem, type Principal } from '../../shared/principal.ts';
import { checkReportDraft } from '../../standards/report-checks.ts';
import { type EvidenceRow, earliestAwareness, evidenceRepository } from './evidence.repository.ts';
import { columnsOf, contentOf, type ReportTexts, textsOf, timelineOf } from './reports.content.ts';
import { loadVisible, type ReportsDeps, seal, unseal } from './reports.context.ts';
import { canSubmitReports, canSubmitStage, canTriage } from './reports.policy.ts';
import type { ReportFacts, SubmissionFacts } from './reports.ports.ts';
import { type ReportRow, reportsRepository as repo, type SubmissionRow } from './reports.repository.ts';
import type { ReportInput, Stage, TimelineField } from './reports.schemas.ts';

export const RECEIPT_TYPE = 'threatshare-receipt+jws';

export interface IntakeOptions {
  source: 'api' | 'form' | 'cli' | 'cve5' | 'csaf' | 'demo';
  /** Only the system principal (CLI, demo) reports on behalf of an organisation. */
  onBehalfOfOrgId?: string;
}

export function createIntake(deps: ReportsDeps) {
  const { db, clock, audit, signer, obligations, kev } = deps;

  function validate(input: ReportInput) {
    const result = checkReportDraft(input);
    if (result.errors.length > 0) {
      const first = result.errors[0]!;
      throw validationError('report.invalid', `${first.pointer}: ${first.detail}`, result.errors);
    }
    return result;
  }

  /**
   * The facts the obligation rules look at. A KEV listing counts as evidence of active exploitation; the
   * clocks run from the earliest credible awareness, the report's own or recorded evidence.
   */
  async function factsOf(row: ReportRow, content: ReportInput, evidence?: EvidenceRow[]): Promise<ReportFacts> {
    const listed = row.cveId ? await kev.findKevEntry(row.cveId) : undefined;
    const timeline = timelineOf(row);
    const credible = evidence ?? (await evidenceRepository.listCredible(db, row.id));
    const awareness = earliestAwareness(timeline.awareAt, credible);
    if (awareness.at) timeline.awareAt = awareness.at;
    return {
      reportId: row.id,
      orgId: row.reporterOrgId,
      receivedAt: row.receivedAt,
      timeline,
      timelineSources: { awareAt: awareness.source },
      exploitation: listed ? 'active' : row.exploitation,
      severity: row.severity,
      tier: row.tier,
      tlp: row.tlp,
      cveId: row.cveId,
      content,
    };
  }

  async function requireFields(orgId: string, stage: Stage, facts: ReportFacts): Promise<void> {
    const missing = await obligations.missingFieldsFor(orgId, stage, facts);
    if (missing.length > 0) {
      throw unprocessable(
        'report.missing_fields',
        `The ${stage.replace('_', ' ')} stage needs: ${missing.join(', ')}`,
        missing.map((field) => ({
          pointer: `/${field.replace(/\*/g, '0')}`,
          detail: `is required for the ${stage} stage`,
        })),
      );
    }
  }

  /** Stores one stage exactly as received, audited, with a signed receipt over its content hash. */
  async function recordSubmission(tx: Executor, actor: Principal, row: ReportRow, stage: Stage, content: ReportInput) {
    const contentSha256 = sha256Hex(canonicalJson(content));
    const receivedAt = clock.now();
    const auditSeq = await audit.record(tx, actor, {
      action: 'report.submitted',
      orgId: row.reporterOrgId,
      subjectType: 'report',
      subjectId: row.id,
      summary: { ref: row.ref, stage, contentSha256 },
    });
    const receipt = await signer.sign(
      canonicalJson({
        reportId: row.id,
        ref: row.ref,
        orgId: row.reporterOrgId,
        stage,
        contentSha256,
        receivedAt: receivedAt.toISOString(),
        auditSeq,
      }),
      RECEIPT_TYPE,
    );
    const submission: SubmissionRow = {
      id: newId(),
      reportId: row.id,
      stage,
      contentEnc: seal(deps, row.tier, row.id, 'submission', content),
      contentSha256,
      receivedAt,
      submittedBy: actor.userId,
      submittedByLabel: actor.label,
      auditSeq,
      receipt,
    };
    await repo.insertSubmission(tx, submission);
    return submission;
  }

  async function submissionFacts(tx: Executor, reportId: string): Promise<SubmissionFacts[]> {
    return (await repo.listSubmissions(tx, reportId)).map((s) => ({
      id: s.id,
      stage: s.stage as Stage,
      receivedAt: s.receivedAt,
      content: unseal<ReportInput>(deps, reportId, 'submission', s.contentEnc),
    }));
  }

  /** Facts are gathered before the transaction (the KEV lookup uses its own connection; PGlite has one). */
  async function recompute(tx: Executor, facts: ReportFacts) {
    return obligations.recomputeForReport(tx, facts, await submissionFacts(tx, facts.reportId));
  }

  function readTexts(row: ReportRow): { texts: ReportTexts; evidence: string | undefined } {
    const texts = unseal<ReportTexts>(deps, row.id, 'texts', row.descriptionEnc);
    const evidence = row.exploitationEvidenceEnc
      ? unseal<string>(deps, row.id, 'evidence', row.exploitationEvidenceEnc)
      : undefined;
    return { texts, evidence };
  }

  return {
    factsOf,
    readTexts,
    recompute,

    /** Everything submitReport checks, without writing: for uploads that map to several reports. */
    async precheck(actor: Principal, input: ReportInput, stage: Stage, options: IntakeOptions): Promise<void> {
      const orgId = isSystem(actor) ? options.onBehalfOfOrgId : actor.orgId;
      if (!canSubmitReports(actor) || !orgId) return; // submitReport refuses and audits it
      const { cvss, severity } = validate(input);
      const id = newId();
      const now = clock.now();
      const row = { id, reporterOrgId: orgId, receivedAt: now, ...columnsOf(input, cvss), severity } as ReportRow;
      await requireFields(orgId, stage, await factsOf(row, input));
    },

    /** A new report: validated, stored, its first stage received with a signed receipt, its obligations computed. */
    async submitReport(actor: Principal, input: ReportInput, stage: Stage, options: IntakeOptions) {
      const orgId = isSystem(actor) ? options.onBehalfOfOrgId : actor.orgId;
      if (!canSubmitReports(actor) || !orgId) {
        throw await audit.deny(
          actor,
          { action: 'report.submit', summary: { title: input.title } },
          forbidden('report.submit_forbidden', 'Your role does not submit reports'),
        );
      }
      const { cvss, severity } = validate(input);
      const now = clock.now();
      const id = newId();
      const row: ReportRow = {
        id,
        ref: '',
        reporterOrgId: orgId,
        createdBy: actor.userId,
        ...columnsOf(input, cvss),
        descriptionEnc: seal(deps, input.tier, id, 'texts', textsOf(input)),
        exploitationEvidenceEnc: input.exploitationEvidence
          ? seal(deps, input.tier, id, 'evidence', input.exploitationEvidence)
          : null,
        status: 'received',
        severity,
        assigneeId: null,
        duplicateOf: null,
        source: options.source,
        receivedAt: now,
        createdAt: now,
        updatedAt: now,
      };
      const facts = await factsOf(row, input);
      await requireFields(orgId, stage, facts);
      return db.transaction(async (tx) => {
        row.ref = await repo.nextRef(tx, now.getUTCFullYear());
        await repo.insert(tx, row);
        await repo.insertTransition(tx, {
          id: newId(),
          reportId: id,
          fromStatus: null,
          toStatus: 'received',
          reason: `Submitted (${options.source})`,
          actorId: actor.userId,
          actorLabel: actor.label,
          at: now,
        });
        const submission = await recordSubmission(tx, actor, row, stage, input);
        await recompute(tx, facts);
        return { report: row, submission };
      });
    },

    /** A later stage (early warning → notification → final report, or an update): the full content again. */
    async submitStage(actor: Principal, id: string, stage: Stage, input: ReportInput) {
      const { report, relation } = await loadVisible(deps, actor, id);
      if (!canSubmitStage(actor, relation)) {
        throw await audit.deny(
          actor,
          { action: 'report.submit_stage', orgId: report.reporterOrgId, subjectType: 'report', subjectId: id },
          forbidden('report.stage_forbidden', 'Only the reporting organisation submits stages of its report'),
        );
      }
      const { cvss, severity } = validate(input);
      const changed: ReportRow = { ...report, ...columnsOf(input, cvss), severity };
      const facts = await factsOf(changed, input);
      await requireFields(report.reporterOrgId, stage, facts);
      return db.transaction(async (tx) => {
        const updated = await repo.update(tx, id, {
          ...columnsOf(input, cvss),
          severity,
          descriptionEnc: seal(deps, input.tier, id, 'texts', textsOf(input)),
          exploitationEvidenceEnc: input.exploitationEvidence
            ? seal(deps, input.tier, id, 'evidence', input.exploitationEvidence)
            : null,
          updatedAt: clock.now(),
        });
        const submission = await recordSubmission(tx, actor, updated, stage, input);
        await recompute(tx, facts);
        return { report: updated, submission };
      });
    },

    /** Corrects one timeline timestamp with a reason; obligations follow. */
    async changeTimeline(actor: Principal, id: string, field: TimelineField, value: string | null, reason: string) {
      const { report, relation } = await loadVisible(deps, actor, id);
      const allowed =
        (relation === 'reporter' && canSubmitReports(actor)) || (relation === 'operator' && canTriage(actor));
      if (!allowed) {
        throw await audit.deny(
          actor,
          { action: 'report.timeline_change', orgId: report.reporterOrgId, subjectType: 'report', subjectId: id },
          forbidden('report.timeline_forbidden', 'Only the reporter and operator analysts change the timeline'),
        );
      }
      const before = timelineOf(report)[field]?.toISOString() ?? null;
      const changed: ReportRow = { ...report, [field]: value ? new Date(value) : null };
      const { texts, evidence } = readTexts(changed);
      const facts = await factsOf(changed, contentOf(changed, texts, evidence));
      return db.transaction(async (tx) => {
        const updated = await repo.update(tx, id, { [field]: value ? new Date(value) : null, updatedAt: clock.now() });
        await audit.record(tx, actor, {
          action: 'report.timeline_changed',
          orgId: report.reporterOrgId,
          subjectType: 'report',
          subjectId: id,
          summary: { ref: report.ref, field, from: before, to: value, reason },
        });
        await recompute(tx, facts);
        return updated;
      });
    },

    /** Recomputes every report of an organisation, e.g. after its regimes changed. Each in its own transaction. */
    async recomputeForOrg(orgId: string): Promise<number> {
      const ids = await repo.idsOfOrg(db, orgId);
      for (const id of ids) {
        const row = (await repo.findVisible(db, id, { orgId: null, isOperator: true }))!;
        const { texts, evidence } = readTexts(row);
        const facts = await factsOf(row, contentOf(row, texts, evidence));
        await db.transaction((tx) => recompute(tx, facts));
      }
      return ids.length;
    },
  };
}
