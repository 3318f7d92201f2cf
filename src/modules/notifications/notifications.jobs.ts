import type { ModuleJobs } from '../../jobs/index.ts';
import { NOTIFY_EMAIL_JOB, type NotificationsService } from './notifications.service.ts';

/**
 * `notifications.email`: e-mails one notification. Idempotent (a sent one is not sent again), so safe to run twice.
 * A failed attempt is retried with backoff; the last one marks the e-mail failed.
 */
export function notificationsJobs(service: Pick<NotificationsService, 'sendEmail'>): ModuleJobs {
  return {
    handlers: {
      [NOTIFY_EMAIL_JOB]: async (payload, { job }) => {
        if (typeof payload.id !== 'string') throw new Error(`${NOTIFY_EMAIL_JOB}: the payload names no notification`);
        await service.sendEmail(payload.id, { lastAttempt: job.attempts >= job.maxAttempts });
      },
    },
  };
}
