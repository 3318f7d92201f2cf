import { Grid, Group, Skeleton, Stack, Table, Text } from '@mantine/core';
import type { Scorecard } from '../../api/types';
import { ErrorAlert } from '../../components/error-alert';
import { formatDate } from '../../components/format';
import { ObligationsTrendChart } from './scorecard-charts';
import { duration, Kpi, KpiGrid, PeriodPicker, percent, ReportActions, Section, usePeriod } from './scorecard-parts';
import { scorecardCsvUrl, useScorecard } from './scorecards.api';

const severityOrder = ['critical', 'high', 'medium', 'low', 'none', 'unknown'] as const;

function Figures({ card }: { card: Scorecard }) {
  const { obligations: o, lateness, completeness, coordination } = card;
  return (
    <Stack gap="md">
      <KpiGrid>
        <Kpi
          label="On-time rate"
          value={percent(o.onTimeRate)}
          hint={`${o.metOnTime} of ${o.metOnTime + o.late + o.missed} due`}
        />
        <Kpi label="Obligations" value={o.total} hint={`${o.late} late · ${o.missed} missed · ${o.pending} pending`} />
        <Kpi
          label="Worst lateness"
          value={duration(lateness.worstSeconds)}
          hint={`median ${duration(lateness.medianSeconds)}`}
        />
        <Kpi
          label="Completeness"
          value={percent(completeness.rate)}
          hint={`${completeness.withAllRequiredFields} of ${completeness.submissions} with all required fields`}
        />
      </KpiGrid>
      <Section title="Obligations and reports per month">
        <ObligationsTrendChart trend={card.trend} />
      </Section>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Section title="Coordination requests">
            <Table fz="sm" verticalSpacing={4} data-testid="scorecard-coordination">
              <Table.Tbody>
                <Table.Tr>
                  <Table.Td>Requests (brought in as vendor)</Table.Td>
                  <Table.Td ta="right">{coordination.requests}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Td>Answered with a statement</Table.Td>
                  <Table.Td ta="right">{coordination.answered}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Td>Response rate</Table.Td>
                  <Table.Td ta="right">{percent(coordination.responseRate)}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Td>Median time to first statement</Table.Td>
                  <Table.Td ta="right">{duration(coordination.medianResponseSeconds)}</Table.Td>
                </Table.Tr>
              </Table.Tbody>
            </Table>
            <Text size="xs" c="dimmed" mt="xs">
              Responses to security warnings will appear here once warnings are issued.
            </Text>
          </Section>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Section title="Reports by severity">
            <Table fz="sm" verticalSpacing={4} data-testid="scorecard-severity">
              <Table.Tbody>
                {severityOrder.map((s) => (
                  <Table.Tr key={s}>
                    <Table.Td tt="capitalize">{s}</Table.Td>
                    <Table.Td ta="right">{card.reportsBySeverity[s]}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Section>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

/** An organisation's scorecard with its period picker, CSV download and print button. */
export function ScorecardView({ orgId }: { orgId: string }) {
  const { range, setRange, period } = usePeriod();
  const query = useScorecard(orgId, period);
  const card = query.data;
  return (
    <Stack gap="md" data-testid="scorecard">
      <Group justify="space-between" align="flex-end">
        <Group align="flex-end">
          <PeriodPicker range={range} onChange={setRange} />
          {card && (
            <Text size="sm" c="dimmed" data-testid="scorecard-period">
              {card.orgName}: {formatDate(card.period.from)} – {formatDate(card.period.to)} (end exclusive)
            </Text>
          )}
        </Group>
        <ReportActions csvUrl={scorecardCsvUrl(orgId, period)} />
      </Group>
      {query.error && <ErrorAlert error={query.error} />}
      {query.isLoading && <Skeleton height={300} />}
      {card && <Figures card={card} />}
    </Stack>
  );
}
