import type { ModuleJobs } from '../../jobs/index.ts';
import { EVALUATE_JOB, type ViolationsService } from './violations.service.ts';

/** `violations.evaluate`: opens the violations the rules find. Idempotent (dedupe keys), so safe to run twice. */
export function violationsJobs(service: Pick<ViolationsService, 'runRules'>, everyMs = 10 * 60_000): ModuleJobs {
  return {
    handlers: {
      [EVALUATE_JOB]: async (_payload, { now }) => {
        await service.runRules(now);
      },
    },
    periodic: [{ kind: EVALUATE_JOB, everyMs }],
  };
}
