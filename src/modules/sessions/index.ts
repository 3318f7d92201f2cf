import type { Db } from '../../db/client.ts';
import type { Clock } from '../../shared/clock.ts';
import type { AuditService } from '../audit/index.ts';
import type { UsersService } from '../users/index.ts';
import { sessionsRoutes } from './sessions.routes.ts';
import { createSessionsService } from './sessions.service.ts';

export { SESSION_COOKIE } from './sessions.routes.ts';
export { type ResolvedSession, type SessionsService, userPrincipal } from './sessions.service.ts';

export interface SessionsModuleDeps {
  db: Db;
  clock: Clock;
  audit: AuditService;
  users: UsersService;
  ttlHours: number;
  signInMaxPerMinute: number;
  secureCookies: boolean;
}

export function createSessionsModule(deps: SessionsModuleDeps) {
  const service = createSessionsService(deps);
  const routes = sessionsRoutes({
    sessions: service,
    users: deps.users,
    signInMaxPerMinute: deps.signInMaxPerMinute,
    secureCookies: deps.secureCookies,
  });
  return { service, routes, schemas: [] };
}
