import { Badge, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconX } from '@tabler/icons-react';
import type { Org, PartnerStatus } from '../../api/types';
import { formatDate, humanize } from '../../components/format';

// Standing that restricts a partner stands out: filled, in warning colours.
const standing: Record<PartnerStatus, { color: string; variant: 'light' | 'filled' }> = {
  active: { color: 'green', variant: 'light' },
  warned: { color: 'yellow', variant: 'light' },
  suspended: { color: 'red', variant: 'filled' },
  under_review: { color: 'orange', variant: 'filled' },
  revoked: { color: 'red', variant: 'filled' },
};

/** "Suspended until 2022-06-22", "Under review", "Active": the partner status with its end, if any. */
export function standingText(status: PartnerStatus, until: string | null): string {
  return until ? `${humanize(status)} until ${formatDate(until)}` : humanize(status);
}

/**
 * The partner status as a badge: "Suspended until 2022-06-22" in one badge, or (`stacked`, for narrow table
 * columns) the status badge with "until 2022-06-22" beneath it.
 */
export function PartnerStandingBadge({
  status,
  until,
  size = 'sm',
  stacked = false,
}: {
  status: PartnerStatus | null;
  until: string | null;
  size?: 'sm' | 'md' | 'lg' | 'xl';
  stacked?: boolean;
}) {
  if (!status) return <span>—</span>;
  const { color, variant } = standing[status];
  const badge = (text: string) => (
    <Badge
      miw="max-content"
      style={{ flexShrink: 0 }}
      color={color}
      variant={variant}
      size={size}
      data-testid={stacked ? undefined : 'partner-standing'}
    >
      {text}
    </Badge>
  );
  if (!stacked) return badge(standingText(status, until));
  return (
    <Stack gap={2} align="flex-start" data-testid="partner-standing">
      {badge(humanize(status))}
      {until && (
        <Text size="xs" c={color} fw={600} style={{ whiteSpace: 'nowrap' }}>
          until {formatDate(until)}
        </Text>
      )}
    </Stack>
  );
}

const capabilityLabels: Record<keyof Org['capabilities'], { label: string; explain: string }> = {
  receivesPartnerOnly: {
    label: 'Partner-only content',
    explain: 'Receives partner-only (TLP:AMBER and above) warnings, intelligence and shared reports',
  },
  reports: { label: 'Reports', explain: 'Submits vulnerability reports; reporting obligations apply' },
};

/** What the partner status allows, one badge per capability: granted (check) or withheld (cross). */
export function CapabilityBadges({ capabilities }: { capabilities: Org['capabilities'] }) {
  return (
    <Group gap={4} wrap="nowrap" data-testid="capabilities">
      {(Object.keys(capabilityLabels) as (keyof Org['capabilities'])[]).map((key) => {
        const granted = capabilities[key];
        const { label, explain } = capabilityLabels[key];
        return (
          <Tooltip key={key} label={`${granted ? '' : 'Withheld: '}${explain}`} withArrow>
            <Badge
              size="sm"
              variant="outline"
              color={granted ? 'green' : 'red'}
              leftSection={granted ? <IconCheck size={10} /> : <IconX size={10} />}
              miw="max-content"
              style={{ flexShrink: 0, textTransform: 'none' }}
              data-testid={`capability-${key}`}
              data-granted={granted}
            >
              {label}
            </Badge>
          </Tooltip>
        );
      })}
    </Group>
  );
}
