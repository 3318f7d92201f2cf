import type { ModuleJobs } from '../../jobs/index.ts';
import type { ReportsService } from './reports.service.ts';

export const VENDOR_REMINDER_AFTER_MS = 7 * 86_400_000;

/** `reports.remind_vendors`: vendors silent a week after being brought in are reminded, weekly. Idempotent. */
export function reportsJobs(service: Pick<ReportsService, 'remindSilentVendors'>, everyMs = 60 * 60_000): ModuleJobs {
  return {
    handlers: {
      'reports.remind_vendors': async () => {
        await service.remindSilentVendors(VENDOR_REMINDER_AFTER_MS);
      },
    },
    periodic: [{ kind: 'reports.remind_vendors', everyMs }],
  };
}
