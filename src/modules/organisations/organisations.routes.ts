import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errorResponses, IdParams } from '../../http/schemas.ts';
import { capabilitiesOf } from './organisations.policy.ts';
import type { OrgRow, StatusChangeRow } from './organisations.repository.ts';
import {
  ChangeStatusBody,
  CreateOrgBody,
  ListOrgsQuery,
  type OrgDto,
  OrgPage,
  type PartnerStatus,
  StatusHistory,
  UpdateOrgBody,
} from './organisations.schemas.ts';
import type { OrganisationsService } from './organisations.service.ts';

export const toOrgDto = (row: OrgRow): OrgDto => ({
  id: row.id,
  name: row.name,
  shortName: row.shortName,
  kind: row.kind as OrgDto['kind'],
  country: row.country,
  sector: row.sector,
  contacts: row.contacts,
  partnerStatus: row.partnerStatus as OrgDto['partnerStatus'],
  partnerStatusUntil: row.partnerStatusUntil?.toISOString() ?? null,
  capabilities: capabilitiesOf(row.partnerStatus as PartnerStatus | null),
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

const toStatusChangeDto = (row: StatusChangeRow) => ({
  id: row.id,
  fromStatus: row.fromStatus as OrgDto['partnerStatus'],
  toStatus: row.toStatus as NonNullable<OrgDto['partnerStatus']>,
  reason: row.reason,
  legalBasis: row.legalBasis,
  until: row.until?.toISOString() ?? null,
  changedByLabel: row.changedByLabel,
  changedAt: row.changedAt.toISOString(),
});

const Org = Type.Ref('Organisation');
const tags = ['organisations'];

export function organisationsRoutes(service: OrganisationsService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/organisations',
      {
        schema: {
          tags,
          summary: 'List organisations',
          querystring: ListOrgsQuery,
          response: { 200: OrgPage, ...errorResponses },
        },
      },
      async (request) => {
        const page = await service.listOrganisations(request.principal!, request.query);
        return { ...page, items: page.items.map(toOrgDto), limit: request.query.limit, offset: request.query.offset };
      },
    );

    app.post(
      '/organisations',
      {
        schema: {
          tags,
          summary: 'Create an organisation',
          body: CreateOrgBody,
          response: { 201: Org, ...errorResponses },
        },
      },
      async (request, reply) => {
        const row = await service.createOrganisation(request.principal!, request.body);
        return reply.status(201).send(toOrgDto(row));
      },
    );

    app.get(
      '/organisations/:id',
      {
        schema: { tags, summary: 'Show an organisation', params: IdParams, response: { 200: Org, ...errorResponses } },
      },
      async (request) => toOrgDto(await service.getOrganisation(request.principal!, request.params.id)),
    );

    app.patch(
      '/organisations/:id',
      {
        schema: {
          tags,
          summary: 'Update an organisation',
          params: IdParams,
          body: UpdateOrgBody,
          response: { 200: Org, ...errorResponses },
        },
      },
      async (request) =>
        toOrgDto(await service.updateOrganisation(request.principal!, request.params.id, request.body)),
    );

    app.get(
      '/organisations/:id/status-history',
      {
        schema: {
          tags,
          summary: "A partner's status history, newest first",
          params: IdParams,
          response: { 200: StatusHistory, ...errorResponses },
        },
      },
      async (request) => ({
        items: (await service.listStatusHistory(request.principal!, request.params.id)).map(toStatusChangeDto),
      }),
    );

    app.post(
      '/organisations/:id/status',
      {
        schema: {
          tags,
          summary: "Change a partner's status (with reason, legal basis and end)",
          params: IdParams,
          body: ChangeStatusBody,
          response: { 200: Org, ...errorResponses },
        },
      },
      async (request) =>
        toOrgDto(await service.changePartnerStatus(request.principal!, request.params.id, request.body)),
    );
  };
}
