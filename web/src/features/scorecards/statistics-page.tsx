import { Grid, Group, Skeleton, Stack, Text } from '@mantine/core';
import type { Statistics } from '../../api/types';
import { ErrorAlert } from '../../components/error-alert';
import { formatDate } from '../../components/format';
import { PageHeader } from '../../components/page-header';
import { MonthlyCountChart, OnTimeRateChart, ReportsPerMonthChart, SanctionsPerMonthChart } from './scorecard-charts';
import { duration, Kpi, KpiGrid, PeriodPicker, percent, ReportActions, Section, usePeriod } from './scorecard-parts';
import { statisticsCsvUrl, useStatistics } from './scorecards.api';

function Figures({ stats }: { stats: Statistics }) {
  const reports = stats.reportsPerMonth.reduce((sum, m) => sum + m.reports, 0);
  const violations = stats.violationsPerMonth.reduce((sum, m) => sum + m.violations, 0);
  const sanctions = stats.sanctionsPerMonth.reduce((sum, m) => sum + m.sanctions, 0);
  return (
    <Stack gap="md">
      <KpiGrid>
        <Kpi label="Reports" value={reports} hint="received in the period" />
        <Kpi label="On-time rate" value={percent(stats.onTimeRateAcrossPartners)} hint="across partners" />
        <Kpi
          label="Median time to report"
          value={duration(stats.medianTimeToReportSeconds)}
          hint="awareness → platform"
        />
        <Kpi
          label="Open obligations"
          value={stats.openObligations.pending + stats.openObligations.missed}
          hint={`${stats.openObligations.pending} pending · ${stats.openObligations.missed} missed (now)`}
        />
      </KpiGrid>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Section title="Reports per month">
            <ReportsPerMonthChart data={stats.reportsPerMonth} />
          </Section>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Section title="On-time rate per month">
            <OnTimeRateChart data={stats.obligationsPerMonth} />
          </Section>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Section title="Violations per month">
            <MonthlyCountChart data={stats.violationsPerMonth} dataKey="violations" name="Violations" />
            <Text size="xs" c="dimmed">
              {violations} opened in the period.
            </Text>
          </Section>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Section title="Sanctions per month">
            <SanctionsPerMonthChart data={stats.sanctionsPerMonth} />
            <Text size="xs" c="dimmed">
              {sanctions} came into force in the period (by the month they started).
            </Text>
          </Section>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

/** Operator statistics across every partner, with CSV download and print. */
export function StatisticsPage() {
  const { range, setRange, period } = usePeriod();
  const query = useStatistics(period);
  const stats = query.data;
  return (
    <>
      <PageHeader
        title="Statistics"
        description="Reporting across partners: volumes, timeliness, open obligations, violations and sanctions."
      />
      <Stack gap="md" data-testid="statistics">
        <Group justify="space-between" align="flex-end">
          <Group align="flex-end">
            <PeriodPicker range={range} onChange={setRange} />
            {stats && (
              <Text size="sm" c="dimmed">
                {formatDate(stats.period.from)} – {formatDate(stats.period.to)} (end exclusive)
              </Text>
            )}
          </Group>
          <ReportActions csvUrl={statisticsCsvUrl(period)} />
        </Group>
        {query.error && <ErrorAlert error={query.error} />}
        {query.isLoading && <Skeleton height={300} />}
        {stats && <Figures stats={stats} />}
      </Stack>
    </>
  );
}
