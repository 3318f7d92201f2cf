import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errorResponses, IdParams } from '../../http/schemas.ts';
import type { NotificationRow } from './notifications.repository.ts';
import {
  ListNotificationsQuery,
  MarkedCount,
  type NotificationDto,
  NotificationPage,
  UnreadCount,
} from './notifications.schemas.ts';
import type { NotificationsService } from './notifications.service.ts';

export const toNotificationDto = (row: NotificationRow): NotificationDto => ({
  id: row.id,
  orgId: row.orgId,
  kind: row.kind,
  title: row.title,
  body: row.body,
  link: row.link,
  subjectType: row.subjectType,
  subjectId: row.subjectId,
  createdAt: row.createdAt.toISOString(),
  readAt: row.readAt?.toISOString() ?? null,
  readByLabel: row.readByLabel,
  emailStatus: row.emailStatus as NotificationDto['emailStatus'],
  emailedAt: row.emailedAt?.toISOString() ?? null,
});

const tags = ['notifications'];

export function notificationsRoutes(service: NotificationsService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/notifications',
      {
        schema: {
          tags,
          summary: "Your organisation's notifications, newest first",
          querystring: ListNotificationsQuery,
          response: { 200: NotificationPage, ...errorResponses },
        },
      },
      async (request) => {
        const page = await service.list(request.principal!, request.query);
        return {
          items: page.items.map(toNotificationDto),
          total: page.total,
          limit: request.query.limit,
          offset: request.query.offset,
        };
      },
    );

    app.get(
      '/notifications/unread-count',
      {
        schema: {
          tags,
          summary: "How many of your organisation's notifications are unread",
          response: { 200: UnreadCount, ...errorResponses },
        },
      },
      async (request) => ({ count: await service.unreadCount(request.principal!) }),
    );

    app.post(
      '/notifications/:id/read',
      {
        schema: {
          tags,
          summary: 'Mark a notification read (already read: unchanged)',
          params: IdParams,
          response: { 200: Type.Ref('Notification'), ...errorResponses },
        },
      },
      async (request) => toNotificationDto(await service.markRead(request.principal!, request.params.id)),
    );

    app.post(
      '/notifications/read-all',
      {
        schema: {
          tags,
          summary: "Mark all of your organisation's unread notifications read",
          response: { 200: MarkedCount, ...errorResponses },
        },
      },
      async (request) => ({ marked: await service.markAllRead(request.principal!) }),
    );
  };
}
