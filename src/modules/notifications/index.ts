import type { Db } from '../../db/client.ts';
import type { JobQueue } from '../../jobs/index.ts';
import type { Clock } from '../../shared/clock.ts';
import type { AuditService } from '../audit/index.ts';
import type { SendMail } from './notifications.email.ts';
import { notificationsJobs } from './notifications.jobs.ts';
import { notificationsRoutes } from './notifications.routes.ts';
import { NotificationDto } from './notifications.schemas.ts';
import { createNotificationsService } from './notifications.service.ts';

export type { EmailMessage, SendMail } from './notifications.email.ts';
export type { NotificationRow } from './notifications.repository.ts';
export { toNotificationDto } from './notifications.routes.ts';
export { type EmailStatus, emailStatuses } from './notifications.schemas.ts';
export {
  NOTIFY_EMAIL_JOB,
  type NotificationInput,
  type NotificationsService,
} from './notifications.service.ts';

export function createNotificationsModule(deps: {
  db: Db;
  clock: Clock;
  audit: AuditService;
  jobs: Pick<JobQueue, 'enqueue'>;
  /** SMTP_URL: e-mail notifications through this server; unset, they are only shown in the web UI. */
  smtpUrl?: string | undefined;
  /** SMTP_FROM. */
  smtpFrom: string;
  /** PUBLIC_URL, for the links in e-mails. */
  publicUrl: string;
  sendMail?: SendMail;
}) {
  const service = createNotificationsService(deps);
  return {
    service,
    routes: notificationsRoutes(service),
    schemas: [NotificationDto],
    jobs: notificationsJobs(service),
  };
}
