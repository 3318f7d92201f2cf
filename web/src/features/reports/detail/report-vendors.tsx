import { Badge, Button, Group, Paper, Select, SimpleGrid, Stack, Table, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { FormEvent } from 'react';
import {
  type Report,
  type ReportVendor,
  type VexJustification,
  type VexStatus,
  vexJustifications,
  vexStatuses,
} from '../../../api/types';
import { ErrorAlert } from '../../../components/error-alert';
import { useFormState } from '../../../components/form-state';
import { formatDateTime, humanize } from '../../../components/format';
import { useMe } from '../../auth/session-context';
import { useAddStatement, useVendors } from '../reports.api';
import { canAnswerAsVendor } from '../reports.permissions';
import { Section } from './report-details';

const vexColors: Record<VexStatus, string> = {
  known_affected: 'red',
  known_not_affected: 'green',
  fixed: 'teal',
  under_investigation: 'yellow',
};

function productName(report: Report, index: number): string {
  const p = report.content.products[index];
  return p ? `${p.vendor} ${p.product}` : `Product ${index + 1}`;
}

function VendorCard({ report, vendor }: { report: Report; vendor: ReportVendor }) {
  return (
    <Paper withBorder p="sm" radius="sm" data-testid="vendor-card">
      <Group justify="space-between" mb="xs">
        <Text fw={600}>{vendor.name}</Text>
        <Text size="xs" c="dimmed">
          brought in by {vendor.addedBy} · {formatDateTime(vendor.addedAt)} · first seen{' '}
          {vendor.firstSeenAt ? formatDateTime(vendor.firstSeenAt) : 'not yet'} · {vendor.reminders} reminder
          {vendor.reminders === 1 ? '' : 's'}
          {vendor.lastRemindedAt ? ` (last ${formatDateTime(vendor.lastRemindedAt)})` : ''}
        </Text>
      </Group>
      {vendor.statements.length === 0 ? (
        <Text size="sm" c="dimmed">
          No statement yet.
        </Text>
      ) : (
        <Table fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Product</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Statement</Table.Th>
              <Table.Th>By</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {vendor.statements.map((s) => (
              <Table.Tr key={s.id} data-testid="vendor-statement">
                <Table.Td>{productName(report, s.productIndex)}</Table.Td>
                <Table.Td>
                  <Badge
                    size="sm"
                    variant="light"
                    color={vexColors[s.status as VexStatus] ?? 'gray'}
                    data-testid="vex-status"
                  >
                    {humanize(s.status)}
                  </Badge>
                  {s.justification && (
                    <Text size="xs" c="dimmed">
                      {humanize(s.justification)}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{s.statement}</Table.Td>
                <Table.Td>
                  <Text size="xs">{s.createdBy}</Text>
                  <Text size="xs" c="dimmed">
                    {formatDateTime(s.createdAt)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}

interface StatementForm {
  status: VexStatus;
  justification: VexJustification | null;
  statement: string;
}

const emptyStatement: StatementForm = { status: 'under_investigation', justification: null, statement: '' };

function StatementFormCard({ report, productIndex }: { report: Report; productIndex: number }) {
  const form = useFormState<StatementForm>(emptyStatement);
  const add = useAddStatement(report.id);
  const name = productName(report, productIndex);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const { status, justification, statement } = form.values;
    if (!statement.trim()) {
      form.setErrors({ statement: 'Say what you found, or what users should do' });
      return;
    }
    try {
      await add.mutateAsync({
        productIndex,
        status,
        justification: status === 'known_not_affected' ? (justification ?? undefined) : undefined,
        statement: statement.trim(),
      });
      notifications.show({ color: 'green', title: 'Statement recorded', message: name });
      form.reset({ status, justification, statement: '' });
    } catch (error) {
      form.applyError(error);
    }
  };
  return (
    <Paper withBorder p="sm" radius="sm" component="form" onSubmit={submit} data-testid="statement-form">
      <Text fw={600} size="sm" mb="xs">
        Your answer for {name}
      </Text>
      <Stack gap="xs">
        <ErrorAlert error={form.formError} shownFields={['status', 'justification', 'statement']} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
          <Select
            label="Status"
            aria-label={`Status for ${name}`}
            data={vexStatuses.map((value) => ({ value, label: humanize(value) }))}
            value={form.values.status}
            onChange={(value) => value && form.setValue('status', value as VexStatus)}
            allowDeselect={false}
            error={form.error('status')}
          />
          <Select
            label="Justification"
            description="Why the product is not affected (CSAF / VEX)"
            disabled={form.values.status !== 'known_not_affected'}
            data={vexJustifications.map((value) => ({ value, label: humanize(value) }))}
            value={form.values.justification}
            onChange={(value) => form.setValue('justification', value as VexJustification | null)}
            clearable
            error={form.error('justification')}
          />
        </SimpleGrid>
        <Textarea
          label="Statement"
          aria-label={`Statement for ${name}`}
          autosize
          minRows={2}
          value={form.values.statement}
          onChange={(event) => form.setValue('statement', event.currentTarget.value)}
          error={form.error('statement')}
        />
        <Group justify="flex-end">
          <Button type="submit" size="xs" loading={add.isPending}>
            Send statement
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

export function ReportVendors({ report }: { report: Report }) {
  const me = useMe();
  const query = useVendors(report.id);
  const vendors = query.data?.items ?? [];
  const answering = canAnswerAsVendor(me, report.relation);
  return (
    <Stack gap="md">
      {answering && (
        <Section title="Answer as vendor" testId="vendor-answer">
          <Stack gap="sm">
            {report.content.products.length === 0 && (
              <Text size="sm" c="dimmed">
                The report names no products.
              </Text>
            )}
            {report.content.products.map((p, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: products are addressed by index in the API.
              <StatementFormCard key={`${p.vendor}-${p.product}-${i}`} report={report} productIndex={i} />
            ))}
          </Stack>
        </Section>
      )}
      <Section title={`Vendors (${vendors.length})`} testId="report-vendors">
        <Stack gap="sm">
          <ErrorAlert error={query.error} />
          {vendors.length === 0 && !query.isLoading && (
            <Text size="sm" c="dimmed">
              No vendor has been brought in.
            </Text>
          )}
          {vendors.map((v) => (
            <VendorCard key={v.orgId} report={report} vendor={v} />
          ))}
        </Stack>
      </Section>
    </Stack>
  );
}
