import { Alert, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconHourglass, IconInfoCircle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { Org, PartnerStatus } from '../../api/types';
import { ErrorAlert } from '../../components/error-alert';
import { formatDateTime } from '../../components/format';
import { CapabilityBadges, PartnerStandingBadge, standingText } from '../organisations/partner-standing';

const withheld =
  'You do not receive partner-only (TLP:AMBER and above) warnings, intelligence and shared reports. ' +
  'Your reporting obligations keep running: report as before, on time.';

const explanations: Record<PartnerStatus, { color: string; icon: ReactNode; text: string }> = {
  active: {
    color: 'green',
    icon: <IconCircleCheck size={20} />,
    text:
      'You receive partner-only (TLP:AMBER and above) warnings, intelligence and shared reports. ' +
      'Meet your reporting obligations on time to stay in good standing.',
  },
  warned: {
    color: 'yellow',
    icon: <IconInfoCircle size={20} />,
    text:
      'A warning is on record. You still receive partner-only content; further violations of the programme rules ' +
      'can lead to a suspension.',
  },
  suspended: {
    color: 'red',
    icon: <IconAlertTriangle size={20} />,
    text: `${withheld} When the suspension ends a reinstatement review opens and you submit your rectification.`,
  },
  under_review: {
    color: 'orange',
    icon: <IconHourglass size={20} />,
    text:
      'Your suspension has ended and a reinstatement review is open: submit your rectification below. ' +
      `Until the operator decides: ${withheld.charAt(0).toLowerCase()}${withheld.slice(1)}`,
  },
  revoked: {
    color: 'red',
    icon: <IconAlertTriangle size={20} />,
    text:
      'Your partnership is revoked. You no longer receive partner-only (TLP:AMBER and above) content. ' +
      'Your reporting obligations keep running.',
  },
};

/** The partner's standing: a clear badge, what it means for the partner, and what it may receive and must do. */
export function ProgrammeStanding({ org, loading, error }: { org?: Org; loading: boolean; error: unknown }) {
  if (loading) return <Skeleton height={120} />;
  if (error || !org) return <ErrorAlert error={error ?? new Error('Organisation not found')} />;
  if (!org.partnerStatus) {
    return (
      <Text size="sm" c="dimmed">
        {org.name} is not a partner organisation: the partner programme does not apply.
      </Text>
    );
  }
  const { color, icon, text } = explanations[org.partnerStatus];
  return (
    <Paper withBorder p="md" radius="sm" data-testid="programme-standing">
      <Stack gap="sm">
        <Group justify="space-between">
          <Group gap="sm">
            <Title order={3} size="h5">
              Partner status
            </Title>
            <PartnerStandingBadge status={org.partnerStatus} until={org.partnerStatusUntil} size="lg" />
          </Group>
          <CapabilityBadges capabilities={org.capabilities} />
        </Group>
        <Alert
          color={color}
          variant="light"
          icon={icon}
          title={standingText(org.partnerStatus, org.partnerStatusUntil)}
          data-testid="programme-standing-explanation"
        >
          <Text size="sm">{text}</Text>
          {org.partnerStatusUntil && (
            <Text size="xs" c="dimmed" mt={4}>
              Until {formatDateTime(org.partnerStatusUntil)}
            </Text>
          )}
        </Alert>
      </Stack>
    </Paper>
  );
}
