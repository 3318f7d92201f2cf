import { Button, Center, Group, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { api } from '../../api/client';
import type { PasswordChange } from '../../api/types';
import { ErrorAlert } from '../../components/error-alert';
import { useFormState } from '../../components/form-state';
import { useSession } from './session-context';

interface PasswordForm extends PasswordChange {
  confirmPassword: string;
}

const initial: PasswordForm = { currentPassword: '', newPassword: '', confirmPassword: '' };

export function ChangePasswordPage() {
  const { user, passwordChanged, signOut } = useSession();
  const form = useFormState<PasswordForm>(initial);
  const [submitting, setSubmitting] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const { currentPassword, newPassword, confirmPassword } = form.values;
    if (newPassword !== confirmPassword) {
      form.setErrors({ confirmPassword: 'The passwords do not match' });
      return;
    }
    setSubmitting(true);
    try {
      await api.post<void>('/users/me/password', { currentPassword, newPassword });
      notifications.show({ color: 'green', title: 'Password changed', message: 'Your new password is active.' });
      passwordChanged();
    } catch (error) {
      form.applyError(error);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Center mih="100vh" bg="var(--mantine-color-gray-1)">
      <Paper withBorder shadow="sm" p="xl" radius="md" w={420}>
        <form onSubmit={submit} data-testid="change-password-form">
          <Stack gap="sm">
            <Title order={1} size="h3">
              Change your password
            </Title>
            <Text size="sm" c="dimmed">
              {user?.name ? `${user.name}, you` : 'You'} must choose a new password before continuing.
            </Text>
            <ErrorAlert error={form.formError} shownFields={['currentPassword', 'newPassword']} />
            <PasswordInput
              label="Current password"
              autoComplete="current-password"
              required
              value={form.values.currentPassword}
              onChange={(event) => form.setValue('currentPassword', event.currentTarget.value)}
              error={form.error('currentPassword')}
              data-testid="current-password"
            />
            <PasswordInput
              label="New password"
              autoComplete="new-password"
              required
              value={form.values.newPassword}
              onChange={(event) => form.setValue('newPassword', event.currentTarget.value)}
              error={form.error('newPassword')}
              data-testid="new-password"
            />
            <PasswordInput
              label="Confirm new password"
              autoComplete="new-password"
              required
              value={form.values.confirmPassword}
              onChange={(event) => form.setValue('confirmPassword', event.currentTarget.value)}
              error={form.error('confirmPassword')}
              data-testid="confirm-password"
            />
            <Group justify="space-between" mt="xs">
              <Button variant="subtle" color="gray" onClick={() => void signOut()}>
                Sign out
              </Button>
              <Button type="submit" loading={submitting}>
                Change password
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
