import { Badge, Group, Table, Text } from '@mantine/core';
import type { ReportObligation } from '../../../api/types';
import { Countdown, humanDuration } from '../../../components/countdown';
import { ErrorAlert } from '../../../components/error-alert';
import { formatDateTime, humanize } from '../../../components/format';
import { timelineFieldLabels } from '../form/report-form-model';
import { ObligationStatusBadge, OverdueBadge } from '../report-badges';
import { useReportObligations } from '../reports.api';
import { Section } from './report-details';

// What an obligation's clock waits for, named as the report form names it.
const triggerLabels: Record<string, string> = { receivedAt: 'Received', ...timelineFieldLabels };

export function lateness(o: Pick<ReportObligation, 'status' | 'latenessSeconds' | 'metAt'>): string {
  if (o.status === 'met') return 'on time';
  if ((o.status === 'late' || o.status === 'missed') && o.latenessSeconds !== null)
    return `${humanDuration(o.latenessSeconds)} late`;
  return '—';
}

export const isOverdue = (o: Pick<ReportObligation, 'status' | 'dueAt'>, now = Date.now()) =>
  o.status === 'missed' || (o.status === 'pending' && o.dueAt !== null && new Date(o.dueAt).getTime() < now);

function ObligationRow({ o }: { o: ReportObligation }) {
  return (
    <Table.Tr data-testid="obligation-row">
      <Table.Td>
        <Text size="sm" fw={500}>
          {o.title}
        </Text>
        <Text size="xs" c="dimmed">
          {o.regimeId} · {o.obligationKey}
        </Text>
      </Table.Td>
      <Table.Td>{humanize(o.stage)}</Table.Td>
      <Table.Td>
        <Text size="sm">{formatDateTime(o.dueAt)}</Text>
        {o.dueAt === null && (
          <Text size="xs" c="dimmed">
            waits for {triggerLabels[o.trigger] ?? humanize(o.trigger)}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Group gap={6} wrap="nowrap">
          {isOverdue(o) && <OverdueBadge />}
          <Countdown dueAt={o.dueAt} done={o.status === 'met' || o.status === 'late'} />
        </Group>
      </Table.Td>
      <Table.Td>
        <ObligationStatusBadge status={o.status} />
      </Table.Td>
      <Table.Td>{o.metAt ? `${formatDateTime(o.metAt)} · ${lateness(o)}` : lateness(o)}</Table.Td>
      <Table.Td>
        {o.missingFields.length === 0 ? (
          '—'
        ) : (
          <Group gap={4}>
            {o.missingFields.map((f) => (
              <Badge key={f} size="xs" color="orange" variant="outline" tt="none">
                {f}
              </Badge>
            ))}
          </Group>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

export function ReportObligations({ reportId }: { reportId: string }) {
  const query = useReportObligations(reportId);
  const items = query.data?.items ?? [];
  return (
    <Section title="Reporting obligations" testId="report-obligations">
      <ErrorAlert error={query.error} />
      {!query.isLoading && items.length === 0 ? (
        <Text size="sm" c="dimmed">
          No reporting regime applies: the reporter's organisation has none assigned, or none covers this report.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={800}>
          <Table fz="sm" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Obligation</Table.Th>
                <Table.Th>Stage</Table.Th>
                <Table.Th>Due at</Table.Th>
                <Table.Th>Time left</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Met</Table.Th>
                <Table.Th>Missing fields</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((o) => (
                <ObligationRow key={`${o.regimeId}:${o.obligationKey}`} o={o} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Section>
  );
}
