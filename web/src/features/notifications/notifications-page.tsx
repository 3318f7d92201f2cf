import { Anchor, Badge, Button, Group, Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import { notifications as toasts } from '@mantine/notifications';
import { IconChecks } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../../api/client';
import type { AppNotification } from '../../api/types';
import { type Column, DataTable } from '../../components/data-table';
import { formatDateTime } from '../../components/format';
import { PageHeader } from '../../components/page-header';
import {
  useMarkAllNotificationsRead,
  useMarkNotificationRead,
  useNotifications,
  useUnreadNotificationCount,
} from './notifications.api';

type Show = 'all' | 'unread';

const isUnread = (n: AppNotification) => n.readAt === null;

function columns(onRead: (n: AppNotification) => void, pendingId: string | undefined): Column<AppNotification>[] {
  return [
    {
      key: 'time',
      header: 'Time',
      width: 150,
      render: (n) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(n.createdAt)}</span>,
    },
    {
      key: 'notification',
      header: 'Notification',
      render: (n) => (
        <Stack gap={2} data-testid="notification" data-unread={isUnread(n)}>
          <Group gap={6} wrap="nowrap">
            {isUnread(n) && (
              <Badge miw="fit-content" style={{ flexShrink: 0 }} size="xs" variant="filled" color="blue">
                new
              </Badge>
            )}
            <Text size="sm" fw={isUnread(n) ? 700 : 400}>
              {n.title}
            </Text>
          </Group>
          <Text size="sm" c={isUnread(n) ? undefined : 'dimmed'} style={{ whiteSpace: 'pre-wrap' }}>
            {n.body}
          </Text>
          {n.link && (
            <Anchor component={Link} to={n.link} size="sm" onClick={() => isUnread(n) && onRead(n)}>
              Open {n.link}
            </Anchor>
          )}
        </Stack>
      ),
    },
    {
      key: 'read',
      header: 'Read',
      render: (n) =>
        isUnread(n) ? (
          '—'
        ) : (
          <Text size="xs" c="dimmed" title={n.readByLabel ?? undefined}>
            {formatDateTime(n.readAt)}
            {n.readByLabel ? ` by ${n.readByLabel}` : ''}
          </Text>
        ),
    },
    {
      key: 'actions',
      header: '',
      align: 'right',
      render: (n) =>
        isUnread(n) ? (
          <Button size="compact-xs" variant="subtle" loading={pendingId === n.id} onClick={() => onRead(n)}>
            Mark read
          </Button>
        ) : null,
    },
  ];
}

/** What the platform told the user's organisation: sanctions, reviews and the like, newest first. */
export function NotificationsPage() {
  const [show, setShow] = useState<Show>('all');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(25);
  const query = useNotifications({
    unread: show === 'unread' || undefined,
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  const unread = useUnreadNotificationCount().data?.count ?? 0;
  const markRead = useMarkNotificationRead();
  const markAllRead = useMarkAllNotificationsRead();

  const onRead = (n: AppNotification) =>
    markRead.mutate(n.id, {
      onError: (error) => toasts.show({ color: 'red', title: 'Could not mark it read', message: errorMessage(error) }),
    });
  const onReadAll = () =>
    markAllRead.mutate(undefined, {
      onSuccess: ({ marked }) =>
        toasts.show({ color: 'green', message: `${marked} notification${marked === 1 ? '' : 's'} marked read.` }),
      onError: (error) =>
        toasts.show({ color: 'red', title: 'Could not mark them read', message: errorMessage(error) }),
    });

  return (
    <>
      <PageHeader
        title="Notifications"
        description="What your organisation has been told. They are also e-mailed to its contacts and admins when the platform sends e-mail."
        actions={
          <Button
            size="xs"
            leftSection={<IconChecks size={14} />}
            onClick={onReadAll}
            disabled={unread === 0}
            loading={markAllRead.isPending}
            data-testid="mark-all-read"
          >
            Mark all read
          </Button>
        }
      />
      <Paper withBorder p="sm" radius="sm">
        <Group justify="space-between" mb="sm">
          <Text size="sm" c="dimmed" data-testid="unread-summary">
            {unread === 0 ? 'Nothing unread.' : `${unread} unread`}
          </Text>
          <SegmentedControl
            size="xs"
            aria-label="Show"
            data={[
              { value: 'all', label: 'All' },
              { value: 'unread', label: 'Unread' },
            ]}
            value={show}
            onChange={(value) => {
              setShow(value as Show);
              setPage(1);
            }}
            data-testid="notifications-show"
          />
        </Group>
        <DataTable
          testId="notifications-table"
          columns={columns(onRead, markRead.isPending ? markRead.variables : undefined)}
          rows={query.data?.items}
          rowKey={(n) => n.id}
          loading={query.isLoading}
          error={query.error}
          emptyText={show === 'unread' ? 'No unread notifications.' : 'No notifications yet.'}
          paging={{
            page,
            pageSize,
            total: query.data?.total ?? 0,
            onPageChange: setPage,
            onPageSizeChange: (size) => {
              setPageSize(size);
              setPage(1);
            },
          }}
        />
      </Paper>
    </>
  );
}
