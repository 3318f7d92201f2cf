import { systemRoutes } from './system.routes.ts';
import { createSystemService, type SystemDeps } from './system.service.ts';

export type { SystemService } from './system.service.ts';

export function createSystemModule(deps: SystemDeps & { version: string }) {
  const service = createSystemService(deps);
  const routes = systemRoutes(service, {
    version: deps.version,
    operatorName: deps.operatorName,
    database: deps.database.kind,
  });
  return { service, routes, schemas: [] };
}
