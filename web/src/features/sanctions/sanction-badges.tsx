import { Badge } from '@mantine/core';
import type { ReviewStatus, Sanction, SanctionMeasure, SanctionStatus } from '../../api/types';
import { formatDate, humanize } from '../../components/format';

const badge = { miw: 'max-content', style: { flexShrink: 0 }, size: 'sm' } as const;

const statusColors: Record<SanctionStatus, string> = {
  proposed: 'blue',
  awaiting_approval: 'violet',
  scheduled: 'cyan',
  in_force: 'red',
  under_review: 'orange',
  completed: 'green',
  dismissed: 'gray',
};

export function SanctionStatusBadge({ status }: { status: SanctionStatus }) {
  return (
    <Badge {...badge} variant="light" color={statusColors[status]} data-testid="sanction-status">
      {humanize(status)}
    </Badge>
  );
}

const measureColors: Record<SanctionMeasure, string> = { warning: 'yellow', suspension: 'orange', revocation: 'red' };

export function MeasureBadge({ measure }: { measure: SanctionMeasure }) {
  return (
    <Badge {...badge} variant="outline" color={measureColors[measure]} data-testid="sanction-measure">
      {measure}
    </Badge>
  );
}

const reviewColors: Record<ReviewStatus, string> = {
  awaiting_rectification: 'orange',
  rectification_submitted: 'blue',
  decided: 'gray',
};

export function ReviewStatusBadge({ status }: { status: ReviewStatus }) {
  return (
    <Badge {...badge} variant="light" color={reviewColors[status]} data-testid="review-status">
      {humanize(status)}
    </Badge>
  );
}

const units: [string, string][] = [
  ['Y', 'year'],
  ['M', 'month'],
  ['W', 'week'],
  ['D', 'day'],
];

/** "P6M" → "6 months", "P1Y2M" → "1 year 2 months"; anything else as written. */
export function periodText(period: string | null): string {
  if (!period) return '';
  const match = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/.exec(period);
  if (!match || period === 'P') return period;
  return units
    .map(([, unit], i) => {
      const n = Number(match[i + 1] ?? 0);
      return n > 0 ? `${n} ${unit}${n === 1 ? '' : 's'}` : '';
    })
    .filter(Boolean)
    .join(' ');
}

/** "Suspension for 6 months", "Warning", "Revocation". */
export function measureText(measure: SanctionMeasure, period: string | null): string {
  const text = periodText(period);
  return text ? `${humanize(measure)} for ${text}` : humanize(measure);
}

/** "2021-12-22 – 2022-06-22", "from 2021-12-22", or "not set" before a decision. */
export function termText(s: Pick<Sanction, 'startsAt' | 'endsAt'>): string {
  if (!s.startsAt) return 'not set';
  return s.endsAt ? `${formatDate(s.startsAt)} – ${formatDate(s.endsAt)}` : `from ${formatDate(s.startsAt)}`;
}
