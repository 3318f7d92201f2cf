import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconCopy } from '@tabler/icons-react';

interface SecretOnceModalProps {
  opened: boolean;
  onClose: () => void;
  title: string;
  label: string;
  secret: string;
  testId: string;
  warning: string;
}

export function SecretOnceModal({ opened, onClose, title, label, secret, testId, warning }: SecretOnceModalProps) {
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={title}
      size="lg"
      closeOnClickOutside={false}
      closeOnEscape={false}
      data-testid="secret-once-modal"
    >
      <Stack gap="sm">
        <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />} title="Shown only once">
          {warning}
        </Alert>
        <Text size="sm" fw={600}>
          {label}
        </Text>
        <Group gap="xs" wrap="nowrap" align="center">
          <Code block data-testid={testId} style={{ flex: 1, wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
            {secret}
          </Code>
          <CopyButton value={secret}>
            {({ copied, copy }) => (
              <Button
                size="xs"
                variant={copied ? 'filled' : 'light'}
                color={copied ? 'teal' : 'blue'}
                leftSection={copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
                onClick={copy}
              >
                {copied ? 'Copied' : 'Copy'}
              </Button>
            )}
          </CopyButton>
        </Group>
        <Group justify="flex-end" mt="sm">
          <Button onClick={onClose}>I have stored it safely</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
