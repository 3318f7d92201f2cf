import { Code, Table, Text } from '@mantine/core';
import { ErrorAlert } from '../../../components/error-alert';
import { formatDateTime } from '../../../components/format';
import { compactSummary } from '../../audit/audit.api';
import { useReportAudit } from '../reports.api';
import { Section } from './report-details';

export function ReportAudit({ reportId }: { reportId: string }) {
  const query = useReportAudit(reportId, true);
  const items = query.data?.items ?? [];
  return (
    <Section title={`Audit trail (${query.data?.total ?? 0})`} testId="report-audit">
      <ErrorAlert error={query.error} />
      {items.length === 0 && !query.isLoading ? (
        <Text size="sm" c="dimmed">
          No audit entries for this report.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={700}>
          <Table fz="sm" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>#</Table.Th>
                <Table.Th>Time</Table.Th>
                <Table.Th>Actor</Table.Th>
                <Table.Th>Action</Table.Th>
                <Table.Th>Details</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((e) => (
                <Table.Tr key={e.seq} data-testid="audit-row">
                  <Table.Td>{e.seq}</Table.Td>
                  <Table.Td>{formatDateTime(e.time)}</Table.Td>
                  <Table.Td>{e.actor.label}</Table.Td>
                  <Table.Td>
                    <Code>{e.action}</Code>
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs" c="dimmed">
                      {compactSummary(e.summary)}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Section>
  );
}
