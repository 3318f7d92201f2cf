import { notFound } from '../../shared/errors.ts';
import type { Principal } from '../../shared/principal.ts';
import { createAttachments } from './reports.attachments.ts';
import { contentOf } from './reports.content.ts';
import { loadVisible, type ReportsDeps, unseal, viewerOf } from './reports.context.ts';
import { createCoordination } from './reports.coordination.ts';
import { createEvidence } from './reports.evidence.ts';
import { createImport } from './reports.import.ts';
import { createIntake } from './reports.intake.ts';
import { canTriage, nextStatuses } from './reports.policy.ts';
import { type ReportFilter, type ReportSort, reportsRepository as repo } from './reports.repository.ts';
import type { ReportInput, ReportStatus } from './reports.schemas.ts';
import { reportStores } from './reports.stores.ts';
import { createWorkflow } from './reports.workflow.ts';

export interface ReportsServiceDeps extends ReportsDeps {
  findOrg: (
    id: string,
  ) => Promise<{ id: string; name: string; kind: string; partnerStatus: string | null } | undefined>;
  findUser: (id: string) => Promise<{ orgKind: string; role: string; name: string } | undefined>;
}

/** Vulnerability reports: intake with receipts, obligations, triage, coordination with vendors, attachments. */
export function createReportsService(deps: ReportsServiceDeps) {
  for (const store of reportStores) deps.keys.registerStore(store);
  const intake = createIntake(deps);
  const workflow = createWorkflow(deps);
  const coordination = createCoordination(deps);
  const attachments = createAttachments(deps);
  const uploads = createImport(intake);
  const evidence = createEvidence(deps, intake);
  const { db } = deps;

  return {
    ...attachments,
    ...evidence,
    ...coordination,
    submitReport: intake.submitReport,
    submitStage: intake.submitStage,
    importDocument: uploads.importDocument,
    changeTimeline: intake.changeTimeline,
    recomputeForOrg: intake.recomputeForOrg,
    transition: workflow.transition,
    assign: (actor: Principal, id: string, assigneeId: string | null) =>
      workflow.assign(actor, id, assigneeId, deps.findUser),
    suggestDuplicates: workflow.suggestDuplicates,
    addComment: workflow.addComment,
    listComments: workflow.listComments,

    listReports(
      actor: Principal,
      filter: Omit<ReportFilter, 'deadline'> & { deadline?: 'due_soon' | 'overdue' | undefined },
      page: { limit: number; offset: number; sort: ReportSort; order: 'asc' | 'desc' },
    ) {
      const deadline = filter.deadline ? { kind: filter.deadline, now: deps.clock.now() } : undefined;
      return repo.list(db, viewerOf(actor), { ...filter, deadline }, page);
    },

    /** The whole report for someone who may see it; a vendor's first look is recorded. */
    async getReport(actor: Principal, id: string) {
      const { report, relation } = await loadVisible(deps, actor, id);
      if (relation === 'vendor') await coordination.noteSeen(actor, id, report.reporterOrgId);
      const { texts, evidence } = intake.readTexts(report);
      const reporter = relation === 'vendor' ? null : await deps.findOrg(report.reporterOrgId);
      const assignee = report.assigneeId && canTriage(actor) ? await deps.findUser(report.assigneeId) : undefined;
      const cve = report.cveId ? await deps.kev.findCve(report.cveId) : undefined;
      const kev = report.cveId ? await deps.kev.findKevEntry(report.cveId) : undefined;
      return {
        allowedTransitions: canTriage(actor) ? [...nextStatuses(report.status as ReportStatus)] : [],
        catalog: { cve: cve !== undefined, kevDateAdded: kev?.dateAdded ?? null },
        report,
        relation,
        content: contentOf(report, texts, evidence),
        reporter: reporter ? { orgId: reporter.id, name: reporter.name } : null,
        assignee: assignee && report.assigneeId ? { id: report.assigneeId, name: assignee.name } : null,
      };
    },

    async listSubmissions(actor: Principal, id: string) {
      const { relation } = await loadVisible(deps, actor, id);
      if (relation === 'vendor') return [];
      return repo.listSubmissions(db, id);
    },

    async getSubmission(actor: Principal, id: string, submissionId: string) {
      const { relation } = await loadVisible(deps, actor, id);
      const row = relation === 'vendor' ? undefined : await repo.findSubmission(db, id, submissionId);
      if (!row) throw notFound('submission.not_found', `Submission ${submissionId} not found`);
      return { ...row, content: unseal<ReportInput>(deps, id, 'submission', row.contentEnc) };
    },

    async listTransitions(actor: Principal, id: string) {
      await loadVisible(deps, actor, id);
      return repo.listTransitions(db, id);
    },

    async listVendors(actor: Principal, id: string) {
      const { relation } = await loadVisible(deps, actor, id);
      const vendors = await repo.listVendors(db, id);
      const statements = await repo.listStatements(db, id, relation === 'vendor' ? (actor.orgId ?? '') : undefined);
      const shown = relation === 'vendor' ? vendors.filter((v) => v.orgId === actor.orgId) : vendors;
      return shown.map((v) => ({ ...v, statements: statements.filter((s) => s.orgId === v.orgId) }));
    },

    async listObligations(actor: Principal, id: string) {
      const { relation } = await loadVisible(deps, actor, id);
      if (relation === 'vendor') return [];
      return deps.obligations.listForReport(id);
    },

    remindSilentVendors: coordination.remindSilentVendors,
  };
}

export type ReportsService = ReturnType<typeof createReportsService>;
