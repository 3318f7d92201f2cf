import { Badge } from '@mantine/core';
import type { ObligationStatus, ReportStatus, Severity, Tier, Tlp } from '../../api/types';
import { humanize } from '../../components/format';

// Whole badges, never "PEND…": min-width holds in flex rows; in an auto-sized table column only a label that does
// not clip counts its text (Mantine's label clips, so the column would be sized below it).
const badge = {
  miw: 'fit-content',
  style: { flexShrink: 0 },
  styles: { label: { overflow: 'visible' } },
  size: 'sm',
} as const;

const statusColors: Record<ReportStatus, string> = {
  received: 'blue',
  triaged: 'cyan',
  confirmed: 'indigo',
  rejected: 'gray',
  duplicate: 'gray',
  coordinating: 'violet',
  fix_available: 'teal',
  published: 'green',
  closed: 'dark',
};

export function ReportStatusBadge({ status, testId = 'report-status' }: { status: string; testId?: string }) {
  return (
    <Badge {...badge} variant="light" color={statusColors[status as ReportStatus] ?? 'gray'} data-testid={testId}>
      {humanize(status)}
    </Badge>
  );
}

const severityColors: Record<Severity, string> = {
  critical: 'red',
  high: 'orange',
  medium: 'yellow',
  low: 'green',
  none: 'gray',
  unknown: 'gray',
};

export function ReportSeverityBadge({ severity, score }: { severity: string; score?: number | null }) {
  return (
    <Badge
      {...badge}
      variant={severity === 'critical' ? 'filled' : 'light'}
      color={severityColors[severity as Severity] ?? 'gray'}
      data-testid="report-severity"
    >
      {severity}
      {score !== undefined && score !== null ? ` ${score.toFixed(1)}` : ''}
    </Badge>
  );
}

// TLP 2.0 colours as FIRST defines them.
const tlpColors: Record<Tlp, string> = {
  CLEAR: 'gray',
  GREEN: 'green',
  AMBER: 'orange',
  'AMBER+STRICT': 'orange',
  RED: 'red',
};

export function TlpBadge({ tlp }: { tlp: string }) {
  return (
    <Badge {...badge} variant="filled" color={tlpColors[tlp as Tlp] ?? 'gray'} radius="xs" data-testid="report-tlp">
      TLP:{tlp}
    </Badge>
  );
}

const tierColors: Record<Tier, string> = { general: 'gray', important: 'yellow', core: 'red' };

export function TierBadge({ tier }: { tier: string }) {
  return (
    <Badge {...badge} variant="outline" color={tierColors[tier as Tier] ?? 'gray'} data-testid="report-tier">
      {tier}
    </Badge>
  );
}

const obligationColors: Record<ObligationStatus, string> = {
  pending: 'blue',
  met: 'green',
  late: 'orange',
  missed: 'red',
};

export function ObligationStatusBadge({ status }: { status: string }) {
  return (
    <Badge
      {...badge}
      variant="light"
      color={obligationColors[status as ObligationStatus] ?? 'gray'}
      data-testid="obligation-status"
    >
      {status}
    </Badge>
  );
}

export function OverdueBadge() {
  return (
    <Badge {...badge} variant="filled" color="red" data-testid="overdue">
      overdue
    </Badge>
  );
}
