import { ActionIcon, Indicator, Tooltip } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useUnreadNotificationCount } from './notifications.api';

/** The header's bell: the organisation's unread notifications, leading to the notifications page. */
export function NotificationBell() {
  const count = useUnreadNotificationCount().data?.count ?? 0;
  const label = count === 0 ? 'Notifications' : `Notifications (${count} unread)`;
  return (
    <Tooltip label={label}>
      <Indicator
        label={count > 99 ? '99+' : count}
        size={16}
        color="red"
        disabled={count === 0}
        offset={4}
        data-testid="notification-count"
      >
        <ActionIcon
          component={Link}
          to="/notifications"
          variant="subtle"
          color="gray"
          size="lg"
          aria-label={label}
          data-testid="notification-bell"
        >
          <IconBell size={20} stroke={1.6} />
        </ActionIcon>
      </Indicator>
    </Tooltip>
  );
}
