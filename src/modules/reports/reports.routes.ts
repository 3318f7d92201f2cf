import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errorResponses, IdParams, Uuid } from '../../http/schemas.ts';
import {
  ImportBody,
  ListReportsQuery,
  ObligationDto,
  ReportPage,
  SubmitReportBody,
  SubmitStageBody,
  TimelineBody,
  TransitionDto,
  toObligationDto,
  toSubmissionDto,
  toSummaryDto,
  toTransitionDto,
} from './reports.dto.ts';
import type { ReportsService } from './reports.service.ts';

const tags = ['reports'];
const Report = Type.Ref('Report');
const Submission = Type.Ref('Submission');
const Created = Type.Object({ report: Report, submission: Submission });

type Detail = Awaited<ReturnType<ReportsService['getReport']>>;
export const toReportDto = ({
  report,
  relation,
  content,
  reporter,
  assignee,
  catalog,
  allowedTransitions,
}: Detail) => ({
  id: report.id,
  ref: report.ref,
  status: report.status,
  severity: report.severity,
  cvss: {
    v31: report.cvssV31Vector ? { vector: report.cvssV31Vector, score: report.cvssV31Score ?? 0 } : null,
    v40: report.cvssV40Vector ? { vector: report.cvssV40Vector, score: report.cvssV40Score ?? 0 } : null,
  },
  relation,
  allowedTransitions,
  reporter,
  assignee,
  duplicateOf: report.duplicateOf,
  source: report.source,
  catalog,
  receivedAt: report.receivedAt.toISOString(),
  createdAt: report.createdAt.toISOString(),
  updatedAt: report.updatedAt.toISOString(),
  content,
});

export function reportsRoutes(service: ReportsService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/reports',
      {
        schema: {
          tags,
          summary: 'List the reports you may see (the triage queue for operator analysts)',
          querystring: ListReportsQuery,
          response: { 200: ReportPage, ...errorResponses },
        },
      },
      async (request) => {
        const { limit, offset, sort, order, status, severity, ...filter } = request.query;
        const page = await service.listReports(
          request.principal!,
          { ...filter, status: status?.split(','), severity: severity?.split(',') },
          { limit, offset, sort, order },
        );
        return { items: page.items.map(toSummaryDto), total: page.total, limit, offset };
      },
    );

    app.post(
      '/reports',
      {
        schema: {
          tags,
          summary: 'Submit a vulnerability report; the answer carries a signed receipt',
          body: SubmitReportBody,
          response: { 201: Created, ...errorResponses, 422: Type.Ref('Problem') },
        },
      },
      async (request, reply) => {
        const { stage, ...input } = request.body;
        // A signed-in session is the web UI's form (its CSRF token is in the page); an API token is a program.
        const source = request.principal!.kind === 'token' ? 'api' : 'form';
        const { report, submission } = await service.submitReport(request.principal!, input, stage ?? 'initial', {
          source,
        });
        const detail = await service.getReport(request.principal!, report.id);
        return reply.status(201).send({ report: toReportDto(detail), submission: toSubmissionDto(submission) });
      },
    );

    app.post(
      '/reports/import',
      {
        bodyLimit: 20 * 1024 * 1024,
        schema: {
          tags,
          summary: 'Report by uploading a CVE JSON 5 record or a CSAF 2.0 document (one report per CSAF vulnerability)',
          body: ImportBody,
          response: { 201: Type.Object({ items: Type.Array(Created) }), ...errorResponses, 422: Type.Ref('Problem') },
        },
      },
      async (request, reply) => {
        const { format, document, stage, ...overrides } = request.body;
        const actor = request.principal!;
        const results = await service.importDocument(actor, format, document, overrides, stage ?? 'initial');
        const items = [];
        for (const { report, submission } of results) {
          items.push({
            report: toReportDto(await service.getReport(actor, report.id)),
            submission: toSubmissionDto(submission),
          });
        }
        return reply.status(201).send({ items });
      },
    );

    app.get(
      '/reports/:id',
      { schema: { tags, summary: 'Show a report', params: IdParams, response: { 200: Report, ...errorResponses } } },
      async (request) => toReportDto(await service.getReport(request.principal!, request.params.id)),
    );

    app.post(
      '/reports/:id/submissions',
      {
        schema: {
          tags,
          summary: 'Submit a later stage (early warning, notification, final report, update) with the full content',
          params: IdParams,
          body: SubmitStageBody,
          response: { 201: Created, ...errorResponses, 409: Type.Ref('Problem'), 422: Type.Ref('Problem') },
        },
      },
      async (request, reply) => {
        const { submission } = await service.submitStage(
          request.principal!,
          request.params.id,
          request.body.stage,
          request.body.report,
        );
        const detail = await service.getReport(request.principal!, request.params.id);
        return reply.status(201).send({ report: toReportDto(detail), submission: toSubmissionDto(submission) });
      },
    );

    app.get(
      '/reports/:id/submissions',
      {
        schema: {
          tags,
          summary: 'Every stage received, with its receipt',
          params: IdParams,
          response: { 200: Type.Object({ items: Type.Array(Submission) }), ...errorResponses },
        },
      },
      async (request) => ({
        items: (await service.listSubmissions(request.principal!, request.params.id)).map(toSubmissionDto),
      }),
    );

    app.get(
      '/reports/:id/submissions/:submissionId/receipt',
      {
        schema: {
          tags,
          summary: 'Download a receipt (compact JWS, application/jose)',
          params: Type.Object({ id: Uuid, submissionId: Uuid }, { additionalProperties: false }),
        },
      },
      async (request, reply) => {
        const row = await service.getSubmission(request.principal!, request.params.id, request.params.submissionId);
        return reply
          .type('application/jose')
          .header('content-disposition', `attachment; filename="receipt-${row.id}.jws"`)
          .send(row.receipt);
      },
    );

    app.get(
      '/reports/:id/submissions/:submissionId/content',
      {
        schema: {
          tags,
          summary: 'The content of one stage exactly as received: its canonical JSON hashes to the receipt',
          params: Type.Object({ id: Uuid, submissionId: Uuid }, { additionalProperties: false }),
        },
      },
      async (request, reply) => {
        const row = await service.getSubmission(request.principal!, request.params.id, request.params.submissionId);
        return reply.type('application/json').send(JSON.stringify(row.content));
      },
    );

    app.patch(
      '/reports/:id/timeline',
      {
        schema: {
          tags,
          summary: 'Correct a timeline timestamp (audited with the reason); obligations are recomputed',
          params: IdParams,
          body: TimelineBody,
          response: { 200: Report, ...errorResponses },
        },
      },
      async (request) => {
        const { field, value, reason } = request.body;
        await service.changeTimeline(request.principal!, request.params.id, field, value, reason);
        return toReportDto(await service.getReport(request.principal!, request.params.id));
      },
    );

    app.get(
      '/reports/:id/obligations',
      {
        schema: {
          tags,
          summary: "The report's reporting obligations under its organisation's regimes",
          params: IdParams,
          response: { 200: Type.Object({ items: Type.Array(ObligationDto) }), ...errorResponses },
        },
      },
      async (request) => ({
        items: (await service.listObligations(request.principal!, request.params.id)).map(toObligationDto),
      }),
    );

    app.get(
      '/reports/:id/transitions',
      {
        schema: {
          tags,
          summary: 'Workflow history',
          params: IdParams,
          response: { 200: Type.Object({ items: Type.Array(TransitionDto) }), ...errorResponses },
        },
      },
      async (request) => ({
        items: (await service.listTransitions(request.principal!, request.params.id)).map(toTransitionDto),
      }),
    );
  };
}
