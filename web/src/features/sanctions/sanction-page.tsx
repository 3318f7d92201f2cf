import { Anchor, Badge, Breadcrumbs, Grid, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import type { SanctionDetail } from '../../api/types';
import { type Column, DataTable } from '../../components/data-table';
import { ErrorAlert } from '../../components/error-alert';
import { formatDateTime, humanize, orDash } from '../../components/format';
import { isOperator, isOperatorAdmin, useMe } from '../auth/session-context';
import { ViolationSeverityBadge, ViolationStatusBadge } from '../violations/violation-badges';
import { useViolation } from '../violations/violations.api';
import { MeasureBadge, measureText, ReviewStatusBadge, SanctionStatusBadge } from './sanction-badges';
import { SanctionDecisionActions } from './sanction-decisions';
import { Card, Fields, type Row } from './sanction-parts';
import { useSanction } from './sanctions.api';

function ViolationFields({ id }: { id: string }) {
  const query = useViolation(id);
  if (query.isLoading) return <Skeleton height={40} />;
  if (query.error || !query.data) return <ErrorAlert error={query.error ?? new Error('Violation not found')} />;
  const v = query.data;
  return (
    <Stack gap={4} data-testid="sanction-violation">
      <Group gap={6}>
        <ViolationSeverityBadge severity={v.severity} />
        <ViolationStatusBadge status={v.status} />
        <Text size="sm" ff="monospace">
          {v.ruleId}
        </Text>
      </Group>
      <Text size="sm">{v.summary}</Text>
      <Text size="xs" c="dimmed">
        Opened {formatDateTime(v.openedAt)}
        {v.closedAt ? ` · closed ${formatDateTime(v.closedAt)}` : ''}
      </Text>
    </Stack>
  );
}

function Proposal({ s }: { s: SanctionDetail }) {
  const rows: Row[] = [
    ['Measure', measureText(s.proposedMeasure, s.proposedPeriod)],
    ['Reason', s.reason],
    ['Proposed by', s.source === 'policy' ? "The programme's policy, for a violation" : s.proposedByLabel],
    ['Proposed at', formatDateTime(s.proposedAt)],
    ['Violation', s.violationId ? <ViolationFields key="v" id={s.violationId} /> : 'None: proposed on its own'],
  ];
  return (
    <Card title="Proposal" testId="sanction-proposal">
      <Fields rows={rows} />
    </Card>
  );
}

function Decision({ s }: { s: SanctionDetail }) {
  if (!s.decision) {
    return (
      <Card title="Decision" testId="sanction-decision">
        <Text size="sm" c="dimmed">
          Not decided yet. An operator manager confirms, changes (with a reason) or dismisses the proposal
          {s.fourEyes ? '; a second manager then approves the decision.' : '.'}
        </Text>
      </Card>
    );
  }
  const rows: Row[] = [
    ['Decision', humanize(s.decision)],
    ['Measure', measureText(s.measure, s.period)],
    ['Reason', orDash(s.decisionReason)],
    ['Legal basis', orDash(s.legalBasis)],
    ['Decided by', `${s.decidedByLabel ?? '—'}, ${formatDateTime(s.decidedAt)}`],
  ];
  if (s.fourEyes || s.approvedByLabel) {
    rows.push([
      'Approved by',
      s.approvedByLabel ? `${s.approvedByLabel}, ${formatDateTime(s.approvedAt)}` : 'Awaiting a second manager',
    ]);
  }
  return (
    <Card title="Decision" testId="sanction-decision">
      <Fields rows={rows} />
    </Card>
  );
}

function Term({ s }: { s: SanctionDetail }) {
  const rows: Row[] = [
    ['Starts', formatDateTime(s.startsAt)],
    ['Ends', s.measure === 'suspension' ? formatDateTime(s.endsAt) : 'No end'],
    ['Outcome', s.outcome ? humanize(s.outcome) : '—'],
    ['Completed', formatDateTime(s.completedAt)],
  ];
  return (
    <Card title="Term" testId="sanction-term">
      <Fields rows={rows} />
    </Card>
  );
}

const reviewColumns: Column<SanctionDetail['reviews'][number]>[] = [
  {
    key: 'round',
    header: 'Round',
    render: (r) => (
      <Anchor component={Link} to={`/reviews/${r.id}`} size="sm" fw={600}>
        Review {r.round}
      </Anchor>
    ),
  },
  { key: 'status', header: 'Status', render: (r) => <ReviewStatusBadge status={r.status} /> },
  { key: 'opened', header: 'Opened', render: (r) => formatDateTime(r.openedAt) },
  { key: 'decision', header: 'Decision', render: (r) => (r.decision ? humanize(r.decision) : '—') },
  { key: 'reason', header: 'Reason', render: (r) => orDash(r.decisionReason) },
  { key: 'newEnd', header: 'New end', render: (r) => formatDateTime(r.newEndsAt) },
];

export function SanctionPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const query = useSanction(id);
  const s = query.data;
  const crumbs = (
    <Breadcrumbs mb="xs" fz="sm">
      {isOperator(me) ? (
        <Anchor component={Link} to="/sanctions" size="sm">
          Sanctions
        </Anchor>
      ) : (
        <Anchor component={Link} to="/programme" size="sm">
          Programme
        </Anchor>
      )}
      <Text size="sm">{s?.orgName ?? '…'}</Text>
    </Breadcrumbs>
  );
  if (query.isLoading) {
    return (
      <Stack>
        {crumbs}
        <Skeleton height={120} />
      </Stack>
    );
  }
  if (query.error || !s) {
    return (
      <Stack>
        {crumbs}
        <ErrorAlert error={query.error ?? new Error('Sanction not found')} />
      </Stack>
    );
  }
  return (
    <Stack gap="md" data-testid="sanction-page">
      <div>{crumbs}</div>
      <Paper withBorder p="md" radius="sm">
        <Group justify="space-between" align="flex-start">
          <Stack gap={6}>
            <Group gap="xs">
              <SanctionStatusBadge status={s.status} />
              <MeasureBadge measure={s.measure} />
              <Badge size="sm" variant="dot" color={s.source === 'policy' ? 'indigo' : 'teal'}>
                {s.source}
              </Badge>
            </Group>
            <Title order={2} size="h3" data-testid="sanction-title">
              {measureText(s.measure, s.period)}:{' '}
              {isOperator(me) ? (
                <Anchor component={Link} to={`/organisations/${s.orgId}`} inherit>
                  {s.orgName}
                </Anchor>
              ) : (
                s.orgName
              )}
            </Title>
            <Text size="sm" c="dimmed">
              {isOperator(me)
                ? `Proposed by ${s.source === 'policy' ? 'the policy' : s.proposedByLabel} on ${formatDateTime(s.proposedAt)}`
                : `Decided on ${formatDateTime(s.decidedAt)}`}{' '}
              · updated {formatDateTime(s.updatedAt)}
              {isOperator(me) && s.fourEyes ? ' · four-eyes: decisions need a second manager' : ''}
            </Text>
          </Stack>
          {isOperatorAdmin(me) && <SanctionDecisionActions sanction={s} />}
        </Group>
      </Paper>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 6 }}>
          {/* The deliberation before the decision is the operator's; a partner sees the violation it answers. */}
          {isOperator(me) ? (
            <Proposal s={s} />
          ) : (
            <Card title="Violation" testId="sanction-proposal">
              {s.violationId ? <ViolationFields id={s.violationId} /> : <Text size="sm">{s.reason}</Text>}
            </Card>
          )}
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Decision s={s} />
        </Grid.Col>
      </Grid>
      <Term s={s} />
      <Card title="Reinstatement reviews" testId="sanction-reviews">
        <DataTable
          columns={reviewColumns}
          rows={s.reviews}
          rowKey={(r) => r.id}
          emptyText={
            s.measure === 'suspension'
              ? 'No review yet: one opens when the suspension ends.'
              : 'Only a suspension ends in a reinstatement review.'
          }
        />
      </Card>
    </Stack>
  );
}
