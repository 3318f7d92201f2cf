import type { ModuleJobs } from '../../jobs/index.ts';
import { RECOMPUTE_ORG_JOB } from '../regimes/index.ts';
import type { ReportsService } from './reports.service.ts';

export const VENDOR_REMINDER_AFTER_MS = 7 * 86_400_000;

/** `reports.remind_vendors`: vendors silent a week after being brought in are reminded, weekly. Idempotent. */
export function reportsJobs(
  service: Pick<ReportsService, 'remindSilentVendors' | 'recomputeForOrg'>,
  everyMs = 60 * 60_000,
): ModuleJobs {
  return {
    handlers: {
      /** An organisation's regimes changed: its reports' obligations follow. */
      [RECOMPUTE_ORG_JOB]: async (payload) => {
        await service.recomputeForOrg(String(payload.orgId));
      },
      'reports.remind_vendors': async () => {
        await service.remindSilentVendors(VENDOR_REMINDER_AFTER_MS);
      },
    },
    periodic: [{ kind: 'reports.remind_vendors', everyMs }],
  };
}
