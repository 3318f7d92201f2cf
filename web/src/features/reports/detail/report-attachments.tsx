import { Button, FileButton, Group, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconPaperclip } from '@tabler/icons-react';
import { errorMessage } from '../../../api/client';
import type { Report } from '../../../api/types';
import { ErrorAlert } from '../../../components/error-alert';
import { kib, toBase64 } from '../../../components/files';
import { formatDateTime } from '../../../components/format';
import { downloadFile, useAddAttachment, useAttachments } from '../reports.api';
import { Section } from './report-details';

export function ReportAttachments({ report }: { report: Report }) {
  const query = useAttachments(report.id);
  const add = useAddAttachment(report.id);
  const items = query.data?.items ?? [];
  const upload = async (file: File | null) => {
    if (!file) return;
    try {
      await add.mutateAsync({
        filename: file.name,
        mediaType: file.type || 'application/octet-stream',
        contentBase64: await toBase64(file),
      });
      notifications.show({ color: 'green', title: 'File attached', message: file.name });
    } catch {
      // add.error is shown below.
    }
  };
  const download = async (id: string, name: string) => {
    try {
      await downloadFile(`/reports/${report.id}/attachments/${id}`, name);
    } catch (error) {
      notifications.show({ color: 'red', title: 'Download failed', message: errorMessage(error) });
    }
  };
  return (
    <Section
      title={
        <Group justify="space-between">
          <span>Attachments ({items.length})</span>
          <FileButton onChange={(file) => void upload(file)}>
            {(props) => (
              <Button
                {...props}
                size="xs"
                variant="light"
                loading={add.isPending}
                leftSection={<IconPaperclip size={14} />}
              >
                Attach file
              </Button>
            )}
          </FileButton>
        </Group>
      }
      testId="report-attachments"
    >
      <ErrorAlert error={add.error ?? query.error} title="Attachment" />
      {items.length === 0 && !query.isLoading ? (
        <Text size="sm" c="dimmed">
          No files. Attach proof-of-concept code, logs or screenshots; files are encrypted at rest.
        </Text>
      ) : (
        <Table fz="sm" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>File</Table.Th>
              <Table.Th>Type</Table.Th>
              <Table.Th>Size</Table.Th>
              <Table.Th>Uploaded</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((a) => (
              <Table.Tr key={a.id} data-testid="attachment-row">
                <Table.Td>{a.filename}</Table.Td>
                <Table.Td>{a.mediaType}</Table.Td>
                <Table.Td>{kib(a.size)}</Table.Td>
                <Table.Td>
                  {a.uploadedBy} · {formatDateTime(a.createdAt)}
                </Table.Td>
                <Table.Td ta="right">
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    leftSection={<IconDownload size={12} />}
                    onClick={() => void download(a.id, a.filename)}
                  >
                    Download
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Section>
  );
}
