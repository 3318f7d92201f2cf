import { createReviewsService } from './reviews.service.ts';
import type { SanctionsDeps } from './sanctions.context.ts';
import { sanctionsJobs } from './sanctions.jobs.ts';
import { sanctionsRoutes } from './sanctions.routes.ts';
import { RectificationDto, ReviewDto, SanctionDto } from './sanctions.schemas.ts';
import { createSanctionsService } from './sanctions.service.ts';

export type { ReviewsService } from './reviews.service.ts';
export type { Notice, NotifyPort } from './sanctions.context.ts';
export {
  type ReviewStatus,
  reviewDecisions,
  reviewStatuses,
  type SanctionStatus,
  sanctionDecisions,
  sanctionStatuses,
} from './sanctions.model.ts';
export type { ReviewRow, SanctionRow } from './sanctions.repository.ts';
export { toRectificationDto, toReviewDto, toSanctionDto } from './sanctions.routes.ts';
export { ApprovalBody, DecideBody, ProposeBody, ReviewDecisionBody } from './sanctions.schemas.ts';
export { PROPOSE_JOB, type SanctionsService, SWEEP_JOB } from './sanctions.service.ts';

export function createSanctionsModule(deps: SanctionsDeps & { sweepEveryMs?: number }) {
  const service = createSanctionsService(deps);
  const reviews = createReviewsService(deps, service);
  return {
    service,
    reviews,
    routes: sanctionsRoutes(service, reviews),
    schemas: [SanctionDto, ReviewDto, RectificationDto],
    jobs: sanctionsJobs(service, reviews, deps.sweepEveryMs),
  };
}
