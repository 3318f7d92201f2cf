import { Anchor, Group, Paper, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { type Obligation, type ObligationStatus, obligationStatuses } from '../../api/types';
import { Countdown, useNow } from '../../components/countdown';
import { type Column, DataTable } from '../../components/data-table';
import { formatDateTime, humanize } from '../../components/format';
import { PageHeader } from '../../components/page-header';
import { isOperator, useMe } from '../auth/session-context';
import { isOverdue, lateness } from '../reports/detail/report-obligations';
import { ObligationStatusBadge, OverdueBadge } from '../reports/report-badges';
import { useObligations } from '../reports/reports.api';

type Span = 'all' | 'due_soon' | 'overdue';

const columns: Column<Obligation>[] = [
  {
    key: 'report',
    header: 'Report',
    render: (o) => (
      <Stack gap={0}>
        <Anchor component={Link} to={`/reports/${o.reportId}?tab=obligations`} size="sm" fw={600} ff="monospace">
          {o.reportRef ?? o.reportId.slice(0, 8)}
        </Anchor>
        <Text size="xs" c="dimmed" lineClamp={1}>
          {o.reportTitle ?? ''}
        </Text>
      </Stack>
    ),
  },
  {
    key: 'obligation',
    header: 'Obligation',
    render: (o) => (
      <Stack gap={0}>
        <Text size="sm">{o.title}</Text>
        <Text size="xs" c="dimmed">
          {o.regimeId}
        </Text>
      </Stack>
    ),
  },
  { key: 'stage', header: 'Stage', render: (o) => humanize(o.stage) },
  { key: 'dueAt', header: 'Due at', render: (o) => formatDateTime(o.dueAt) },
  {
    key: 'countdown',
    header: 'Time left',
    render: (o) => (
      <Group gap={6} wrap="nowrap">
        {isOverdue(o) && <OverdueBadge />}
        <Countdown dueAt={o.dueAt} done={o.status === 'met' || o.status === 'late'} />
      </Group>
    ),
  },
  { key: 'status', header: 'Status', render: (o) => <ObligationStatusBadge status={o.status} /> },
  { key: 'lateness', header: 'Lateness', render: (o) => lateness(o) },
];

/**
 * Every reporting obligation the user may see, soonest due first. "Due within 48 h" asks the API for pending
 * obligations due before now + 48 h; "Overdue" shows missed ones plus pending ones already past due.
 */
export function DeadlinesPage() {
  const me = useMe();
  const now = useNow(60_000);
  const [status, setStatus] = useState<ObligationStatus | null>(null);
  const [span, setSpan] = useState<Span>('all');
  const [page, setPage] = useState(1);
  const pageSize = 50;
  const dueBefore = useMemo(() => {
    if (span === 'due_soon') return new Date(now + 48 * 3600_000).toISOString();
    if (span === 'overdue') return new Date(now).toISOString();
    return undefined;
  }, [span, now]);
  const effectiveStatus = span === 'all' ? (status ?? undefined) : 'pending';
  const query = useObligations({
    status: effectiveStatus,
    dueBefore,
    limit: pageSize,
    offset: (page - 1) * pageSize,
    order: 'asc',
  });
  const missed = useObligations({ status: 'missed', limit: 200, order: 'asc' }, span === 'overdue');
  const rows = useMemo(() => {
    const items = query.data?.items;
    if (span === 'due_soon') return items?.filter((o) => !o.dueAt || new Date(o.dueAt).getTime() >= now);
    if (span === 'overdue') return [...(missed.data?.items ?? []), ...(items ?? [])];
    return items;
  }, [query.data, missed.data, span, now]);
  const total = span === 'all' ? (query.data?.total ?? 0) : (rows?.length ?? 0);

  return (
    <>
      <PageHeader
        title="Deadlines"
        description={
          isOperator(me)
            ? 'Every reporting obligation on the platform, soonest due first.'
            : "Your organisation's reporting obligations under its regimes, soonest due first."
        }
      />
      <Paper withBorder p="sm" radius="sm">
        <Group gap="sm" mb="sm">
          <SegmentedControl
            aria-label="Span"
            size="xs"
            data={[
              { value: 'all', label: 'All' },
              { value: 'due_soon', label: 'Due within 48 h' },
              { value: 'overdue', label: 'Overdue' },
            ]}
            value={span}
            onChange={(value) => {
              setSpan(value as Span);
              setPage(1);
            }}
            data-testid="deadlines-span"
          />
          <Select
            aria-label="Obligation status"
            placeholder="Any status"
            size="xs"
            w={160}
            data={obligationStatuses.map((value) => ({ value, label: humanize(value) }))}
            value={span === 'all' ? status : 'pending'}
            disabled={span !== 'all'}
            onChange={(value) => {
              setStatus(value as ObligationStatus | null);
              setPage(1);
            }}
            clearable
            data-testid="deadlines-status"
          />
        </Group>
        <DataTable
          testId="deadlines-table"
          columns={columns}
          rows={rows}
          rowKey={(o) => o.id}
          loading={query.isLoading}
          error={query.error ?? missed.error}
          emptyText={span === 'all' && !status ? 'No reporting obligations yet.' : 'No obligations match.'}
          paging={span === 'all' ? { page, pageSize, total, onPageChange: setPage } : undefined}
        />
      </Paper>
    </>
  );
}
