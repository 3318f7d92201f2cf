import type { Db } from '../../db/client.ts';
import type { Clock } from '../../shared/clock.ts';
import type { Signer } from '../../shared/signer.ts';
import type { AuditService } from '../audit/index.ts';
import { keysRoutes } from './keys.routes.ts';
import { createKeysService } from './keys.service.ts';

export { type Tier, tiers } from './envelope.ts';
export { loadOrCreateMasterKey, loadOrCreateSigningKey } from './key-files.ts';
export type { EncryptedStore, KeysService, RotationResult } from './keys.service.ts';

export function createKeysModule(deps: {
  db: Db;
  clock: Clock;
  masterKey: Buffer;
  signer: Signer;
  audit: AuditService;
}) {
  const service = createKeysService(deps);
  return { service, routes: keysRoutes(deps.signer), schemas: [] };
}
