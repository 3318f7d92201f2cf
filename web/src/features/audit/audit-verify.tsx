import { Alert, Button, Code, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCertificate, IconCircleCheck, IconCircleX, IconShieldCheck } from '@tabler/icons-react';
import type { AuditVerifyResult } from '../../api/types';
import { ErrorAlert } from '../../components/error-alert';
import { useCreateCheckpoint, useVerifyAudit } from './audit.api';

function VerifyResult({ result }: { result: AuditVerifyResult }) {
  const checkpoints = result.checkpoints;
  if (result.ok && !checkpoints.failed) {
    return (
      <Alert
        color="green"
        variant="light"
        icon={<IconCircleCheck size={18} />}
        title="Chain OK"
        data-testid="verify-result"
      >
        <Text size="sm">
          All {result.count} entries verified (head seq {result.headSeq}). {checkpoints.verified} of {checkpoints.count}{' '}
          signed checkpoints verified.
        </Text>
      </Alert>
    );
  }
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconCircleX size={18} />}
      title="Chain broken"
      data-testid="verify-result"
    >
      <Stack gap={4}>
        {result.broken && (
          <Text size="sm" c="red.8" data-testid="verify-broken">
            First broken entry: seq {result.broken.seq} — {result.broken.reason}: {result.broken.detail}
          </Text>
        )}
        {checkpoints.failed && (
          <Text size="sm" c="red.8">
            Checkpoint at seq {checkpoints.failed.seq} failed: {checkpoints.failed.detail}
          </Text>
        )}
        <Text size="xs" c="dimmed">
          {result.count} entries checked; head seq {result.headSeq}.
        </Text>
      </Stack>
    </Alert>
  );
}

export function AuditVerifyActions() {
  const verify = useVerifyAudit();
  const checkpoint = useCreateCheckpoint();

  const createCheckpoint = async () => {
    try {
      const created = await checkpoint.mutateAsync();
      notifications.show({
        color: 'green',
        title: 'Checkpoint created',
        message: `Signed at seq ${created.seq} with key ${created.keyId}.`,
      });
    } catch {
      // Shown below the buttons.
    }
  };

  return (
    <Stack gap="xs">
      <Group gap="xs">
        <Button leftSection={<IconShieldCheck size={16} />} loading={verify.isPending} onClick={() => verify.mutate()}>
          Verify chain
        </Button>
        <Button
          variant="default"
          leftSection={<IconCertificate size={16} />}
          loading={checkpoint.isPending}
          onClick={() => void createCheckpoint()}
        >
          Create checkpoint
        </Button>
      </Group>
      {verify.data && <VerifyResult result={verify.data} />}
      <ErrorAlert error={verify.error} title="Verification failed" />
      <ErrorAlert error={checkpoint.error} title="Checkpoint failed" />
      {checkpoint.data && (
        <Text size="xs" c="dimmed" data-testid="checkpoint-result">
          Last checkpoint: seq {checkpoint.data.seq}, hash <Code>{checkpoint.data.hash.slice(0, 16)}…</Code>
        </Text>
      )}
    </Stack>
  );
}
