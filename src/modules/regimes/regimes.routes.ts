import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errorResponses, IdParams } from '../../http/schemas.ts';
import type { Regime } from './regimes.model.ts';
import { stages } from './regimes.model.ts';
import type { AssignmentRow, ObligationRow } from './regimes.repository.ts';
import {
  AssignBody,
  AssignmentList,
  AssignmentParams,
  ListObligationsQuery,
  type ObligationDto,
  ObligationPage,
  type RegimeDto,
  RegimeList,
  RegimeParams,
} from './regimes.schemas.ts';
import type { RegimesService } from './regimes.service.ts';

export const toRegimeDto = (r: Regime): RegimeDto => ({
  id: r.id,
  name: r.name,
  description: r.description,
  legalBasis: r.legalBasis,
  builtIn: r.builtIn === true,
  appliesTo: r.appliesTo ?? null,
  obligations: r.obligations.map((o) => ({
    key: o.key,
    title: o.title,
    stage: o.stage,
    trigger: o.trigger,
    period: o.period,
    requiredFields: o.requiredFields,
    conditions: o.conditions ?? null,
    satisfiedBy: o.satisfiedBy ?? stages.filter((s) => stages.indexOf(s) >= stages.indexOf(o.stage)),
    legalReference: o.legalReference ?? null,
  })),
});

const iso = (d: Date | null) => d?.toISOString() ?? null;

export const toObligationDto = (
  row: ObligationRow & { reportRef?: string | null; reportTitle?: string | null },
): ObligationDto => ({
  id: row.id,
  reportId: row.reportId,
  reportRef: row.reportRef ?? null,
  reportTitle: row.reportTitle ?? null,
  orgId: row.orgId,
  regimeId: row.regimeId,
  obligationKey: row.obligationKey,
  title: row.title,
  stage: row.stage as ObligationDto['stage'],
  trigger: row.trigger as ObligationDto['trigger'],
  triggerAt: iso(row.triggerAt),
  triggerSource: row.triggerSource,
  dueAt: iso(row.dueAt),
  metAt: iso(row.metAt),
  metBySubmissionId: row.metBySubmissionId,
  status: row.status as ObligationDto['status'],
  latenessSeconds: row.latenessSeconds,
  missingFields: row.missingFields,
  computedAt: row.computedAt.toISOString(),
});

const tags = ['regimes'];

export function regimesRoutes(service: RegimesService): FastifyPluginAsyncTypebox {
  const toAssignmentDto = (a: AssignmentRow) => ({
    orgId: a.orgId,
    regimeId: a.regimeId,
    regimeName: service.listRegimes().find((r) => r.id === a.regimeId)?.name ?? null,
    assignedBy: a.assignedBy,
    assignedAt: a.assignedAt.toISOString(),
  });

  return async (app) => {
    app.get(
      '/regimes',
      {
        schema: {
          tags,
          summary: 'List reporting regimes (built-in and configured)',
          response: { 200: RegimeList, ...errorResponses },
        },
      },
      async () => ({ items: service.listRegimes().map(toRegimeDto) }),
    );

    app.get(
      '/regimes/:id',
      {
        schema: {
          tags,
          summary: 'Show a reporting regime and its obligations',
          params: RegimeParams,
          response: { 200: Type.Ref('Regime'), ...errorResponses },
        },
      },
      async (request) => toRegimeDto(service.getRegime(request.params.id)),
    );

    app.get(
      '/organisations/:id/regimes',
      {
        schema: {
          tags,
          summary: 'Regimes assigned to an organisation',
          params: IdParams,
          response: { 200: AssignmentList, ...errorResponses },
        },
      },
      async (request) => ({
        items: (await service.listAssignments(request.principal!, request.params.id)).map(toAssignmentDto),
      }),
    );

    app.post(
      '/organisations/:id/regimes',
      {
        schema: {
          tags,
          summary: 'Assign a regime to an organisation',
          params: IdParams,
          body: AssignBody,
          response: { 201: AssignmentList.properties.items.items, ...errorResponses },
        },
      },
      async (request, reply) => {
        const row = await service.assignRegime(request.principal!, request.params.id, request.body.regimeId);
        return reply.status(201).send(toAssignmentDto(row));
      },
    );

    app.delete(
      '/organisations/:id/regimes/:regimeId',
      {
        schema: {
          tags,
          summary: 'Remove a regime from an organisation',
          params: AssignmentParams,
          response: { 204: Type.Null(), ...errorResponses },
        },
      },
      async (request, reply) => {
        await service.unassignRegime(request.principal!, request.params.id, request.params.regimeId);
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/obligations',
      {
        schema: {
          tags,
          summary: 'Reporting obligations (the deadlines board), soonest due first',
          querystring: ListObligationsQuery,
          response: { 200: ObligationPage, ...errorResponses },
        },
      },
      async (request) => {
        const page = await service.listObligations(request.principal!, request.query);
        return {
          items: page.items.map(toObligationDto),
          total: page.total,
          limit: request.query.limit,
          offset: request.query.offset,
        };
      },
    );
  };
}
