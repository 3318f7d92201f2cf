import { Anchor, Group, Paper, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { type Sanction, type SanctionStatus, sanctionStatuses } from '../../api/types';
import { type Column, DataTable } from '../../components/data-table';
import { formatDate, humanize } from '../../components/format';
import { PageHeader } from '../../components/page-header';
import { useOrganisations } from '../organisations/organisations.api';
import { MeasureBadge, periodText, SanctionStatusBadge, termText } from './sanction-badges';
import { useSanctions } from './sanctions.api';

/** "needs_action" merges the two statuses a manager must act on; "all" and single statuses page on the server. */
type StatusFilter = 'needs_action' | 'all' | SanctionStatus;

const statusOptions = [
  { value: 'needs_action', label: 'Needs action' },
  { value: 'all', label: 'All statuses' },
  ...sanctionStatuses.map((value) => ({ value, label: humanize(value) })),
];

/** The measure with its period (or end); as a link to the sanction where no other column links to it. */
export function MeasureCell({ s, link }: { s: Sanction; link: boolean }) {
  const term = periodText(s.period) || (s.measure === 'suspension' && s.endsAt ? `until ${formatDate(s.endsAt)}` : '');
  return (
    <Stack gap={2} align="flex-start">
      {link ? (
        <Anchor component={Link} to={`/sanctions/${s.id}`} size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
          {humanize(s.measure)}
        </Anchor>
      ) : (
        <MeasureBadge measure={s.measure} />
      )}
      {term && (
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          {term}
        </Text>
      )}
    </Stack>
  );
}

/** The sanctions table; without the organisation column (on an organisation's page) the measure links instead. */
export function sanctionColumns({ withOrg }: { withOrg: boolean }): Column<Sanction>[] {
  const org: Column<Sanction> = {
    key: 'org',
    header: 'Organisation',
    render: (s) => (
      <Anchor component={Link} to={`/sanctions/${s.id}`} size="sm" fw={600}>
        {s.orgName || s.orgId.slice(0, 8)}
      </Anchor>
    ),
  };
  return [
    ...(withOrg ? [org] : []),
    { key: 'measure', header: 'Measure', render: (s) => <MeasureCell s={s} link={!withOrg} /> },
    { key: 'status', header: 'Status', render: (s) => <SanctionStatusBadge status={s.status} /> },
    {
      key: 'source',
      header: 'Source',
      render: (s) => (
        <Text size="sm" c="dimmed">
          {s.source}
        </Text>
      ),
    },
    {
      key: 'reason',
      header: 'Reason',
      render: (s) => (
        <Text size="sm" lineClamp={2} title={s.decisionReason ?? s.reason}>
          {s.decisionReason ?? s.reason}
        </Text>
      ),
    },
    {
      key: 'dates',
      header: 'Proposed / term',
      render: (s) => (
        <Stack gap={0}>
          <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
            {formatDate(s.proposedAt)}
          </Text>
          <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            {termText(s)}
          </Text>
        </Stack>
      ),
    },
  ];
}

const columns = sanctionColumns({ withOrg: true });

function useSanctionRows(filter: StatusFilter, orgId: string | null, page: number, pageSize: number) {
  const needsAction = filter === 'needs_action';
  const base = { orgId: orgId ?? undefined };
  // Awaiting a second approval comes first: a decision is half made and blocks nothing else.
  const awaiting = useSanctions({ ...base, status: 'awaiting_approval', limit: 200 }, needsAction);
  const proposed = useSanctions({ ...base, status: 'proposed', limit: 200 }, needsAction);
  const paged = useSanctions(
    {
      ...base,
      status: filter === 'all' || needsAction ? undefined : filter,
      limit: pageSize,
      offset: (page - 1) * pageSize,
    },
    !needsAction,
  );
  if (!needsAction) {
    return { rows: paged.data?.items, total: paged.data?.total ?? 0, loading: paged.isLoading, error: paged.error };
  }
  const rows = awaiting.data && proposed.data ? [...awaiting.data.items, ...proposed.data.items] : undefined;
  return {
    rows,
    total: rows?.length ?? 0,
    loading: awaiting.isLoading || proposed.isLoading,
    error: awaiting.error ?? proposed.error,
  };
}

/** The operator's sanctions: by default those a manager must decide or approve. */
export function SanctionsPage() {
  const [filter, setFilter] = useState<StatusFilter>('needs_action');
  const [orgId, setOrgId] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const pageSize = 50;
  const partners = useOrganisations({ kind: 'partner', limit: 200, sort: 'name', order: 'asc' });
  const { rows, total, loading, error } = useSanctionRows(filter, orgId, page, pageSize);

  return (
    <>
      <PageHeader
        title="Sanctions"
        description="Measures proposed by the programme's policy or by a manager, decided by operator managers."
      />
      <Paper withBorder p="sm" radius="sm">
        <Group gap="sm" mb="sm">
          <Select
            aria-label="Sanction status"
            size="xs"
            w={200}
            data={statusOptions}
            value={filter}
            onChange={(value) => {
              setFilter((value ?? 'needs_action') as StatusFilter);
              setPage(1);
            }}
            allowDeselect={false}
            data-testid="sanctions-status"
          />
          <Select
            aria-label="Organisation"
            placeholder="All organisations"
            size="xs"
            w={260}
            searchable
            clearable
            data={(partners.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
            value={orgId}
            onChange={(value) => {
              setOrgId(value);
              setPage(1);
            }}
            data-testid="sanctions-org"
          />
        </Group>
        <DataTable
          testId="sanctions-table"
          columns={columns}
          rows={rows}
          rowKey={(s) => s.id}
          loading={loading}
          error={error}
          emptyText={
            filter === 'needs_action'
              ? 'Nothing to decide: no proposals and no decisions awaiting approval.'
              : 'No sanctions match these filters.'
          }
          paging={filter === 'needs_action' ? undefined : { page, pageSize, total, onPageChange: setPage }}
        />
      </Paper>
    </>
  );
}
