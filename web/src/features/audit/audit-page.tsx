import { ActionIcon, Badge, Code, Group, Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { useState } from 'react';
import type { AuditEntry, AuditQuery, SortOrder } from '../../api/types';
import { type Column, DataTable } from '../../components/data-table';
import { formatDateTime, pickerToIso } from '../../components/format';
import { PageHeader } from '../../components/page-header';
import { isOperatorAdmin, useMe } from '../auth/session-context';
import { compactSummary, useAuditEntries } from './audit.api';
import { AuditFilters, type AuditFilterValues, emptyAuditFilters } from './audit-filters';
import { AuditVerifyActions } from './audit-verify';

function toQuery(filters: AuditFilterValues): AuditQuery {
  const text = (value: string) => value.trim() || undefined;
  return {
    action: filters.action ?? undefined,
    actorId: text(filters.actorId),
    orgId: filters.orgId ?? undefined,
    subjectType: text(filters.subjectType),
    subjectId: text(filters.subjectId),
    from: pickerToIso(filters.from),
    to: pickerToIso(filters.to),
  };
}

function EntryDetails({ entry }: { entry: AuditEntry }) {
  return (
    <Stack gap={6} data-testid="audit-entry-details">
      <Group gap="xl">
        <Text size="xs">
          <b>Actor:</b> {entry.actor.type} {entry.actor.id ?? ''} ({entry.actor.label})
        </Text>
        <Text size="xs">
          <b>Organisation:</b> {entry.orgId ?? '—'}
        </Text>
        <Text size="xs">
          <b>Subject:</b> {entry.subjectType ?? '—'} {entry.subjectId ?? ''}
        </Text>
      </Group>
      <Code block>{JSON.stringify(entry.summary, null, 2)}</Code>
      <Text size="xs" ff="monospace">
        prev hash: {entry.prevHash}
      </Text>
      <Text size="xs" ff="monospace">
        hash:&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; {entry.hash}
      </Text>
    </Stack>
  );
}

function columns(expanded: Set<number>, toggle: (seq: number) => void): Column<AuditEntry>[] {
  return [
    {
      key: 'expand',
      header: '',
      width: 32,
      render: (entry) => (
        <ActionIcon
          size="sm"
          variant="subtle"
          color="gray"
          aria-label={`${expanded.has(entry.seq) ? 'Collapse' : 'Expand'} entry ${entry.seq}`}
          aria-expanded={expanded.has(entry.seq)}
          onClick={() => toggle(entry.seq)}
        >
          {expanded.has(entry.seq) ? <IconChevronDown size={14} /> : <IconChevronRight size={14} />}
        </ActionIcon>
      ),
    },
    {
      key: 'seq',
      header: 'Seq',
      width: 60,
      render: (entry) => (
        <Text size="sm" ff="monospace">
          {entry.seq}
        </Text>
      ),
    },
    {
      key: 'time',
      header: 'Time',
      render: (entry) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(entry.time)}</span>,
    },
    {
      key: 'actor',
      header: 'Actor',
      render: (entry) => (
        <Group gap={4} wrap="nowrap">
          <Badge miw="fit-content" style={{ flexShrink: 0 }} size="xs" variant="outline" color="gray">
            {entry.actor.type}
          </Badge>
          <Text size="sm">{entry.actor.label}</Text>
        </Group>
      ),
    },
    { key: 'action', header: 'Action', render: (entry) => <Code>{entry.action}</Code> },
    {
      key: 'subject',
      header: 'Subject',
      render: (entry) =>
        entry.subjectType ? (
          <Text size="sm" style={{ whiteSpace: 'nowrap' }} title={entry.subjectId ?? undefined}>
            {entry.subjectType} <Code>{entry.subjectId?.slice(0, 8) ?? ''}</Code>
          </Text>
        ) : (
          '—'
        ),
    },
    {
      key: 'summary',
      header: 'Summary',
      render: (entry) => (
        <Text size="xs" c="dimmed" ff="monospace" lineClamp={1} title={JSON.stringify(entry.summary)}>
          {compactSummary(entry.summary)}
        </Text>
      ),
    },
  ];
}

export function AuditPage() {
  const me = useMe();
  if (!isOperatorAdmin(me)) {
    return (
      <>
        <PageHeader title="Audit log" />
        <Text size="sm" c="dimmed">
          Only administrators of the operator organisation can read the audit log.
        </Text>
      </>
    );
  }
  return <AuditLog />;
}

function AuditLog() {
  const [filters, setFilters] = useState<AuditFilterValues>(emptyAuditFilters);
  const [debounced] = useDebouncedValue(filters, 300);
  const [order, setOrder] = useState<SortOrder>('desc');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const [expanded, setExpanded] = useState<Set<number>>(new Set());
  const query = useAuditEntries({ ...toQuery(debounced), order, limit: pageSize, offset: (page - 1) * pageSize });

  const toggle = (seq: number) =>
    setExpanded((previous) => {
      const next = new Set(previous);
      if (next.has(seq)) next.delete(seq);
      else next.add(seq);
      return next;
    });

  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every change, hash-chained: each entry's hash covers the previous one, so tampering is detectable."
      />
      <Stack gap="md">
        <Paper withBorder p="sm" radius="sm">
          <AuditVerifyActions />
        </Paper>
        <Paper withBorder p="sm" radius="sm">
          <Stack gap="xs" mb="sm">
            <AuditFilters
              value={filters}
              onChange={(next) => {
                setFilters(next);
                setPage(1);
              }}
            />
            <SegmentedControl
              size="xs"
              aria-label="Order"
              data={[
                { value: 'desc', label: 'Newest first' },
                { value: 'asc', label: 'Oldest first' },
              ]}
              value={order}
              onChange={(value) => {
                setOrder(value as SortOrder);
                setPage(1);
              }}
              data-testid="audit-order"
              style={{ alignSelf: 'flex-end' }}
            />
          </Stack>
          <DataTable
            testId="audit-table"
            columns={columns(expanded, toggle)}
            rows={query.data?.items}
            rowKey={(entry) => String(entry.seq)}
            loading={query.isLoading}
            error={query.error}
            emptyText="No audit entries match these filters. Widen the time range or clear the filters."
            renderExpanded={(entry) => <EntryDetails entry={entry} />}
            isExpanded={(entry) => expanded.has(entry.seq)}
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
      </Stack>
    </>
  );
}
