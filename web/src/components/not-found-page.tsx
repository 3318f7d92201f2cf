import { Button, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';

export function NotFoundPage() {
  return (
    <Stack align="flex-start" gap="sm">
      <Title order={2} size="h3">
        Page not found
      </Title>
      <Text size="sm" c="dimmed">
        There is nothing at this address.
      </Text>
      <Button component={Link} to="/" variant="light">
        Back to the overview
      </Button>
    </Stack>
  );
}
