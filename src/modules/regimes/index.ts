import type { Db } from '../../db/client.ts';
import type { JobQueue } from '../../jobs/index.ts';
import type { Clock } from '../../shared/clock.ts';
import type { AuditService } from '../audit/index.ts';
import type { OrganisationsService } from '../organisations/index.ts';
import { regimesJobs } from './regimes.jobs.ts';
import { loadRegimes } from './regimes.load.ts';
import { regimesRoutes } from './regimes.routes.ts';
import { ObligationDto, RegimeDto } from './regimes.schemas.ts';
import { createRegimesService } from './regimes.service.ts';

export { builtinRegimes } from './regimes.builtin.ts';
export {
  type ComputedObligation,
  computeObligations,
  missingFieldsFor,
  type ObligationStatus,
  obligationStatuses,
  type ReportContent,
  type ReportFacts,
  type SubmissionFacts,
} from './regimes.compute.ts';
export { addDuration, type Duration, isDuration, parseDuration } from './regimes.duration.ts';
export { checkRegimes, checkRegimesFile, loadRegimes } from './regimes.load.ts';
export type { Conditions, ObligationSpec, Regime, Severity, Stage, Trigger } from './regimes.model.ts';
export type { AssignmentRow, ObligationRow } from './regimes.repository.ts';
export { toObligationDto, toRegimeDto } from './regimes.routes.ts';
export { RECOMPUTE_ORG_JOB, type RegimesService } from './regimes.service.ts';

export function createRegimesModule(deps: {
  db: Db;
  clock: Clock;
  audit: AuditService;
  organisations: OrganisationsService;
  /** REGIMES_FILE: the operator's regimes, added to the built-ins. */
  regimesFile?: string | undefined;
  sweepEveryMs?: number;
  jobs: Pick<JobQueue, 'enqueue'>;
}) {
  const service = createRegimesService({ ...deps, regimes: loadRegimes(deps.regimesFile) });
  return {
    service,
    routes: regimesRoutes(service),
    schemas: [RegimeDto, ObligationDto],
    jobs: regimesJobs(service, deps.sweepEveryMs),
  };
}
