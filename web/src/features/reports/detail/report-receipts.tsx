import { Alert, Button, Code, Group, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCertificate, IconDownload, IconFileCode, IconSend } from '@tabler/icons-react';
import { Link } from 'react-router';
import { errorMessage } from '../../../api/client';
import type { Report, Submission } from '../../../api/types';
import { ErrorAlert } from '../../../components/error-alert';
import { formatDateTime, humanize } from '../../../components/format';
import { useMe } from '../../auth/session-context';
import { downloadFile, useSubmissions } from '../reports.api';
import { canSubmitStage } from '../reports.permissions';
import { Section } from './report-details';

async function download(path: string, name: string) {
  try {
    await downloadFile(path, name);
  } catch (error) {
    notifications.show({ color: 'red', title: 'Download failed', message: errorMessage(error) });
  }
}

function DownloadButtons({ reportId, submission }: { reportId: string; submission: Submission }) {
  const base = `/reports/${reportId}/submissions/${submission.id}`;
  return (
    <Group gap={4} wrap="nowrap">
      <Button
        size="compact-xs"
        variant="light"
        leftSection={<IconDownload size={12} />}
        onClick={() => void download(`${base}/receipt`, `receipt-${submission.id}.jws`)}
      >
        Receipt
      </Button>
      <Button
        size="compact-xs"
        variant="subtle"
        leftSection={<IconFileCode size={12} />}
        onClick={() => void download(`${base}/content`, `submission-${submission.id}.json`)}
      >
        Content
      </Button>
    </Group>
  );
}

/** The proof of reporting, shown right after a submission. */
export function ReceiptBlock({ reportId, submission }: { reportId: string; submission: Submission }) {
  return (
    <Alert
      color="green"
      variant="light"
      icon={<IconCertificate size={20} />}
      title="Signed receipt"
      data-testid="receipt"
    >
      <Stack gap={4}>
        <Text size="sm">
          {humanize(submission.stage)} received at{' '}
          <b data-testid="receipt-received-at">{formatDateTime(submission.receivedAt)}</b> (audit entry #
          {submission.auditSeq}). Keep the receipt: it is signed by the platform and proves when you reported.
        </Text>
        <Text size="xs">
          SHA-256 of the content: <Code data-testid="receipt-sha256">{submission.contentSha256}</Code>
        </Text>
        <DownloadButtons reportId={reportId} submission={submission} />
      </Stack>
    </Alert>
  );
}

export function ReportReceipts({ report }: { report: Report }) {
  const me = useMe();
  const query = useSubmissions(report.id);
  const items = query.data?.items ?? [];
  return (
    <Section
      title={
        <Group justify="space-between">
          <span>Submissions and receipts</span>
          {canSubmitStage(me, report.relation) && (
            <Button component={Link} to={`/reports/${report.id}/submit`} size="xs" leftSection={<IconSend size={14} />}>
              Submit next stage
            </Button>
          )}
        </Group>
      }
      testId="report-receipts"
    >
      <ErrorAlert error={query.error} />
      <Table.ScrollContainer minWidth={700}>
        <Table fz="sm" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Stage</Table.Th>
              <Table.Th>Received at</Table.Th>
              <Table.Th>Submitted by</Table.Th>
              <Table.Th>SHA-256</Table.Th>
              <Table.Th>Download</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((s) => (
              <Table.Tr key={s.id} data-testid="submission-row">
                <Table.Td>{humanize(s.stage)}</Table.Td>
                <Table.Td>{formatDateTime(s.receivedAt)}</Table.Td>
                <Table.Td>{s.submittedBy}</Table.Td>
                <Table.Td>
                  <Code title={s.contentSha256}>{s.contentSha256.slice(0, 16)}…</Code>
                </Table.Td>
                <Table.Td>
                  <DownloadButtons reportId={report.id} submission={s} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Section>
  );
}
