import { Button, Group, Modal, Select, Stack, Textarea } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconArrowsExchange, IconBuildingFactory2 } from '@tabler/icons-react';
import { type FormEvent, useEffect, useState } from 'react';
import { errorMessage } from '../../../api/client';
import type { Report, ReportStatus } from '../../../api/types';
import { ErrorAlert } from '../../../components/error-alert';
import { useFormState } from '../../../components/form-state';
import { humanize } from '../../../components/format';
import { useMe } from '../../auth/session-context';
import { useOrganisations } from '../../organisations/organisations.api';
import { useUsers } from '../../users/users.api';
import { useAddVendor, useAssign, useTransition } from '../reports.api';

export function AssigneeSelect({ report }: { report: Report }) {
  const me = useMe();
  const users = useUsers({ orgId: me.orgId ?? undefined, limit: 200, sort: 'name', order: 'asc' });
  const assign = useAssign(report.id);
  const options = (users.data?.items ?? [])
    .filter((u) => u.role === 'admin' || u.role === 'analyst')
    .map((u) => ({ value: u.id, label: u.name }));
  const onChange = async (value: string | null) => {
    try {
      await assign.mutateAsync(value);
      notifications.show({ color: 'green', title: 'Assignee changed', message: report.ref });
    } catch (error) {
      notifications.show({ color: 'red', title: 'Could not assign', message: errorMessage(error) });
    }
  };
  return (
    <Select
      size="xs"
      w={200}
      label="Assignee"
      placeholder="Unassigned"
      data={options}
      value={report.assignee?.id ?? null}
      onChange={(value) => void onChange(value)}
      clearable
      searchable
      disabled={assign.isPending}
      data-testid="assignee-select"
    />
  );
}

interface StatusForm {
  to: ReportStatus | null;
  reason: string;
}

const emptyStatusForm: StatusForm = { to: null, reason: '' };

function ChangeStatusModal({ report, opened, onClose }: { report: Report; opened: boolean; onClose: () => void }) {
  const form = useFormState<StatusForm>(emptyStatusForm);
  const transition = useTransition(report.id);
  // The server says where the report may go next, for this user.
  const allowed = report.allowedTransitions as ReportStatus[];
  const { reset } = form;
  useEffect(() => {
    if (opened) reset({ to: allowed[0] ?? null, reason: '' });
  }, [opened, allowed, reset]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const { to, reason } = form.values;
    if (!to || !reason.trim()) {
      form.setErrors({
        ...(to ? {} : { to: 'Pick a status' }),
        ...(reason.trim() ? {} : { reason: 'A reason is required' }),
      });
      return;
    }
    try {
      await transition.mutateAsync({ to, reason: reason.trim() });
      notifications.show({ color: 'green', title: 'Status changed', message: `${report.ref} is now ${humanize(to)}` });
      onClose();
    } catch (error) {
      form.applyError(error);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={`Change status — ${report.ref}`}>
      <form onSubmit={submit} data-testid="change-report-status-form">
        <Stack gap="sm">
          <ErrorAlert error={form.formError} shownFields={['to', 'reason']} />
          <Select
            label="New status"
            required
            description={`From ${humanize(report.status)}`}
            data={allowed.map((value) => ({ value, label: humanize(value) }))}
            value={form.values.to}
            onChange={(value) => form.setValue('to', value as ReportStatus | null)}
            allowDeselect={false}
            error={form.error('to')}
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
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={transition.isPending}>
              Change status
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function BringInVendorModal({ report, opened, onClose }: { report: Report; opened: boolean; onClose: () => void }) {
  const orgs = useOrganisations({ limit: 200, sort: 'name', order: 'asc' }, opened);
  const add = useAddVendor(report.id);
  const [orgId, setOrgId] = useState<string | null>(null);
  useEffect(() => {
    if (opened) setOrgId(null);
  }, [opened]);
  const options = (orgs.data?.items ?? [])
    .filter((o) => o.kind !== 'operator' && o.id !== report.reporter?.orgId)
    .map((o) => ({ value: o.id, label: `${o.name} (${o.kind})` }));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!orgId) return;
    try {
      const result = await add.mutateAsync(orgId);
      notifications.show({
        color: 'green',
        title: result.added ? 'Vendor brought in' : 'Already involved',
        message: options.find((o) => o.value === orgId)?.label ?? '',
      });
      onClose();
    } catch {
      // Shown in the modal from add.error.
    }
  };
  return (
    <Modal opened={opened} onClose={onClose} title={`Bring in a vendor — ${report.ref}`}>
      <form onSubmit={submit} data-testid="bring-in-vendor-form">
        <Stack gap="sm">
          <ErrorAlert error={add.error} />
          <Select
            label="Vendor organisation"
            description="It will see this report (and only this one) and can answer per product"
            required
            searchable
            data={options}
            value={orgId}
            onChange={setOrgId}
            nothingFoundMessage="No matching organisation"
          />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={add.isPending} disabled={!orgId}>
              Bring in vendor
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** The operator's workflow controls on the report header. */
export function TriageActions({ report }: { report: Report }) {
  const [statusOpened, status] = useDisclosure(false);
  const [vendorOpened, vendor] = useDisclosure(false);
  const closed = report.allowedTransitions.length === 0;
  return (
    <Group gap="xs" align="flex-end">
      <AssigneeSelect report={report} />
      <Button
        size="xs"
        variant="light"
        leftSection={<IconArrowsExchange size={14} />}
        onClick={status.open}
        disabled={closed}
      >
        Change status
      </Button>
      <Button size="xs" variant="light" leftSection={<IconBuildingFactory2 size={14} />} onClick={vendor.open}>
        Bring in vendor
      </Button>
      <ChangeStatusModal report={report} opened={statusOpened} onClose={status.close} />
      <BringInVendorModal report={report} opened={vendorOpened} onClose={vendor.close} />
    </Group>
  );
}
