import {
  Alert,
  Anchor,
  Button,
  Group,
  MultiSelect,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { type ReportSummary, reportStatuses, severities } from '../../../api/types';
import { Countdown, useNow } from '../../../components/countdown';
import { type Column, DataTable } from '../../../components/data-table';
import { formatDateTime, humanize, orDash } from '../../../components/format';
import { PageHeader } from '../../../components/page-header';
import { useTableState } from '../../../components/table-state';
import { useMe } from '../../auth/session-context';
import { useUsers } from '../../users/users.api';
import { OverdueBadge, ReportSeverityBadge, ReportStatusBadge } from '../report-badges';
import { canSubmitReports, canTriage } from '../reports.permissions';
import { type AssigneeFilter, type DeadlineFilter, type DeadlineInfo, useQueue } from './queue-data';

function DeadlineCell({ info }: { info: DeadlineInfo | undefined }) {
  if (!info?.next)
    return (
      <Text span size="sm" c="dimmed">
        —
      </Text>
    );
  return (
    <Group gap={6} wrap="nowrap">
      {info.overdue && <OverdueBadge />}
      <Stack gap={0}>
        <Countdown dueAt={info.next.dueAt} />
        <Text size="xs" c="dimmed">
          {info.next.regimeId} · {humanize(info.next.stage)}
        </Text>
      </Stack>
    </Group>
  );
}

function useColumns(triage: boolean, deadlines: Map<string, DeadlineInfo>, names: Map<string, string>) {
  return useMemo(() => {
    const columns: Column<ReportSummary>[] = [
      {
        key: 'ref',
        header: 'Ref',
        sortField: 'ref',
        width: 130,
        render: (r) => (
          <Anchor component={Link} to={`/reports/${r.id}`} size="sm" fw={600} ff="monospace">
            {r.ref}
          </Anchor>
        ),
      },
      {
        key: 'title',
        header: 'Title',
        sortField: 'title',
        render: (r) => (
          <Text size="sm" lineClamp={2}>
            {r.title}
          </Text>
        ),
      },
      {
        key: 'severity',
        header: 'Severity',
        sortField: 'severity',
        width: 110,
        render: (r) => <ReportSeverityBadge severity={r.severity} />,
      },
      {
        key: 'status',
        header: 'Status',
        sortField: 'status',
        width: 130,
        render: (r) => <ReportStatusBadge status={r.status} />,
      },
      { key: 'reporter', header: 'Reporter', render: (r) => orDash(r.reporterName) },
      { key: 'receivedAt', header: 'Received', sortField: 'receivedAt', render: (r) => formatDateTime(r.receivedAt) },
    ];
    if (triage)
      columns.push({
        key: 'assignee',
        header: 'Assignee',
        render: (r) =>
          r.assigneeId ? (
            (names.get(r.assigneeId) ?? 'someone')
          ) : (
            <Text span size="sm" c="dimmed">
              unassigned
            </Text>
          ),
      });
    columns.push({
      key: 'deadline',
      header: 'Next deadline',
      render: (r) => <DeadlineCell info={deadlines.get(r.id)} />,
    });
    return columns;
  }, [triage, deadlines, names]);
}

export function ReportsPage() {
  const me = useMe();
  const triage = canTriage(me);
  const table = useTableState('receivedAt', 'desc');
  const now = useNow(30_000);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [status, setStatus] = useState<string[]>([]);
  const [severity, setSeverity] = useState<string[]>([]);
  const [assignee, setAssignee] = useState<AssigneeFilter>('all');
  const [deadline, setDeadline] = useState<DeadlineFilter>('all');
  const queue = useQueue({ q, status, severity, assignee, deadline }, table, me.id, now);
  const users = useUsers({ orgId: me.orgId ?? undefined, limit: 200 }, triage);
  const names = useMemo(() => new Map((users.data?.items ?? []).map((u) => [u.id, u.name])), [users.data]);
  const columns = useColumns(triage, queue.deadlines, names);
  const filtered = Boolean(q || status.length || severity.length || assignee !== 'all' || deadline !== 'all');
  const change =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      table.resetPage();
    };

  return (
    <>
      <PageHeader
        title={triage ? 'Triage queue' : 'Reports'}
        description={
          triage
            ? 'Every report received, with its nearest reporting deadline. Assign, triage and coordinate from the report page.'
            : 'The vulnerability reports your organisation submitted or was brought into as a vendor.'
        }
        actions={
          canSubmitReports(me) && (
            <Button component={Link} to="/reports/new" leftSection={<IconPlus size={16} />}>
              Submit report
            </Button>
          )
        }
      />
      <Paper withBorder p="sm" radius="sm">
        <Group gap="sm" mb="sm" align="flex-end">
          <TextInput
            aria-label="Search reports"
            placeholder="Ref, title, CVE id"
            leftSection={<IconSearch size={14} />}
            value={search}
            onChange={(event) => change(setSearch)(event.currentTarget.value)}
            w={220}
            data-testid="reports-search"
          />
          <MultiSelect
            aria-label="Status"
            placeholder={status.length ? undefined : 'Any status'}
            data={reportStatuses.map((value) => ({ value, label: humanize(value) }))}
            value={status}
            onChange={change(setStatus)}
            clearable
            w={200}
            data-testid="filter-status"
          />
          <MultiSelect
            aria-label="Severity"
            placeholder={severity.length ? undefined : 'Any severity'}
            data={severities.map((value) => ({ value, label: humanize(value) }))}
            value={severity}
            onChange={change(setSeverity)}
            clearable
            w={180}
            data-testid="filter-severity"
          />
          {triage && (
            <SegmentedControl
              aria-label="Assignee"
              size="xs"
              data={[
                { value: 'all', label: 'Anyone' },
                { value: 'unassigned', label: 'Unassigned' },
                { value: 'mine', label: 'Assigned to me' },
              ]}
              value={assignee}
              onChange={(value) => change(setAssignee)(value as AssigneeFilter)}
              data-testid="filter-assignee"
            />
          )}
          <SegmentedControl
            aria-label="Deadlines"
            size="xs"
            data={[
              { value: 'all', label: 'All deadlines' },
              { value: 'due_soon', label: 'Due within 48 h' },
              { value: 'overdue', label: 'Overdue' },
            ]}
            value={deadline}
            onChange={(value) => change(setDeadline)(value as DeadlineFilter)}
            data-testid="filter-deadline"
          />
        </Group>
        <DataTable
          testId="reports-table"
          columns={columns}
          rows={queue.rows}
          rowKey={(r) => r.id}
          loading={queue.reports.isLoading}
          error={queue.error}
          emptyText={filtered ? 'No reports match these filters.' : 'No reports yet.'}
          sort={table.sort}
          order={table.order}
          onSort={table.toggleSort}
          paging={{
            page: table.page,
            pageSize: table.pageSize,
            total: queue.total,
            onPageChange: table.setPage,
            onPageSizeChange: table.setPageSize,
          }}
        />
      </Paper>
    </>
  );
}
