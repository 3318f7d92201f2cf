import { Anchor, Group, Paper, Switch, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import type { CveSummary } from '../../api/types';
import { type Column, DataTable } from '../../components/data-table';
import { formatDate, orDash } from '../../components/format';
import { PageHeader } from '../../components/page-header';
import { useTableState } from '../../components/table-state';
import { useCves } from './catalog.api';
import { KevBadge, SeverityBadge } from './catalog-badges';

const columns: Column<CveSummary>[] = [
  {
    key: 'cveId',
    header: 'CVE',
    sortField: 'cveId',
    render: (cve) => (
      <Group gap={6} wrap="nowrap">
        <Anchor component={Link} to={`/catalog/${cve.cveId}`} size="sm" fw={500}>
          {cve.cveId}
        </Anchor>
        <KevBadge kev={cve.kev} />
      </Group>
    ),
  },
  {
    key: 'title',
    header: 'Title',
    render: (cve) => (
      <Text size="sm" lineClamp={2}>
        {cve.title ?? cve.description ?? (cve.state === 'PUBLISHED' ? '—' : cve.state.toLowerCase())}
      </Text>
    ),
  },
  {
    key: 'products',
    header: 'Products',
    render: (cve) =>
      orDash(
        cve.products
          .slice(0, 2)
          .map((p) => `${p.vendor} ${p.product}`)
          .join(', ') + (cve.products.length > 2 ? ` +${cve.products.length - 2}` : ''),
      ),
  },
  {
    key: 'cvssScore',
    header: 'CVSS',
    sortField: 'cvssScore',
    render: (cve) => <SeverityBadge score={cve.cvssScore} severity={cve.severity} />,
  },
  { key: 'datePublished', header: 'Published', sortField: 'datePublished', render: (c) => formatDate(c.datePublished) },
  { key: 'kevDateAdded', header: 'In KEV since', sortField: 'kevDateAdded', render: (c) => orDash(c.kev?.dateAdded) },
];

export function CatalogPage() {
  const table = useTableState('datePublished', 'desc');
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [kevOnly, setKevOnly] = useState(false);
  const query = useCves({
    limit: table.pageSize,
    offset: table.offset,
    sort: table.sort,
    order: table.order,
    q: q || undefined,
    kev: kevOnly || undefined,
  });

  return (
    <>
      <PageHeader
        title="Vulnerability catalog"
        description="Public CVE records and the CISA Known Exploited Vulnerabilities catalog, as imported by the operator."
      />
      <Paper withBorder p="sm" radius="sm">
        <Group gap="lg" mb="sm">
          <TextInput
            aria-label="Search the catalog"
            placeholder="CVE id, title, description, product"
            leftSection={<IconSearch size={14} />}
            value={search}
            onChange={(event) => {
              setSearch(event.currentTarget.value);
              table.resetPage();
            }}
            w={320}
            data-testid="catalog-search"
          />
          <Switch
            label="Known exploited (KEV) only"
            checked={kevOnly}
            onChange={(event) => {
              setKevOnly(event.currentTarget.checked);
              table.resetPage();
            }}
            data-testid="catalog-kev-only"
          />
        </Group>
        <DataTable
          testId="catalog-table"
          columns={columns}
          rows={query.data?.items}
          rowKey={(cve) => cve.cveId}
          loading={query.isLoading}
          error={query.error}
          emptyText={
            q || kevOnly
              ? 'No CVE records match. Clear the search or the KEV filter to see all.'
              : 'The catalog is empty. The operator imports it with `threatshare import cve` and `threatshare import kev`.'
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
    </>
  );
}
