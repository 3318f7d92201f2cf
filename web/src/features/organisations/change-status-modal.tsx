import { Button, Group, Modal, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { DateTimePicker } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useEffect } from 'react';
import { type Org, type PartnerStatus, partnerStatuses } from '../../api/types';
import { ErrorAlert } from '../../components/error-alert';
import { useFormState } from '../../components/form-state';
import { humanize, pickerToIso } from '../../components/format';
import { useChangeOrgStatus } from './organisations.api';

interface StatusForm {
  status: PartnerStatus;
  reason: string;
  legalBasis: string;
  until: string | null;
}

const initial: StatusForm = { status: 'active', reason: '', legalBasis: '', until: null };

interface ChangeStatusModalProps {
  org: Org;
  opened: boolean;
  onClose: () => void;
}

export function ChangeStatusModal({ org, opened, onClose }: ChangeStatusModalProps) {
  const form = useFormState<StatusForm>(initial);
  const change = useChangeOrgStatus(org.id);
  const { reset } = form;

  useEffect(() => {
    if (opened) reset({ ...initial, status: org.partnerStatus ?? 'active' });
  }, [opened, org.partnerStatus, reset]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const { status, reason, legalBasis, until } = form.values;
    if (!reason.trim()) {
      form.setErrors({ reason: 'A reason is required' });
      return;
    }
    try {
      const updated = await change.mutateAsync({
        status,
        reason: reason.trim(),
        legalBasis: legalBasis.trim() || undefined,
        until: pickerToIso(until),
      });
      notifications.show({
        color: 'green',
        title: 'Partner status changed',
        message: `${updated.name} is now ${humanize(updated.partnerStatus ?? status)}.`,
      });
      onClose();
    } catch (error) {
      form.applyError(error);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={`Change partner status — ${org.name}`} size="lg">
      <form onSubmit={submit} data-testid="change-status-form">
        <Stack gap="sm">
          <ErrorAlert error={form.formError} shownFields={['status', 'reason', 'legalBasis', 'until']} />
          <Select
            label="New status"
            required
            data={partnerStatuses.map((value) => ({ value, label: humanize(value) }))}
            value={form.values.status}
            onChange={(value) => value && form.setValue('status', value as PartnerStatus)}
            allowDeselect={false}
            error={form.error('status')}
          />
          <Textarea
            label="Reason"
            required
            autosize
            minRows={3}
            value={form.values.reason}
            onChange={(event) => form.setValue('reason', event.currentTarget.value)}
            error={form.error('reason')}
          />
          <TextInput
            label="Legal basis"
            placeholder="e.g. Partner agreement §7.2"
            value={form.values.legalBasis}
            onChange={(event) => form.setValue('legalBasis', event.currentTarget.value)}
            error={form.error('legalBasis')}
          />
          <DateTimePicker
            label="Until"
            description="When the status ends or is reviewed; required when suspending"
            clearable
            valueFormat="YYYY-MM-DD HH:mm"
            value={form.values.until}
            onChange={(value) => form.setValue('until', value)}
            error={form.error('until')}
          />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={change.isPending}>
              Change status
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
