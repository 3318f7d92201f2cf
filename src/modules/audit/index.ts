import type { Db } from '../../db/client.ts';
import type { Clock } from '../../shared/clock.ts';
import type { Signer } from '../../shared/signer.ts';
import { auditRoutes } from './audit.routes.ts';
import { createAuditService } from './audit.service.ts';

export { entryBytes, GENESIS_HASH, hashEntry } from './audit.chain.ts';
export { toAuditDto } from './audit.routes.ts';
export { type AuditEvent, type AuditService, createAuditService, type VerifyResult } from './audit.service.ts';

export function createAuditModule(deps: { db: Db; clock: Clock; signer: Signer }) {
  const service = createAuditService(deps);
  return { service, routes: auditRoutes(service), schemas: [] };
}
