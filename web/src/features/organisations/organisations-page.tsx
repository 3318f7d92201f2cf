import { Anchor, Button, Group, Paper, Select, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { type Org, type OrgKind, orgKinds } from '../../api/types';
import { OrgKindBadge } from '../../components/badges';
import { type Column, DataTable } from '../../components/data-table';
import { formatDate, humanize, orDash } from '../../components/format';
import { PageHeader } from '../../components/page-header';
import { useTableState } from '../../components/table-state';
import { isOperatorAdmin, useMe } from '../auth/session-context';
import { OrganisationFormModal } from './organisation-form-modal';
import { useOrganisations } from './organisations.api';
import { CapabilityBadges, PartnerStandingBadge } from './partner-standing';

const columns: Column<Org>[] = [
  {
    key: 'name',
    header: 'Name',
    sortField: 'name',
    render: (org) => (
      <Anchor component={Link} to={`/organisations/${org.id}`} size="sm" fw={500}>
        {org.name}
        {org.shortName && (
          <Text span size="xs" c="dimmed" ml={6}>
            {org.shortName}
          </Text>
        )}
      </Anchor>
    ),
  },
  { key: 'kind', header: 'Kind', sortField: 'kind', render: (org) => <OrgKindBadge kind={org.kind} /> },
  { key: 'country', header: 'Country', sortField: 'country', render: (org) => orDash(org.country) },
  { key: 'sector', header: 'Sector', render: (org) => orDash(org.sector) },
  {
    key: 'partnerStatus',
    header: 'Partner status',
    sortField: 'partnerStatus',
    render: (org) => <PartnerStandingBadge status={org.partnerStatus} until={org.partnerStatusUntil} stacked />,
  },
  {
    key: 'capabilities',
    header: 'Capabilities',
    render: (org) => (org.partnerStatus ? <CapabilityBadges capabilities={org.capabilities} /> : '—'),
  },
  { key: 'createdAt', header: 'Created', sortField: 'createdAt', render: (org) => formatDate(org.createdAt) },
];

export function OrganisationsPage() {
  const me = useMe();
  const navigate = useNavigate();
  const table = useTableState('name');
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [kind, setKind] = useState<OrgKind | null>(null);
  const [creating, { open, close }] = useDisclosure(false);
  const query = useOrganisations({
    limit: table.pageSize,
    offset: table.offset,
    sort: table.sort,
    order: table.order,
    q: q || undefined,
    kind: kind ?? undefined,
  });
  const filtered = Boolean(q || kind);

  return (
    <>
      <PageHeader
        title="Organisations"
        description="The operator, partners, members and researchers taking part in this community."
        actions={
          isOperatorAdmin(me) && (
            <Button leftSection={<IconPlus size={16} />} onClick={open}>
              New organisation
            </Button>
          )
        }
      />
      <Paper withBorder p="sm" radius="sm">
        <Group gap="sm" mb="sm">
          <TextInput
            aria-label="Search organisations"
            placeholder="Search by name"
            leftSection={<IconSearch size={14} />}
            value={search}
            onChange={(event) => {
              setSearch(event.currentTarget.value);
              table.resetPage();
            }}
            w={280}
            data-testid="org-search"
          />
          <Select
            aria-label="Filter by kind"
            placeholder="All kinds"
            clearable
            data={orgKinds.map((value) => ({ value, label: humanize(value) }))}
            value={kind}
            onChange={(value) => {
              setKind(value as OrgKind | null);
              table.resetPage();
            }}
            w={180}
            data-testid="org-kind-filter"
          />
        </Group>
        <DataTable
          testId="organisations-table"
          columns={columns}
          rows={query.data?.items}
          rowKey={(org) => org.id}
          loading={query.isLoading}
          error={query.error}
          emptyText={
            filtered
              ? 'No organisations match these filters. Clear the search or the kind filter to see all.'
              : 'No organisations yet. Operator admins can add one with "New organisation".'
          }
          sort={table.sort}
          order={table.order}
          onSort={table.toggleSort}
          paging={{
            page: table.page,
            pageSize: table.pageSize,
            total: query.data?.total ?? 0,
            onPageChange: table.setPage,
            onPageSizeChange: table.setPageSize,
          }}
        />
      </Paper>
      <OrganisationFormModal
        opened={creating}
        onClose={close}
        onSaved={(org) => void navigate(`/organisations/${org.id}`)}
      />
    </>
  );
}
