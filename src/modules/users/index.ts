import type { Db } from '../../db/client.ts';
import type { Clock } from '../../shared/clock.ts';
import type { AuditService } from '../audit/index.ts';
import type { OrganisationsService } from '../organisations/index.ts';
import { usersRoutes } from './users.routes.ts';
import { UserDto } from './users.schemas.ts';
import { createUsersService } from './users.service.ts';

export type { UserWithOrg } from './users.repository.ts';
export { toUserDto } from './users.routes.ts';
export { CreateUserBody } from './users.schemas.ts';
export type { UsersService } from './users.service.ts';

export function createUsersModule(deps: {
  db: Db;
  clock: Clock;
  audit: AuditService;
  organisations: OrganisationsService;
}) {
  const service = createUsersService(deps);
  return { service, routes: usersRoutes(service), schemas: [UserDto] };
}
