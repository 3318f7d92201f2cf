import { type Static, Type } from 'typebox';
import { DateTime, Nullable, pageOf, StringEnum, Uuid } from '../../http/schemas.ts';

/** pending: waiting for the e-mail job; sent; failed: every attempt failed; skipped: no SMTP, or no recipient. */
export const emailStatuses = ['pending', 'sent', 'failed', 'skipped'] as const;
export type EmailStatus = (typeof emailStatuses)[number];

export const NotificationDto = Type.Object(
  {
    id: Uuid,
    orgId: Uuid,
    kind: Type.String({ description: 'what happened, dotted, e.g. sanction.imposed' }),
    title: Type.String(),
    body: Type.String(),
    link: Nullable(Type.String({ description: 'where in the web UI it leads, e.g. /programme' })),
    subjectType: Nullable(Type.String()),
    subjectId: Nullable(Type.String()),
    createdAt: DateTime,
    readAt: Nullable(DateTime),
    readByLabel: Nullable(Type.String({ description: 'who marked it read' })),
    emailStatus: StringEnum(emailStatuses),
    emailedAt: Nullable(DateTime),
  },
  { $id: 'Notification' },
);
export type NotificationDto = Static<typeof NotificationDto>;
export const NotificationPage = pageOf(Type.Ref('Notification'));

export const ListNotificationsQuery = Type.Object(
  {
    unread: Type.Optional(Type.Boolean({ description: 'true: only the unread ones' })),
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
    offset: Type.Integer({ minimum: 0, default: 0 }),
  },
  { additionalProperties: false },
);
export type ListNotificationsQuery = Static<typeof ListNotificationsQuery>;

export const UnreadCount = Type.Object({ count: Type.Integer({ minimum: 0 }) });
export const MarkedCount = Type.Object({
  marked: Type.Integer({ minimum: 0, description: 'notifications marked read' }),
});
