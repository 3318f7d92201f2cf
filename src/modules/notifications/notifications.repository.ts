import { and, asc, count, desc, eq, isNull, ne, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { notifications, organisations, users } from '../../db/schema/index.ts';
import type { EmailStatus } from './notifications.schemas.ts';

export type NotificationRow = typeof notifications.$inferSelect;

export interface NotificationFilter {
  orgId: string;
  unread?: boolean | undefined;
}

const where = (filter: NotificationFilter): SQL | undefined =>
  and(eq(notifications.orgId, filter.orgId), filter.unread ? isNull(notifications.readAt) : undefined);

export const notificationsRepository = {
  insert: async (ex: Executor, row: NotificationRow): Promise<NotificationRow> => {
    const [inserted] = await ex.insert(notifications).values(row).returning();
    return inserted!;
  },

  /** The operator organisation (the oldest, should there ever be more than one). */
  findOperatorOrgId: async (ex: Executor): Promise<string | undefined> =>
    (
      await ex
        .select({ id: organisations.id })
        .from(organisations)
        .where(eq(organisations.kind, 'operator'))
        .orderBy(asc(organisations.createdAt), asc(organisations.id))
        .limit(1)
    )[0]?.id,

  find: async (ex: Executor, id: string, orgId?: string): Promise<NotificationRow | undefined> =>
    (
      await ex
        .select()
        .from(notifications)
        .where(and(eq(notifications.id, id), orgId ? eq(notifications.orgId, orgId) : undefined))
    )[0],

  list: async (
    ex: Executor,
    filter: NotificationFilter,
    page: { limit: number; offset: number },
  ): Promise<{ items: NotificationRow[]; total: number }> => {
    const condition = where(filter);
    const items = await ex
      .select()
      .from(notifications)
      .where(condition)
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(page.limit)
      .offset(page.offset);
    const [row] = await ex.select({ total: count() }).from(notifications).where(condition);
    return { items, total: Number(row?.total ?? 0) };
  },

  countUnread: async (ex: Executor, orgId: string): Promise<number> => {
    const [row] = await ex
      .select({ total: count() })
      .from(notifications)
      .where(where({ orgId, unread: true }));
    return Number(row?.total ?? 0);
  },

  /** Marks one unread notification read; undefined when it is not the organisation's or was read already. */
  markRead: async (
    ex: Executor,
    id: string,
    orgId: string,
    read: { at: Date; byLabel: string },
  ): Promise<NotificationRow | undefined> =>
    (
      await ex
        .update(notifications)
        .set({ readAt: read.at, readByLabel: read.byLabel })
        .where(and(eq(notifications.id, id), eq(notifications.orgId, orgId), isNull(notifications.readAt)))
        .returning()
    )[0],

  markAllRead: async (ex: Executor, orgId: string, read: { at: Date; byLabel: string }): Promise<number> =>
    (
      await ex
        .update(notifications)
        .set({ readAt: read.at, readByLabel: read.byLabel })
        .where(where({ orgId, unread: true }))
        .returning({ id: notifications.id })
    ).length,

  /** A notification's e-mail outcome; a notification already sent keeps its status. */
  setEmailStatus: async (ex: Executor, id: string, status: EmailStatus, emailedAt: Date | null = null) => {
    await ex
      .update(notifications)
      .set({ emailStatus: status, emailedAt })
      .where(and(eq(notifications.id, id), ne(notifications.emailStatus, 'sent')));
  },

  /** The organisation's contacts' addresses and its active admins' addresses. */
  recipients: async (ex: Executor, orgId: string): Promise<{ contacts: string[]; admins: string[] }> => {
    const [org] = await ex
      .select({ contacts: organisations.contacts })
      .from(organisations)
      .where(eq(organisations.id, orgId));
    const admins = await ex
      .select({ email: users.email })
      .from(users)
      .where(and(eq(users.orgId, orgId), eq(users.role, 'admin'), isNull(users.disabledAt)))
      .orderBy(asc(users.email));
    return {
      contacts: (org?.contacts ?? []).flatMap((c) => (typeof c.email === 'string' && c.email ? [c.email] : [])),
      admins: admins.map((a) => a.email),
    };
  },
};
