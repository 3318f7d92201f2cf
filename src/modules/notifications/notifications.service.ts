import type { Db, Executor } from '../../db/client.ts';
import type { JobQueue } from '../../jobs/index.ts';
import type { Clock } from '../../shared/clock.ts';
import { notFound, validationError } from '../../shared/errors.ts';
import { newId } from '../../shared/ids.ts';
import { type Principal, systemPrincipal } from '../../shared/principal.ts';
import type { AuditService } from '../audit/index.ts';
import { composeEmail, createSmtpSender, recipientList, type SendMail } from './notifications.email.ts';
import { notificationOrgOf } from './notifications.policy.ts';
import { type NotificationRow, notificationsRepository as repo } from './notifications.repository.ts';
import type { EmailStatus } from './notifications.schemas.ts';

export interface NotificationsDeps {
  db: Db;
  clock: Clock;
  audit: Pick<AuditService, 'record'>;
  jobs: Pick<JobQueue, 'enqueue'>;
  /** SMTP_URL; without it nothing is e-mailed and notifications are only shown in the UI. */
  smtpUrl?: string | undefined;
  /** SMTP_FROM. */
  smtpFrom: string;
  /** PUBLIC_URL, so an e-mail's link leads into the web UI. */
  publicUrl: string;
  /** How mail leaves; nodemailer over smtpUrl unless given. */
  sendMail?: SendMail;
}

export interface NotificationInput {
  orgId: string;
  /** What happened, dotted like audit actions: `sanction.imposed`. */
  kind: string;
  title: string;
  body: string;
  /** A path in the web UI, starting with `/`. */
  link?: string | undefined;
  subjectType?: string | undefined;
  subjectId?: string | undefined;
}

export interface NotificationsQuery {
  unread?: boolean | undefined;
  limit: number;
  offset: number;
}

export const NOTIFY_EMAIL_JOB = 'notifications.email';
const notificationNotFound = (id: string) => notFound('notification.not_found', `Notification ${id} not found`);

export function createNotificationsService({
  db,
  clock,
  audit,
  jobs,
  smtpUrl,
  smtpFrom,
  publicUrl,
  ...deps
}: NotificationsDeps) {
  const sendMail = deps.sendMail ?? (smtpUrl ? createSmtpSender(smtpUrl) : undefined);

  /**
   * Records a notification in the caller's transaction and, when e-mail is configured, enqueues its e-mail there
   * too: both commit with the change that caused them, or neither does. Uses only `ex`: an embedded database has
   * one connection, which the caller's transaction holds.
   */
  async function notify(ex: Executor, input: NotificationInput): Promise<NotificationRow> {
    if (input.link !== undefined && !input.link.startsWith('/')) {
      throw validationError(
        'notification.invalid_link',
        `A notification link is a path starting with /: ${input.link}`,
      );
    }
    const row = await repo.insert(ex, {
      id: newId(),
      orgId: input.orgId,
      kind: input.kind,
      title: input.title,
      body: input.body,
      link: input.link ?? null,
      subjectType: input.subjectType ?? null,
      subjectId: input.subjectId ?? null,
      createdAt: clock.now(),
      readAt: null,
      readByLabel: null,
      emailStatus: sendMail ? 'pending' : 'skipped',
      emailedAt: null,
    });
    if (sendMail) {
      await jobs.enqueue(ex, NOTIFY_EMAIL_JOB, { id: row.id }, { dedupeKey: `${NOTIFY_EMAIL_JOB}:${row.id}` });
    }
    return row;
  }

  /** Records the final failure of a notification's e-mail, so the operator can see it in the audit log. */
  async function recordFailure(row: NotificationRow, recipients: number, error: unknown): Promise<void> {
    await db.transaction(async (tx) => {
      await repo.setEmailStatus(tx, row.id, 'failed');
      await audit.record(tx, systemPrincipal(`jobs:${NOTIFY_EMAIL_JOB}`), {
        action: 'notification.email_failed',
        orgId: row.orgId,
        subjectType: 'notification',
        subjectId: row.id,
        summary: {
          kind: row.kind,
          recipients,
          error: (error instanceof Error ? error.message : String(error)).slice(0, 500),
        },
      });
    });
  }

  /**
   * E-mails a notification to its organisation's contacts and active admins. Idempotent: one already sent is not
   * sent again. An SMTP failure is thrown so the job is retried; on the last attempt the status becomes `failed`.
   */
  async function sendEmail(id: string, options: { lastAttempt?: boolean } = {}): Promise<EmailStatus> {
    const row = await repo.find(db, id);
    if (!row) throw notificationNotFound(id);
    if (row.emailStatus === 'sent') return 'sent';
    const { contacts, admins } = await repo.recipients(db, row.orgId);
    const to = recipientList(contacts, admins);
    if (!sendMail || to.length === 0) {
      await repo.setEmailStatus(db, id, 'skipped');
      return 'skipped';
    }
    try {
      await sendMail(composeEmail(row, { from: smtpFrom, to, publicUrl }));
    } catch (error) {
      if (options.lastAttempt) await recordFailure(row, to.length, error);
      throw error;
    }
    await repo.setEmailStatus(db, id, 'sent', clock.now());
    return 'sent';
  }

  return {
    notify,
    sendEmail,

    /** The same, addressed to the operator organisation (e.g. a partner asks for a review). */
    /**
     * Tells the operator organisation. Before there is one (a CLI-only install before the first `serve`) there is
     * no one to tell: the change that caused the notice goes ahead, and the audit log keeps it.
     */
    async notifyOperator(ex: Executor, input: Omit<NotificationInput, 'orgId'>): Promise<NotificationRow | undefined> {
      const orgId = await repo.findOperatorOrgId(ex);
      return orgId ? notify(ex, { ...input, orgId }) : undefined;
    },

    /** The actor's own organisation's notifications, newest first; a principal without one has none. */
    async list(actor: Principal, query: NotificationsQuery): Promise<{ items: NotificationRow[]; total: number }> {
      const orgId = notificationOrgOf(actor);
      if (!orgId) return { items: [], total: 0 };
      return repo.list(db, { orgId, unread: query.unread }, query);
    },

    async unreadCount(actor: Principal): Promise<number> {
      const orgId = notificationOrgOf(actor);
      return orgId ? repo.countUnread(db, orgId) : 0;
    },

    /** 404 for another organisation's notification. Marking one already read changes nothing. */
    async markRead(actor: Principal, id: string): Promise<NotificationRow> {
      const orgId = notificationOrgOf(actor);
      if (!orgId) throw notificationNotFound(id);
      const marked = await repo.markRead(db, id, orgId, { at: clock.now(), byLabel: actor.label });
      const row = marked ?? (await repo.find(db, id, orgId));
      if (!row) throw notificationNotFound(id);
      return row;
    },

    /** Marks every unread notification of the actor's organisation read; returns how many. */
    async markAllRead(actor: Principal): Promise<number> {
      const orgId = notificationOrgOf(actor);
      return orgId ? repo.markAllRead(db, orgId, { at: clock.now(), byLabel: actor.label }) : 0;
    },
  };
}

export type NotificationsService = ReturnType<typeof createNotificationsService>;
