import type { Db } from '../../db/client.ts';
import type { Clock } from '../../shared/clock.ts';
import type { AuditService } from '../audit/index.ts';
import { organisationsRoutes } from './organisations.routes.ts';
import { OrgDto } from './organisations.schemas.ts';
import { createOrganisationsService } from './organisations.service.ts';

export { type Capabilities, capabilitiesOf, statusesWithoutPartnerOnly } from './organisations.policy.ts';
export type { OrgRow } from './organisations.repository.ts';
export { toOrgDto } from './organisations.routes.ts';
export { type ChangeStatusInput, CreateOrgBody, type PartnerStatus, partnerStatuses } from './organisations.schemas.ts';
export type { OrganisationsService } from './organisations.service.ts';

export function createOrganisationsModule(deps: { db: Db; clock: Clock; audit: AuditService }) {
  const service = createOrganisationsService(deps);
  return { service, routes: organisationsRoutes(service), schemas: [OrgDto] };
}
