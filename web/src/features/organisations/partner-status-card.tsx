import { Button, Group, Paper, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconArrowRight } from '@tabler/icons-react';
import type { Org } from '../../api/types';
import { PartnerStatusBadge } from '../../components/badges';
import { ErrorAlert } from '../../components/error-alert';
import { formatDateTime, orDash } from '../../components/format';
import { ChangeStatusModal } from './change-status-modal';
import { useStatusHistory } from './organisations.api';
import { CapabilityBadges, PartnerStandingBadge } from './partner-standing';

function StatusHistory({ orgId }: { orgId: string }) {
  const history = useStatusHistory(orgId);
  if (history.isLoading) return <Skeleton height={60} />;
  if (history.error) return <ErrorAlert error={history.error} />;
  const items = history.data?.items ?? [];
  if (items.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="status-history-empty">
        No status changes recorded yet. Every change of partner status will be listed here with its reason.
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table fz="sm" verticalSpacing={4} striped withTableBorder data-testid="status-history">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>When</Table.Th>
            <Table.Th>Change</Table.Th>
            <Table.Th>Reason</Table.Th>
            <Table.Th>Legal basis</Table.Th>
            <Table.Th>Until</Table.Th>
            <Table.Th>By</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((entry) => (
            <Table.Tr key={entry.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(entry.changedAt)}</Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <PartnerStatusBadge status={entry.fromStatus} />
                  <IconArrowRight size={12} />
                  <PartnerStatusBadge status={entry.toStatus} />
                </Group>
              </Table.Td>
              <Table.Td>{entry.reason}</Table.Td>
              <Table.Td>{orDash(entry.legalBasis)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(entry.until)}</Table.Td>
              <Table.Td>{entry.changedByLabel}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function PartnerStatusCard({ org, canChange }: { org: Org; canChange: boolean }) {
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <Paper withBorder p="md" radius="sm" data-testid="partner-status-card">
      <Group justify="space-between" mb="sm">
        <Group gap="sm">
          <Title order={3} size="h5">
            Partner status
          </Title>
          <PartnerStandingBadge status={org.partnerStatus} until={org.partnerStatusUntil} />
          <CapabilityBadges capabilities={org.capabilities} />
        </Group>
        {canChange && (
          <Button size="xs" variant="light" onClick={open}>
            Change status
          </Button>
        )}
      </Group>
      <Stack gap="xs">
        <Text size="xs" fw={600} c="dimmed" tt="uppercase">
          Status history
        </Text>
        <StatusHistory orgId={org.id} />
      </Stack>
      {canChange && <ChangeStatusModal org={org} opened={opened} onClose={close} />}
    </Paper>
  );
}
