import { Anchor, Group, Paper, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconBuilding, IconKey, IconListDetails, IconUsers } from '@tabler/icons-react';
import { useQueries, useQuery } from '@tanstack/react-query';
import type { ComponentType, ReactNode } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { type Meta, type OrgKind, orgKinds, type Page } from '../../api/types';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeader } from '../../components/page-header';
import { isOperator, isOperatorAdmin, useMe } from '../auth/session-context';

// Only the totals are needed, so each count asks for a single row.
function useTotal(key: string, path: string, query: Record<string, string> = {}) {
  return useQuery({
    queryKey: ['overview', key, query],
    queryFn: () => api.get<Page<unknown>>(path, { ...query, limit: 1 }),
    select: (page) => page.total,
  });
}

interface StatCardProps {
  title: string;
  value: number | undefined;
  loading: boolean;
  icon: ComponentType<{ size?: number }>;
  to: string;
  linkLabel: string;
  children?: ReactNode;
}

function StatCard({ title, value, loading, icon: Icon, to, linkLabel, children }: StatCardProps) {
  return (
    <Paper withBorder p="md" radius="sm" data-testid={`stat-${title.toLowerCase().replace(/\s+/g, '-')}`}>
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            {title}
          </Text>
          {loading ? (
            <Skeleton height={28} width={60} />
          ) : (
            <Text size="xl" fw={700} data-testid="stat-value">
              {value ?? '—'}
            </Text>
          )}
        </Stack>
        <Icon size={22} />
      </Group>
      {children}
      <Anchor component={Link} to={to} size="sm" mt="xs" display="block">
        {linkLabel}
      </Anchor>
    </Paper>
  );
}

function OrgsByKind() {
  const results = useQueries({
    queries: orgKinds.map((kind: OrgKind) => ({
      queryKey: ['overview', 'orgs', kind],
      queryFn: () => api.get<Page<unknown>>('/organisations', { kind, limit: 1 }),
    })),
  });
  return (
    <Stack gap={2} mt="xs" data-testid="orgs-by-kind">
      {orgKinds.map((kind, index) => (
        <Group key={kind} justify="space-between">
          <Text size="sm" tt="capitalize">
            {kind}
          </Text>
          <Text size="sm" fw={600}>
            {results[index]?.data?.total ?? '…'}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}

export function OverviewPage() {
  const me = useMe();
  const meta = useQuery({ queryKey: ['meta'], queryFn: () => api.get<Meta>('/meta'), staleTime: Infinity });
  const orgs = useTotal('orgs', '/organisations');
  const users = useTotal('users', '/users', isOperator(me) ? {} : { orgId: me.orgId });
  const tokens = useTotal('tokens', '/tokens');
  const error = orgs.error ?? users.error ?? tokens.error;

  return (
    <>
      <PageHeader
        title="Overview"
        description={
          meta.data
            ? `${meta.data.operatorName} · threatshare ${meta.data.version} · ${meta.data.database}`
            : `Welcome, ${me.name}.`
        }
      />
      {Boolean(error) && <ErrorAlert error={error} />}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md" mt="sm">
        <StatCard
          title="Organisations"
          value={orgs.data}
          loading={orgs.isLoading}
          icon={IconBuilding}
          to="/organisations"
          linkLabel="View organisations"
        >
          {isOperator(me) && <OrgsByKind />}
        </StatCard>
        <StatCard
          title="Users"
          value={users.data}
          loading={users.isLoading}
          icon={IconUsers}
          to="/users"
          linkLabel="Manage users"
        />
        <StatCard
          title="Your API tokens"
          value={tokens.data}
          loading={tokens.isLoading}
          icon={IconKey}
          to="/tokens"
          linkLabel="Manage API tokens"
        />
        {isOperatorAdmin(me) && (
          <Paper withBorder p="md" radius="sm">
            <Group justify="space-between" align="flex-start">
              <Title order={3} size="h6" c="dimmed" tt="uppercase">
                Audit log
              </Title>
              <IconListDetails size={22} />
            </Group>
            <Text size="sm" mt="xs">
              Review every change and verify the hash chain.
            </Text>
            <Anchor component={Link} to="/audit" size="sm" mt="xs" display="block">
              Open the audit log
            </Anchor>
          </Paper>
        )}
      </SimpleGrid>
    </>
  );
}
