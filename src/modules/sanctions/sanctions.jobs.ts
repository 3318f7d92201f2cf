import type { ModuleJobs } from '../../jobs/index.ts';
import type { ReviewsService } from './reviews.service.ts';
import { PROPOSE_JOB, type SanctionsService, SWEEP_JOB } from './sanctions.service.ts';

/**
 * `sanctions.propose`: the policy's proposal for violations just opened (enqueued with them).
 * `sanctions.sweep`: catches up on proposals, starts scheduled sanctions, opens the reviews of ended suspensions.
 * Both idempotent: one proposal per violation (claimed with SKIP LOCKED, unique index), due rows claimed with SKIP
 * LOCKED; a due sanction that cannot be processed fails the job after the others are done.
 */
export function sanctionsJobs(
  sanctions: Pick<SanctionsService, 'proposeForViolations'>,
  reviews: Pick<ReviewsService, 'sweep'>,
  everyMs = 60_000,
): ModuleJobs {
  return {
    handlers: {
      [PROPOSE_JOB]: async (payload) => {
        const ids = Array.isArray(payload.violationIds) ? (payload.violationIds as string[]) : undefined;
        await sanctions.proposeForViolations(ids);
      },
      [SWEEP_JOB]: async (_payload, { now }) => {
        await sanctions.proposeForViolations();
        const { failed } = await reviews.sweep(now);
        // The others are done; failing the job records (and retries) the ones that could not be processed.
        if (failed.length)
          throw new Error(`${failed.length} due sanction(s) failed: ${failed.map((f) => f.message).join('; ')}`);
      },
    },
    periodic: [{ kind: SWEEP_JOB, everyMs }],
  };
}
