import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconAlertTriangle, IconShieldLock } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ApiError, errorMessage } from '../../api/client';
import { useSession } from './session-context';

function signInMessage(error: unknown): string {
  if (error instanceof ApiError && error.status === 429) {
    return error.problem.detail ?? 'Too many sign-in attempts. Please wait a moment and try again.';
  }
  return errorMessage(error);
}

export function SignInPage() {
  const { status, signIn } = useSession();
  const location = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);

  const from = (location.state as { from?: string } | null)?.from ?? '/';
  if (status === 'authenticated') return <Navigate to={from} replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitting(true);
    setError(null);
    try {
      await signIn(email.trim(), password);
    } catch (caught) {
      setError(caught);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Center mih="100vh" bg="var(--mantine-color-gray-1)">
      <Paper withBorder shadow="sm" p="xl" radius="md" w={380}>
        <form onSubmit={submit} aria-label="Sign in" data-testid="sign-in-form">
          <Stack gap="sm">
            <Stack gap={2} align="center" mb="xs">
              <IconShieldLock size={36} color="var(--mantine-color-indigo-7)" />
              <Title order={1} size="h3">
                threatshare
              </Title>
              <Text size="sm" c="dimmed">
                Sign in to your account
              </Text>
            </Stack>
            {Boolean(error) && (
              <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} data-testid="sign-in-error">
                {signInMessage(error)}
              </Alert>
            )}
            <TextInput
              label="Email"
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(event) => setEmail(event.currentTarget.value)}
              data-testid="sign-in-email"
              autoFocus
            />
            <PasswordInput
              label="Password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => setPassword(event.currentTarget.value)}
              data-testid="sign-in-password"
            />
            <Button type="submit" loading={submitting} fullWidth mt="xs">
              Sign in
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
