import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload } from '@tabler/icons-react';
import { errorMessage } from '../../api/client';
import type { Rectification } from '../../api/types';
import { kib } from '../../components/files';
import { formatDateTime } from '../../components/format';
import { downloadFile } from '../reports/reports.api';
import { reviewAttachmentPath } from './sanctions.api';

function Part({ label, text }: { label: string; text: string | null }) {
  if (!text) return null;
  return (
    <Stack gap={0}>
      <Text size="xs" fw={600} c="dimmed" tt="uppercase">
        {label}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {text}
      </Text>
    </Stack>
  );
}

function Attachments({ reviewId, r }: { reviewId: string; r: Rectification }) {
  if (r.attachments.length === 0) return null;
  const download = async (id: string, name: string) => {
    try {
      await downloadFile(reviewAttachmentPath(reviewId, id), name);
    } catch (error) {
      notifications.show({ color: 'red', title: 'Download failed', message: errorMessage(error) });
    }
  };
  return (
    <Group gap="xs">
      {r.attachments.map((a) => (
        <Button
          key={a.id}
          size="compact-sm"
          variant="light"
          leftSection={<IconDownload size={14} />}
          onClick={() => void download(a.id, a.filename)}
          title={`${a.mediaType}, sha256 ${a.sha256}`}
          data-testid="rectification-attachment"
        >
          {a.filename} ({kib(a.size)})
        </Button>
      ))}
    </Group>
  );
}

/** What a partner submitted for a review, newest first, with its attachments to download. */
export function RectificationList({ reviewId, items }: { reviewId: string; items: Rectification[] }) {
  if (items.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="rectifications-empty">
        No rectification submitted yet.
      </Text>
    );
  }
  const newestFirst = [...items].sort((a, b) => b.submittedAt.localeCompare(a.submittedAt));
  return (
    <Stack gap="sm" data-testid="rectifications">
      {newestFirst.map((r) => (
        <Paper key={r.id} withBorder p="sm" radius="sm" bg="var(--mantine-color-gray-0)" data-testid="rectification">
          <Stack gap="xs">
            <Text size="xs" c="dimmed">
              Submitted by {r.submittedByLabel} on {formatDateTime(r.submittedAt)}
            </Text>
            <Part label="Summary" text={r.summary} />
            <Part label="Processes" text={r.processes} />
            <Part label="Contacts" text={r.contacts} />
            <Part label="Tooling" text={r.tooling} />
            <Attachments reviewId={reviewId} r={r} />
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
