import type { Db } from '../../db/client.ts';
import type { Clock } from '../../shared/clock.ts';
import type { AuditService } from '../audit/index.ts';
import { tokensRoutes } from './tokens.routes.ts';
import { TokenDto } from './tokens.schemas.ts';
import { createTokensService } from './tokens.service.ts';

export { toTokenDto } from './tokens.routes.ts';
export { CreateTokenBody } from './tokens.schemas.ts';
export type { TokensService } from './tokens.service.ts';

export function createTokensModule(deps: { db: Db; clock: Clock; audit: AuditService }) {
  const service = createTokensService(deps);
  return { service, routes: tokensRoutes(service), schemas: [TokenDto] };
}
