import type { Db } from '../../db/client.ts';
import type { Clock } from '../../shared/clock.ts';
import type { AuditService } from '../audit/index.ts';
import type { OrganisationsService } from '../organisations/index.ts';
import { scorecardsRoutes } from './scorecards.routes.ts';
import { ScorecardDto, StatisticsDto } from './scorecards.schemas.ts';
import { createScorecardsService } from './scorecards.service.ts';

export type { ScorecardDto, StatisticsDto } from './scorecards.schemas.ts';
export type { ScorecardsService } from './scorecards.service.ts';

/** Compliance scorecards and operator statistics: read-only figures computed from obligations and reports. */
export function createScorecardsModule(deps: {
  db: Db;
  clock: Clock;
  audit: Pick<AuditService, 'deny'>;
  organisations: Pick<OrganisationsService, 'getOrganisation'>;
}) {
  const service = createScorecardsService(deps);
  return { service, routes: scorecardsRoutes(service), schemas: [ScorecardDto, StatisticsDto] };
}
