import type { Db } from '../../db/client.ts';
import type { Clock } from '../../shared/clock.ts';
import type { AuditService } from '../audit/index.ts';
import { catalogRoutes } from './catalog.routes.ts';
import { CveSummaryDto, KevEntryDto } from './catalog.schemas.ts';
import { type CatalogService, createCatalogService } from './catalog.service.ts';

export { kevExploitationEvidence } from '../../standards/kev/index.ts';
export type { ImportFailure, ImportResult } from './catalog.import.ts';
export type { CveRow, KevRow } from './catalog.repository.ts';
export { toCveSummaryDto, toKevEntryDto } from './catalog.routes.ts';
export type { CatalogService, ImportProgress, KevImportResult } from './catalog.service.ts';

/** What the reports module needs: public CVE and KEV data by CVE id (a KEV dateAdded is evidence of exploitation). */
export type CatalogLookup = Pick<CatalogService, 'findCve' | 'findKevEntry'>;

export function createCatalogModule(deps: { db: Db; clock: Clock; audit: AuditService }) {
  const service = createCatalogService(deps);
  return { service, routes: catalogRoutes(service), schemas: [KevEntryDto, CveSummaryDto] };
}
