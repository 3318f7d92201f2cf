import { AppShell, Badge, Burger, Button, Group, NavLink, ScrollArea, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconAward,
  IconBug,
  IconBuilding,
  IconChartBar,
  IconChartLine,
  IconClockExclamation,
  IconFileAlert,
  IconGauge,
  IconGavel,
  IconKey,
  IconListDetails,
  IconLogout,
  IconRefreshAlert,
  IconShieldLock,
  IconUsers,
} from '@tabler/icons-react';
import type { ComponentType } from 'react';
import { Outlet, NavLink as RouterNavLink, useLocation } from 'react-router';
import type { Me } from '../api/types';
import { isOperator, isOperatorAdmin, useMe, useSession } from '../features/auth/session-context';
import { NotificationBell } from '../features/notifications/notification-bell';

interface NavItem {
  to: string;
  label: string;
  icon: ComponentType<{ size?: number; stroke?: number }>;
  visible: (me: Me) => boolean;
}

const navItems: NavItem[] = [
  { to: '/', label: 'Overview', icon: IconGauge, visible: () => true },
  { to: '/reports', label: 'Reports', icon: IconFileAlert, visible: () => true },
  { to: '/deadlines', label: 'Deadlines', icon: IconClockExclamation, visible: () => true },
  { to: '/programme', label: 'Programme', icon: IconAward, visible: (me) => me.orgKind === 'partner' },
  { to: '/scorecard', label: 'My scorecard', icon: IconChartBar, visible: (me) => me.orgKind === 'partner' },
  { to: '/statistics', label: 'Statistics', icon: IconChartLine, visible: isOperator },
  { to: '/sanctions', label: 'Sanctions', icon: IconGavel, visible: isOperator },
  { to: '/reviews', label: 'Reviews', icon: IconRefreshAlert, visible: isOperator },
  { to: '/organisations', label: 'Organisations', icon: IconBuilding, visible: () => true },
  { to: '/users', label: 'Users', icon: IconUsers, visible: () => true },
  { to: '/catalog', label: 'Vulnerability catalog', icon: IconBug, visible: () => true },
  { to: '/tokens', label: 'API tokens', icon: IconKey, visible: () => true },
  { to: '/audit', label: 'Audit log', icon: IconListDetails, visible: isOperatorAdmin },
];

function isActive(pathname: string, to: string): boolean {
  return to === '/' ? pathname === '/' : pathname === to || pathname.startsWith(`${to}/`);
}

function UserSummary({ me }: { me: Me }) {
  return (
    <Group gap="xs" wrap="nowrap" data-testid="current-user">
      <Stack gap={0} align="flex-end">
        <Text size="sm" fw={600} data-testid="current-user-name">
          {me.name}
        </Text>
        <Text size="xs" c="dimmed" data-testid="current-user-org">
          {me.orgName}
        </Text>
      </Stack>
      <Badge variant="light" color={me.role === 'admin' ? 'red' : 'blue'} size="sm" data-testid="current-user-role">
        {me.role}
      </Badge>
    </Group>
  );
}

export function AppLayout() {
  const me = useMe();
  const { signOut } = useSession();
  const { pathname } = useLocation();
  const [opened, { toggle, close }] = useDisclosure();

  return (
    <AppShell
      header={{ height: 52 }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
            <IconShieldLock size={22} color="var(--mantine-color-indigo-7)" />
            <Text fw={700} size="lg" data-testid="product-name">
              threatshare
            </Text>
          </Group>
          <Group gap="md" wrap="nowrap">
            <NotificationBell />
            <UserSummary me={me} />
            <Button
              variant="default"
              size="xs"
              leftSection={<IconLogout size={14} />}
              onClick={() => void signOut()}
              data-testid="sign-out"
            >
              Sign out
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Main navigation">
        <AppShell.Section grow component={ScrollArea}>
          <Stack gap={2}>
            {navItems
              .filter((item) => item.visible(me))
              .map((item) => (
                <NavLink
                  key={item.to}
                  component={RouterNavLink}
                  to={item.to}
                  label={item.label}
                  leftSection={<item.icon size={16} stroke={1.6} />}
                  active={isActive(pathname, item.to)}
                  onClick={close}
                  variant="light"
                />
              ))}
          </Stack>
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main bg="var(--mantine-color-gray-0)">
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
