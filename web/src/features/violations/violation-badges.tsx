import { Badge } from '@mantine/core';
import type { Violation } from '../../api/types';

const badge = { miw: 'max-content', style: { flexShrink: 0 }, size: 'sm' } as const;

export function ViolationSeverityBadge({ severity }: { severity: Violation['severity'] }) {
  return (
    <Badge
      {...badge}
      variant={severity === 'major' ? 'filled' : 'light'}
      color={severity === 'major' ? 'red' : 'yellow'}
    >
      {severity}
    </Badge>
  );
}

export function ViolationStatusBadge({ status }: { status: Violation['status'] }) {
  return (
    <Badge {...badge} variant="dot" color={status === 'open' ? 'red' : 'gray'} data-testid="violation-status">
      {status}
    </Badge>
  );
}
