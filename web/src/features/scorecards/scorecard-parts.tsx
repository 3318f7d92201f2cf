import { Button, Group, Paper, SimpleGrid, Text, Title } from '@mantine/core';
import { MonthPickerInput } from '@mantine/dates';
import { IconDownload, IconPrinter } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { type ReactNode, useMemo, useState } from 'react';
import type { PeriodParams } from './scorecards.api';
import './scorecard-print.css';

type MonthRange = [string | null, string | null];

/** A month range picker; empty means the API's default (the last 12 months). `to` is the month after the last one. */
export function usePeriod() {
  const [range, setRange] = useState<MonthRange>([null, null]);
  const period = useMemo<PeriodParams>(() => {
    const [start, end] = range;
    if (!start || !end) return {};
    const from = dayjs(start).startOf('month').format('YYYY-MM-01');
    const to = dayjs(end).startOf('month').add(1, 'month').format('YYYY-MM-01');
    return { from: `${from}T00:00:00.000Z`, to: `${to}T00:00:00.000Z` };
  }, [range]);
  return { range, setRange, period };
}

export function PeriodPicker({ range, onChange }: { range: MonthRange; onChange: (range: MonthRange) => void }) {
  return (
    <MonthPickerInput
      className="no-print"
      type="range"
      label="Period"
      placeholder="Last 12 months"
      size="xs"
      w={240}
      value={range}
      onChange={(value) => onChange([value[0] ? String(value[0]) : null, value[1] ? String(value[1]) : null])}
      clearable
      data-testid="period-picker"
    />
  );
}

export function ReportActions({ csvUrl }: { csvUrl: string }) {
  return (
    <Group gap="xs" className="no-print">
      <Button component="a" href={csvUrl} download variant="default" size="xs" leftSection={<IconDownload size={14} />}>
        Download CSV
      </Button>
      <Button variant="default" size="xs" leftSection={<IconPrinter size={14} />} onClick={() => window.print()}>
        Print
      </Button>
    </Group>
  );
}

export function Kpi({ label, value, hint }: { label: string; value: ReactNode; hint?: ReactNode }) {
  return (
    <Paper withBorder p="sm" radius="sm" className="print-section">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="xl" fw={700} data-testid={`kpi-${label.toLowerCase().replace(/\W+/g, '-')}`}>
        {value}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </Paper>
  );
}

export function KpiGrid({ children }: { children: ReactNode }) {
  return <SimpleGrid cols={{ base: 2, md: 4 }}>{children}</SimpleGrid>;
}

export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" radius="sm" className="print-section">
      <Title order={3} size="h5" mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

export const percent = (rate: number | null | undefined) =>
  rate === null || rate === undefined ? '—' : `${Math.round(rate * 1000) / 10} %`;

/** Seconds as the largest sensible unit: "13 d 2 h", "5 h 10 min", "40 s". */
export function duration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return '—';
  const s = Math.round(seconds);
  const d = Math.floor(s / 86_400);
  const h = Math.floor((s % 86_400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (d > 0) return h > 0 ? `${d} d ${h} h` : `${d} d`;
  if (h > 0) return m > 0 ? `${h} h ${m} min` : `${h} h`;
  return m > 0 ? `${m} min` : `${s} s`;
}
