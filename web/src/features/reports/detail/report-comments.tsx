import { Avatar, Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import type { Report } from '../../../api/types';
import { ErrorAlert } from '../../../components/error-alert';
import { formatDateTime } from '../../../components/format';
import { useMe } from '../../auth/session-context';
import { useAddComment, useComments } from '../reports.api';
import { canComment } from '../reports.permissions';
import { Section } from './report-details';

const initials = (name: string) =>
  name
    .split(/\s+/)
    .slice(0, 2)
    .map((part) => part.charAt(0).toUpperCase())
    .join('');

export function ReportComments({ report }: { report: Report }) {
  const me = useMe();
  // The thread is between the operator and the reporter; vendors answer through statements.
  const visible = report.relation === 'operator' || report.relation === 'reporter';
  const query = useComments(report.id, visible);
  const add = useAddComment(report.id);
  const [body, setBody] = useState('');
  const items = query.data?.items ?? [];
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!body.trim()) return;
    try {
      await add.mutateAsync(body.trim());
      setBody('');
    } catch {
      // add.error is shown below.
    }
  };
  if (!visible)
    return (
      <Section title="Comments">
        <Text size="sm" c="dimmed">
          The thread is between the operator and the reporter.
        </Text>
      </Section>
    );
  return (
    <Section title={`Comments (${items.length})`} testId="report-comments">
      <Stack gap="sm">
        <ErrorAlert error={query.error} />
        {items.length === 0 && !query.isLoading && (
          <Text size="sm" c="dimmed">
            No comments yet.
          </Text>
        )}
        {items.map((c) => {
          const fromOperator = c.authorOrgId !== report.reporter?.orgId;
          return (
            <Group key={c.id} align="flex-start" gap="sm" wrap="nowrap" data-testid="comment">
              <Avatar radius="xl" size="sm" color={fromOperator ? 'indigo' : 'teal'}>
                {initials(c.author)}
              </Avatar>
              <Paper withBorder p="xs" radius="sm" style={{ flex: 1 }} bg={fromOperator ? 'indigo.0' : undefined}>
                <Text size="xs" c="dimmed">
                  <b>{c.author}</b> · {fromOperator ? 'operator' : 'reporter'} · {formatDateTime(c.createdAt)}
                </Text>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {c.body}
                </Text>
              </Paper>
            </Group>
          );
        })}
        {canComment(me, report.relation) && (
          <form onSubmit={submit}>
            <Stack gap="xs">
              <ErrorAlert error={add.error} />
              <Textarea
                label="Add a comment"
                autosize
                minRows={2}
                value={body}
                onChange={(event) => setBody(event.currentTarget.value)}
              />
              <Group justify="flex-end">
                <Button type="submit" size="xs" loading={add.isPending} disabled={!body.trim()}>
                  Post comment
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Section>
  );
}
