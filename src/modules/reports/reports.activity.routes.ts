import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { DateTime, errorResponses, IdParams, StringEnum, Uuid } from '../../http/schemas.ts';
import { ATTACHMENT_MAX_BYTES, acceptedMediaTypes } from './reports.attachments.ts';
import { vexJustifications, vexStatuses } from './reports.coordination.ts';
import {
  CommentDto,
  StatementDto,
  toCommentDto,
  toStatementDto,
  toSummaryDto,
  toVendorDto,
  VendorDto,
} from './reports.dto.ts';
import { reportStatuses } from './reports.schemas.ts';
import type { ReportsService } from './reports.service.ts';

const tags = ['reports'];
const items = <T extends Parameters<typeof Type.Array>[0]>(schema: T) => Type.Object({ items: Type.Array(schema) });
const AttachmentDto = Type.Object({
  id: Uuid,
  filename: Type.String(),
  mediaType: Type.String(),
  size: Type.Integer(),
  sha256: Type.String(),
  uploadedBy: Type.String(),
  createdAt: DateTime,
});
const toAttachmentDto = (a: { createdAt: Date } & Record<string, unknown>) => ({
  id: a.id as string,
  filename: a.filename as string,
  mediaType: a.mediaType as string,
  size: a.size as number,
  sha256: a.sha256 as string,
  uploadedBy: a.uploadedBy as string,
  createdAt: a.createdAt.toISOString(),
});

export function reportActivityRoutes(service: ReportsService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/reports/:id/transitions',
      {
        schema: {
          tags,
          summary: 'Move a report through the triage workflow (operator analysts)',
          params: IdParams,
          body: Type.Object(
            {
              to: StringEnum(reportStatuses),
              reason: Type.String({ minLength: 1, maxLength: 4000 }),
              duplicateOf: Type.Optional(Uuid),
            },
            { additionalProperties: false },
          ),
          response: { 200: Type.Ref('ReportSummary'), ...errorResponses, 409: Type.Ref('Problem') },
        },
      },
      async (request) => {
        const { to, reason, duplicateOf } = request.body;
        return toSummaryDto(await service.transition(request.principal!, request.params.id, to, reason, duplicateOf));
      },
    );

    app.put(
      '/reports/:id/assignee',
      {
        schema: {
          tags,
          summary: 'Assign the report to an operator analyst (or null to unassign)',
          params: IdParams,
          body: Type.Object({ assigneeId: Type.Union([Uuid, Type.Null()]) }, { additionalProperties: false }),
          response: { 200: Type.Ref('ReportSummary'), ...errorResponses },
        },
      },
      async (request) =>
        toSummaryDto(await service.assign(request.principal!, request.params.id, request.body.assigneeId)),
    );

    app.get(
      '/reports/:id/duplicates',
      {
        schema: {
          tags,
          summary: 'Possible duplicates for the analyst to decide on',
          params: IdParams,
          response: {
            200: items(Type.Object({ report: Type.Ref('ReportSummary'), reasons: Type.Array(Type.String()) })),
            ...errorResponses,
          },
        },
      },
      async (request) => ({
        items: (await service.suggestDuplicates(request.principal!, request.params.id)).map((s) => ({
          report: toSummaryDto(s.report),
          reasons: s.reasons,
        })),
      }),
    );

    app.get(
      '/reports/:id/comments',
      {
        schema: {
          tags,
          summary: 'The thread between the operator and the reporter',
          params: IdParams,
          response: { 200: items(CommentDto), ...errorResponses },
        },
      },
      async (request) => ({
        items: (await service.listComments(request.principal!, request.params.id)).map(toCommentDto),
      }),
    );

    app.post(
      '/reports/:id/comments',
      {
        schema: {
          tags,
          summary: 'Add to the thread',
          params: IdParams,
          body: Type.Object(
            { body: Type.String({ minLength: 1, maxLength: 20_000 }) },
            { additionalProperties: false },
          ),
          response: { 201: CommentDto, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(toCommentDto(await service.addComment(request.principal!, request.params.id, request.body.body))),
    );

    app.get(
      '/reports/:id/vendors',
      {
        schema: {
          tags,
          summary: 'Vendors brought into the report and their statements',
          params: IdParams,
          response: { 200: items(VendorDto), ...errorResponses },
        },
      },
      async (request) => ({
        items: (await service.listVendors(request.principal!, request.params.id)).map(toVendorDto),
      }),
    );

    app.post(
      '/reports/:id/vendors',
      {
        schema: {
          tags,
          summary: 'Bring an affected vendor organisation into the report',
          params: IdParams,
          body: Type.Object({ orgId: Uuid }, { additionalProperties: false }),
          response: { 200: Type.Object({ added: Type.Boolean() }), ...errorResponses },
        },
      },
      async (request) => service.addVendor(request.principal!, request.params.id, request.body.orgId),
    );

    app.post(
      '/reports/:id/statements',
      {
        schema: {
          tags,
          summary: "A vendor's answer for one affected product (CSAF/VEX status)",
          params: IdParams,
          body: Type.Object(
            {
              productIndex: Type.Integer({ minimum: 0 }),
              status: StringEnum(vexStatuses),
              justification: Type.Optional(StringEnum(vexJustifications)),
              statement: Type.String({ minLength: 1, maxLength: 20_000 }),
            },
            { additionalProperties: false },
          ),
          response: { 201: StatementDto, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(toStatementDto(await service.addStatement(request.principal!, request.params.id, request.body))),
    );

    app.get(
      '/reports/:id/attachments',
      {
        schema: {
          tags,
          summary: 'Attached files (metadata)',
          params: IdParams,
          response: { 200: items(AttachmentDto), ...errorResponses },
        },
      },
      async (request) => ({
        items: (await service.listAttachments(request.principal!, request.params.id)).map(toAttachmentDto),
      }),
    );

    app.post(
      '/reports/:id/attachments',
      {
        bodyLimit: Math.ceil(ATTACHMENT_MAX_BYTES * 1.4) + 4096,
        schema: {
          tags,
          summary: `Attach a file (base64; at most ${ATTACHMENT_MAX_BYTES} bytes; encrypted at rest)`,
          params: IdParams,
          body: Type.Object(
            {
              filename: Type.String({ minLength: 1, maxLength: 255, pattern: '^[^/\\\\\\u0000]+$' }),
              mediaType: Type.String({
                minLength: 3,
                maxLength: 100,
                description: `One of ${acceptedMediaTypes.join(', ')}`,
              }),
              contentBase64: Type.String({ minLength: 1, contentEncoding: 'base64' }),
            },
            { additionalProperties: false },
          ),
          response: { 201: AttachmentDto, ...errorResponses },
        },
      },
      async (request, reply) => {
        const { filename, mediaType, contentBase64 } = request.body;
        const content = Buffer.from(contentBase64, 'base64');
        const meta = await service.addAttachment(request.principal!, request.params.id, {
          filename,
          mediaType,
          content,
        });
        return reply.status(201).send(toAttachmentDto(meta));
      },
    );

    app.get(
      '/reports/:id/attachments/:attachmentId',
      {
        schema: {
          tags,
          summary: 'Download an attached file',
          params: Type.Object({ id: Uuid, attachmentId: Uuid }, { additionalProperties: false }),
        },
      },
      async (request, reply) => {
        const file = await service.readAttachment(request.principal!, request.params.id, request.params.attachmentId);
        return reply
          .type(file.mediaType)
          .header('content-disposition', `attachment; filename="${file.filename.replace(/["\r\n]/g, '_')}"`)
          .send(file.content);
      },
    );
  };
}
