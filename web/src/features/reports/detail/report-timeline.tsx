import { Button, Group, Modal, Stack, Table, Text, Textarea, Timeline } from '@mantine/core';
import { DateTimePicker } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { IconArrowRight } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { type FormEvent, useEffect, useState } from 'react';
import type { Report, TimelineField } from '../../../api/types';
import { ErrorAlert } from '../../../components/error-alert';
import { useFormState } from '../../../components/form-state';
import { formatDateTime, humanize, pickerToIso } from '../../../components/format';
import { useMe } from '../../auth/session-context';
import { ReportStatusBadge } from '../report-badges';
import { useCorrectTimeline, useTransitions } from '../reports.api';
import { canComment } from '../reports.permissions';
import { Section } from './report-details';

const labels: Record<TimelineField, string> = {
  discoveredAt: 'Discovered',
  awareAt: 'Became aware',
  vendorNotifiedAt: 'Vendor notified',
  fixAvailableAt: 'Fix available',
  publiclyDisclosedAt: 'Publicly disclosed',
};

interface CorrectForm {
  value: string | null;
  reason: string;
}

const emptyCorrectForm: CorrectForm = { value: null, reason: '' };

function CorrectModal(props: { report: Report; field: TimelineField | null; onClose: () => void }) {
  const { report, field } = props;
  const form = useFormState<CorrectForm>(emptyCorrectForm);
  const correct = useCorrectTimeline(report.id);
  const current = field ? report.content.timeline?.[field] : undefined;
  const { reset } = form;
  useEffect(() => {
    if (field) reset({ value: current ? dayjs(current).format('YYYY-MM-DD HH:mm:ss') : null, reason: '' });
  }, [field, current, reset]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!field) return;
    if (!form.values.reason.trim()) {
      form.setErrors({ reason: 'Say why the timestamp changes; the reason is audited' });
      return;
    }
    try {
      await correct.mutateAsync({
        field,
        value: pickerToIso(form.values.value) ?? null,
        reason: form.values.reason.trim(),
      });
      notifications.show({ color: 'green', title: 'Timeline corrected', message: 'Obligations were recomputed.' });
      props.onClose();
    } catch (error) {
      form.applyError(error);
    }
  };
  return (
    <Modal opened={field !== null} onClose={props.onClose} title={`Correct “${field ? labels[field] : ''}”`}>
      <form onSubmit={submit} data-testid="timeline-correct-form">
        <Stack gap="sm">
          <ErrorAlert error={form.formError} shownFields={['value', 'reason']} />
          <DateTimePicker
            label="New value"
            description="Leave empty to clear it"
            clearable
            valueFormat="YYYY-MM-DD HH:mm"
            value={form.values.value}
            onChange={(value) => form.setValue('value', value)}
            error={form.error('value')}
          />
          <Textarea
            label="Reason"
            required
            autosize
            minRows={2}
            value={form.values.reason}
            onChange={(event) => form.setValue('reason', event.currentTarget.value)}
            error={form.error('reason')}
          />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={props.onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={correct.isPending}>
              Correct timestamp
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function WorkflowHistory({ reportId }: { reportId: string }) {
  const transitions = useTransitions(reportId);
  const items = transitions.data?.items ?? [];
  if (transitions.error) return <ErrorAlert error={transitions.error} />;
  if (items.length === 0)
    return (
      <Text size="sm" c="dimmed">
        No status changes yet.
      </Text>
    );
  return (
    <Timeline bulletSize={14} lineWidth={2} active={items.length} data-testid="workflow-history">
      {items.map((t) => (
        <Timeline.Item
          key={`${t.at}-${t.toStatus}`}
          title={
            <Group gap={6}>
              {t.fromStatus && <ReportStatusBadge status={t.fromStatus} testId="transition-from" />}
              {t.fromStatus && <IconArrowRight size={12} />}
              <ReportStatusBadge status={t.toStatus} testId="transition-to" />
            </Group>
          }
        >
          <Text size="sm">{t.reason}</Text>
          <Text size="xs" c="dimmed">
            {t.actor} · {formatDateTime(t.at)}
          </Text>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}

export function ReportTimeline({ report }: { report: Report }) {
  const me = useMe();
  const [editing, setEditing] = useState<TimelineField | null>(null);
  const mayCorrect = canComment(me, report.relation);
  return (
    <Stack gap="md">
      <Section title="Timeline">
        <Table fz="sm" data-testid="report-timeline">
          <Table.Tbody>
            {(Object.keys(labels) as TimelineField[]).map((field) => (
              <Table.Tr key={field}>
                <Table.Td w={200} fw={500}>
                  {labels[field]}
                </Table.Td>
                <Table.Td>{formatDateTime(report.content.timeline?.[field])}</Table.Td>
                <Table.Td w={120} ta="right">
                  {mayCorrect && (
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      onClick={() => setEditing(field)}
                      aria-label={`Correct ${labels[field]}`}
                    >
                      Correct
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Text size="xs" c="dimmed" mt="xs">
          Corrections are audited with their reason; the reporting obligations are recomputed from the new values.
        </Text>
      </Section>
      <Section title={`Workflow (${humanize(report.status)})`}>
        <WorkflowHistory reportId={report.id} />
      </Section>
      <CorrectModal report={report} field={editing} onClose={() => setEditing(null)} />
    </Stack>
  );
}
