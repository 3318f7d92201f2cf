import { Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { IconChartBar } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { Obligation, Sanction, Violation } from '../../api/types';
import { Countdown } from '../../components/countdown';
import { type Column, DataTable } from '../../components/data-table';
import { ErrorAlert } from '../../components/error-alert';
import { formatDateTime, humanize } from '../../components/format';
import { isOverdue } from '../reports/detail/report-obligations';
import { OverdueBadge } from '../reports/report-badges';
import { useObligations } from '../reports/reports.api';
import { SanctionStatusBadge, termText } from '../sanctions/sanction-badges';
import { Card } from '../sanctions/sanction-parts';
import { useSanctions } from '../sanctions/sanctions.api';
import { MeasureCell } from '../sanctions/sanctions-page';
import { duration, Kpi, KpiGrid, percent } from '../scorecards/scorecard-parts';
import { useScorecard } from '../scorecards/scorecards.api';
import { ViolationSeverityBadge, ViolationStatusBadge } from '../violations/violation-badges';
import { useViolations } from '../violations/violations.api';

export function ScorecardSummary({ orgId }: { orgId: string }) {
  const query = useScorecard(orgId, {});
  const card = query.data;
  return (
    <Card
      title={
        <Group justify="space-between">
          <span>Scorecard, last 12 months</span>
          <Button component={Link} to="/scorecard" size="xs" variant="default" leftSection={<IconChartBar size={14} />}>
            Full scorecard
          </Button>
        </Group>
      }
      testId="programme-scorecard"
    >
      {query.error && <ErrorAlert error={query.error} />}
      {card && (
        <KpiGrid>
          <Kpi
            label="On-time rate"
            value={percent(card.obligations.onTimeRate)}
            hint={`${card.obligations.metOnTime} of ${card.obligations.metOnTime + card.obligations.late + card.obligations.missed} due`}
          />
          <Kpi
            label="Obligations"
            value={card.obligations.total}
            hint={`${card.obligations.late} late · ${card.obligations.missed} missed · ${card.obligations.pending} pending`}
          />
          <Kpi label="Worst lateness" value={duration(card.lateness.worstSeconds)} />
          <Kpi label="Completeness" value={percent(card.completeness.rate)} />
        </KpiGrid>
      )}
    </Card>
  );
}

const obligationColumns: Column<Obligation>[] = [
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
          {o.regimeId} · {humanize(o.stage)}
        </Text>
      </Stack>
    ),
  },
  { key: 'due', header: 'Due at', render: (o) => formatDateTime(o.dueAt) },
  {
    key: 'left',
    header: 'Time left',
    render: (o) => (
      <Group gap={6} wrap="nowrap">
        {isOverdue(o) && <OverdueBadge />}
        <Countdown dueAt={o.dueAt} />
      </Group>
    ),
  },
];

/** Pending obligations, soonest due first: reporting keeps running whatever the partner status. */
export function OpenObligations({ orgId }: { orgId: string }) {
  const query = useObligations({ status: 'pending', orgId, order: 'asc', limit: 50 });
  return (
    <Card title="Open reporting obligations" testId="programme-obligations">
      <DataTable
        columns={obligationColumns}
        rows={query.data?.items}
        rowKey={(o) => o.id}
        loading={query.isLoading}
        error={query.error}
        emptyText="No open obligations: every report is on record."
      />
    </Card>
  );
}

const violationColumns: Column<Violation>[] = [
  {
    key: 'rule',
    header: 'Rule',
    render: (v) => (
      <Group gap={6} wrap="nowrap">
        <ViolationSeverityBadge severity={v.severity} />
        <Text size="sm" ff="monospace" style={{ whiteSpace: 'nowrap' }} title={v.ruleName ?? undefined}>
          {v.ruleId}
        </Text>
      </Group>
    ),
  },
  { key: 'reason', header: 'Reason', render: (v) => v.summary },
  { key: 'status', header: 'Status', render: (v) => <ViolationStatusBadge status={v.status} /> },
  {
    key: 'opened',
    header: 'Opened',
    render: (v) => (
      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
        {formatDateTime(v.openedAt)}
      </Text>
    ),
  },
];

export function Violations() {
  const query = useViolations({ limit: 50 });
  return (
    <Card title="Violations" testId="programme-violations">
      <DataTable
        columns={violationColumns}
        rows={query.data?.items}
        rowKey={(v) => v.id}
        loading={query.isLoading}
        error={query.error}
        emptyText="No violations of the programme rules."
      />
    </Card>
  );
}

const sanctionColumns: Column<Sanction>[] = [
  { key: 'measure', header: 'Measure', render: (s) => <MeasureCell s={s} link /> },
  { key: 'status', header: 'Status', render: (s) => <SanctionStatusBadge status={s.status} /> },
  { key: 'reason', header: 'Reason', render: (s) => s.decisionReason ?? s.reason },
  {
    key: 'term',
    header: 'Term',
    render: (s) => (
      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
        {termText(s)}
      </Text>
    ),
  },
  { key: 'outcome', header: 'Outcome', render: (s) => (s.outcome ? humanize(s.outcome) : '—') },
];

/** The partner's decided sanctions (the operator's deliberation before a decision is not shown). */
export function Sanctions() {
  const query = useSanctions({ limit: 50 });
  return (
    <Card title="Sanctions" testId="programme-sanctions">
      <DataTable
        columns={sanctionColumns}
        rows={query.data?.items}
        rowKey={(s) => s.id}
        loading={query.isLoading}
        error={query.error}
        emptyText="No sanctions."
      />
    </Card>
  );
}
