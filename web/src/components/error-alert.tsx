import { Alert, List, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { ApiError, errorMessage, pointerToField } from '../api/client';

interface ErrorAlertProps {
  error: unknown;
  title?: string;
  // Field errors already shown next to their inputs are not repeated here.
  shownFields?: readonly string[];
}

export function ErrorAlert({ error, title, shownFields = [] }: ErrorAlertProps) {
  if (!error) return null;
  const problem = error instanceof ApiError ? error.problem : undefined;
  const extra = (problem?.errors ?? []).filter((item) => !shownFields.includes(pointerToField(item.pointer)));
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlertTriangle size={18} />}
      title={title ?? problem?.title ?? 'Error'}
      data-testid="error-alert"
      role="alert"
    >
      <Text size="sm">{errorMessage(error)}</Text>
      {extra.length > 0 && (
        <List size="sm" mt={4}>
          {extra.map((item) => (
            <List.Item key={`${item.pointer}:${item.detail}`}>
              <Text span fw={600} size="sm">
                {pointerToField(item.pointer) || 'request'}
              </Text>
              : {item.detail}
            </List.Item>
          ))}
        </List>
      )}
      {problem?.requestId && (
        <Text size="xs" c="dimmed" mt={4}>
          Request id: {problem.requestId}
        </Text>
      )}
    </Alert>
  );
}
