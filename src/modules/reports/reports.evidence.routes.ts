import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { DateTime, errorResponses, IdParams, StringEnum, Uuid } from '../../http/schemas.ts';
import type { EvidenceRow } from './evidence.repository.ts';
import { evidenceSources } from './reports.evidence.ts';
import type { ReportsService } from './reports.service.ts';

const tags = ['reports'];
const items = <T extends Parameters<typeof Type.Array>[0]>(schema: T) => Type.Object({ items: Type.Array(schema) });

const EvidenceDto = Type.Object({
  id: Uuid,
  source: Type.String(),
  awareAt: DateTime,
  description: Type.String(),
  referenceUrl: Type.Union([Type.String(), Type.Null()]),
  recordedBy: Type.String(),
  recordedAt: DateTime,
  withdrawnAt: Type.Union([DateTime, Type.Null()]),
  withdrawnReason: Type.Union([Type.String(), Type.Null()]),
});
const toEvidenceDto = (e: EvidenceRow) => ({
  id: e.id,
  source: e.source,
  awareAt: e.awareAt.toISOString(),
  description: e.description,
  referenceUrl: e.referenceUrl,
  recordedBy: e.recordedBy,
  recordedAt: e.recordedAt.toISOString(),
  withdrawnAt: e.withdrawnAt?.toISOString() ?? null,
  withdrawnReason: e.withdrawnReason,
});

/** Awareness evidence: recorded by operator analysts; the reporting clocks run from the earliest credible. */
export function reportEvidenceRoutes(service: ReportsService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/reports/:id/evidence',
      {
        schema: {
          tags,
          summary: 'Evidence of when the reporting organisation became aware',
          params: IdParams,
          response: { 200: items(EvidenceDto), ...errorResponses },
        },
      },
      async (request) => ({
        items: (await service.listEvidence(request.principal!, request.params.id)).map(toEvidenceDto),
      }),
    );

    app.post(
      '/reports/:id/evidence',
      {
        schema: {
          tags,
          summary: 'Record evidence of earlier awareness (operator analysts); the clocks run from the earliest',
          params: IdParams,
          body: Type.Object(
            {
              source: StringEnum(evidenceSources),
              awareAt: DateTime,
              description: Type.String({ minLength: 1, maxLength: 4000 }),
              referenceUrl: Type.Optional(Type.String({ format: 'uri', maxLength: 2000 })),
            },
            { additionalProperties: false },
          ),
          response: { 201: EvidenceDto, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(toEvidenceDto(await service.recordEvidence(request.principal!, request.params.id, request.body))),
    );

    app.post(
      '/reports/:id/evidence/:evidenceId/withdraw',
      {
        schema: {
          tags,
          summary: 'Withdraw evidence with a reason; the clocks are recomputed',
          params: Type.Object({ id: Uuid, evidenceId: Uuid }, { additionalProperties: false }),
          body: Type.Object(
            { reason: Type.String({ minLength: 1, maxLength: 4000 }) },
            { additionalProperties: false },
          ),
          response: { 200: EvidenceDto, ...errorResponses, 409: Type.Ref('Problem') },
        },
      },
      async (request) =>
        toEvidenceDto(
          await service.withdrawEvidence(
            request.principal!,
            request.params.id,
            request.params.evidenceId,
            request.body.reason,
          ),
        ),
    );
  };
}
