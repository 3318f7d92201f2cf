import type { ModuleJobs } from '../../jobs/index.ts';
import type { RegimesService } from './regimes.service.ts';

/** `obligations.sweep`: pending obligations past due become missed. Idempotent, so safe to run twice. */
export function regimesJobs(service: Pick<RegimesService, 'sweepMissed'>, everyMs = 5 * 60_000): ModuleJobs {
  return {
    handlers: {
      'obligations.sweep': async (_payload, { now }) => {
        await service.sweepMissed(now);
      },
    },
    periodic: [{ kind: 'obligations.sweep', everyMs }],
  };
}
