import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconGavel } from '@tabler/icons-react';
import { useState } from 'react';
import type { Org, Violation } from '../../api/types';
import { type Column, DataTable } from '../../components/data-table';
import { formatDateTime } from '../../components/format';
import { ViolationSeverityBadge, ViolationStatusBadge } from '../violations/violation-badges';
import { useViolations } from '../violations/violations.api';
import { ProposeSanctionModal } from './propose-sanction-modal';
import { useSanctions } from './sanctions.api';
import { sanctionColumns } from './sanctions-page';

const orgSanctionColumns = sanctionColumns({ withOrg: false });

function violationColumns(propose: ((v: Violation) => void) | null): Column<Violation>[] {
  const columns: Column<Violation>[] = [
    {
      key: 'rule',
      header: 'Rule',
      render: (v) => (
        <Group gap={6} wrap="nowrap">
          <ViolationSeverityBadge severity={v.severity} />
          <Text size="sm" ff="monospace" style={{ whiteSpace: 'nowrap' }}>
            {v.ruleId}
          </Text>
        </Group>
      ),
    },
    { key: 'summary', header: 'Reason', render: (v) => v.summary },
    { key: 'status', header: 'Status', render: (v) => <ViolationStatusBadge status={v.status} /> },
    {
      key: 'opened',
      header: 'Opened',
      render: (v) => (
        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
          {formatDateTime(v.openedAt)}
        </Text>
      ),
    },
  ];
  if (!propose) return columns;
  return [
    ...columns,
    {
      key: 'propose',
      header: '',
      align: 'right',
      render: (v) =>
        v.status === 'open' && (
          <Button size="compact-xs" variant="light" onClick={() => propose(v)}>
            Propose sanction
          </Button>
        ),
    },
  ];
}

/** On a partner's page, for operator staff: its violations and sanctions; managers propose a sanction here. */
export function OrgProgrammeCard({ org, canPropose }: { org: Org; canPropose: boolean }) {
  const violations = useViolations({ orgId: org.id, limit: 50 });
  const sanctions = useSanctions({ orgId: org.id, limit: 50 });
  const [proposing, setProposing] = useState<{ violation?: Violation } | null>(null);
  return (
    <Paper withBorder p="md" radius="sm" data-testid="org-programme-card">
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h5">
          Violations and sanctions
        </Title>
        {canPropose && (
          <Button size="xs" variant="light" leftSection={<IconGavel size={14} />} onClick={() => setProposing({})}>
            Propose sanction
          </Button>
        )}
      </Group>
      <Stack gap="md">
        <DataTable
          testId="org-violations"
          columns={violationColumns(canPropose ? (violation) => setProposing({ violation }) : null)}
          rows={violations.data?.items}
          rowKey={(v) => v.id}
          loading={violations.isLoading}
          error={violations.error}
          emptyText="No violations of the programme rules."
        />
        <DataTable
          testId="org-sanctions"
          columns={orgSanctionColumns}
          rows={sanctions.data?.items}
          rowKey={(s) => s.id}
          loading={sanctions.isLoading}
          error={sanctions.error}
          emptyText="No sanctions proposed or decided."
        />
      </Stack>
      {canPropose && (
        <ProposeSanctionModal
          org={org}
          violation={proposing?.violation}
          opened={proposing !== null}
          onClose={() => setProposing(null)}
        />
      )}
    </Paper>
  );
}
