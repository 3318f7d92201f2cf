import { Button, Group, Modal, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { DateTimePicker } from '@mantine/dates';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconPencil, IconX } from '@tabler/icons-react';
import { type FormEvent, useEffect, useState } from 'react';
import {
  type SanctionDecisionBody,
  type SanctionDetail,
  type SanctionMeasure,
  sanctionMeasures,
} from '../../api/types';
import { ErrorAlert } from '../../components/error-alert';
import { useFormState } from '../../components/form-state';
import { humanize, pickerToIso } from '../../components/format';
import { measureText } from './sanction-badges';
import { useApproveSanction, useDecideSanction } from './sanctions.api';

type Decision = SanctionDecisionBody['decision'];

interface DecisionForm {
  reason: string;
  measure: SanctionMeasure;
  period: string;
  startsAt: string | null;
  endsAt: string | null;
  legalBasis: string;
}

const emptyDecision: DecisionForm = {
  reason: '',
  measure: 'suspension',
  period: '',
  startsAt: null,
  endsAt: null,
  legalBasis: '',
};
const emptyReason = { reason: '' };

const titles: Record<Decision, string> = {
  confirm: 'Confirm the proposal',
  change: 'Change the measure',
  dismiss: 'Dismiss the proposal',
};

/** Only what the decision takes: a confirmation keeps the proposed measure, a dismissal sets no term. */
function bodyOf(decision: Decision, v: DecisionForm): SanctionDecisionBody {
  const text = (value: string) => value.trim() || undefined;
  if (decision === 'dismiss') return { decision, reason: v.reason.trim() };
  const term = { startsAt: pickerToIso(v.startsAt), legalBasis: text(v.legalBasis) };
  if (decision === 'confirm') return { decision, reason: text(v.reason), ...term };
  const suspension = v.measure === 'suspension';
  return {
    decision,
    reason: v.reason.trim(),
    measure: v.measure,
    ...term,
    ...(suspension ? { period: text(v.period), endsAt: pickerToIso(v.endsAt) } : {}),
  };
}

function DecisionModal(props: { sanction: SanctionDetail; decision: Decision; opened: boolean; onClose: () => void }) {
  const { sanction, decision, opened, onClose } = props;
  const decide = useDecideSanction(sanction.id);
  const form = useFormState<DecisionForm>(emptyDecision);
  const { reset } = form;
  const { measure, period, legalBasis } = sanction;
  useEffect(() => {
    if (opened) reset({ ...emptyDecision, measure, period: period ?? '', legalBasis: legalBasis ?? '' });
  }, [opened, measure, period, legalBasis, reset]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (decision !== 'confirm' && !form.values.reason.trim()) {
      form.setErrors({ reason: `A reason is required to ${decision} a proposal` });
      return;
    }
    try {
      const result = await decide.mutateAsync(bodyOf(decision, form.values));
      notifications.show({
        color: 'green',
        title: `Sanction ${decision === 'dismiss' ? 'dismissed' : 'decided'}`,
        message: `${sanction.orgName}: ${humanize(result.status)}`,
      });
      onClose();
    } catch (error) {
      form.applyError(error);
    }
  };

  const changing = decision === 'change';
  const suspension = form.values.measure === 'suspension';
  return (
    <Modal opened={opened} onClose={onClose} title={`${titles[decision]} — ${sanction.orgName}`} size="lg">
      <form onSubmit={submit} data-testid="sanction-decision-form">
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            Proposed: {measureText(sanction.measure, sanction.period)}.{' '}
            {sanction.fourEyes && decision !== 'dismiss' && 'A second manager must approve this decision.'}
          </Text>
          <ErrorAlert
            error={form.formError}
            shownFields={['reason', 'measure', 'period', 'startsAt', 'endsAt', 'legalBasis']}
          />
          {changing && (
            <Select
              label="Measure"
              required
              data={sanctionMeasures.map((value) => ({ value, label: humanize(value) }))}
              value={form.values.measure}
              onChange={(value) => value && form.setValue('measure', value as SanctionMeasure)}
              allowDeselect={false}
              error={form.error('measure')}
            />
          )}
          {changing && suspension && (
            <SimpleGrid cols={2}>
              <TextInput
                label="Period"
                description="ISO 8601 duration, e.g. P3M"
                value={form.values.period}
                onChange={(event) => form.setValue('period', event.currentTarget.value)}
                error={form.error('period')}
              />
              <DateTimePicker
                label="Or end date"
                description="Replaces the period when set"
                clearable
                valueFormat="YYYY-MM-DD HH:mm"
                value={form.values.endsAt}
                onChange={(value) => form.setValue('endsAt', value)}
                error={form.error('endsAt')}
              />
            </SimpleGrid>
          )}
          {decision !== 'dismiss' && (
            <DateTimePicker
              label="Start"
              description="Empty: now. A later start schedules the sanction."
              clearable
              valueFormat="YYYY-MM-DD HH:mm"
              value={form.values.startsAt}
              onChange={(value) => form.setValue('startsAt', value)}
              error={form.error('startsAt')}
            />
          )}
          <Textarea
            label="Reason"
            description={decision === 'confirm' ? 'Optional; the partner sees it' : 'The partner sees it'}
            required={decision !== 'confirm'}
            autosize
            minRows={3}
            value={form.values.reason}
            onChange={(event) => form.setValue('reason', event.currentTarget.value)}
            error={form.error('reason')}
          />
          {decision !== 'dismiss' && (
            <TextInput
              label="Legal basis"
              placeholder="e.g. Partner agreement § 7"
              value={form.values.legalBasis}
              onChange={(event) => form.setValue('legalBasis', event.currentTarget.value)}
              error={form.error('legalBasis')}
            />
          )}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={decide.isPending} color={decision === 'dismiss' ? 'gray' : undefined}>
              {humanize(decision)}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function ApprovalModal(props: { sanction: SanctionDetail; approve: boolean; opened: boolean; onClose: () => void }) {
  const { sanction, approve, opened, onClose } = props;
  const approval = useApproveSanction(sanction.id);
  const form = useFormState(emptyReason);
  const { reset } = form;
  useEffect(() => {
    if (opened) reset(emptyReason);
  }, [opened, reset]);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const reason = form.values.reason.trim();
    if (!approve && !reason) {
      form.setErrors({ reason: 'A reason is required to refuse' });
      return;
    }
    try {
      await approval.mutateAsync({ approve, reason: reason || undefined });
      notifications.show({
        color: 'green',
        title: approve ? 'Decision approved' : 'Decision refused',
        message: approve ? 'The sanction takes effect.' : 'The sanction is a proposal again.',
      });
      onClose();
    } catch (error) {
      form.applyError(error);
    }
  };
  return (
    <Modal opened={opened} onClose={onClose} title={`${approve ? 'Approve' : 'Refuse'} — ${sanction.orgName}`}>
      <form onSubmit={submit} data-testid="sanction-approval-form">
        <Stack gap="sm">
          <Text size="sm">
            {sanction.decidedByLabel} decided to {sanction.decision}: {measureText(sanction.measure, sanction.period)}.
          </Text>
          <ErrorAlert error={form.formError} shownFields={['reason']} />
          <Textarea
            label="Reason"
            required={!approve}
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
            <Button type="submit" loading={approval.isPending} color={approve ? undefined : 'red'}>
              {approve ? 'Approve' : 'Refuse'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** A manager's controls: decide a proposal, or (four-eyes) approve or refuse a decision awaiting approval. */
export function SanctionDecisionActions({ sanction }: { sanction: SanctionDetail }) {
  const [decision, setDecision] = useState<Decision>('confirm');
  const [decisionOpened, decisionModal] = useDisclosure(false);
  const [approve, setApprove] = useState(true);
  const [approvalOpened, approvalModal] = useDisclosure(false);
  const openDecision = (next: Decision) => {
    setDecision(next);
    decisionModal.open();
  };
  const openApproval = (next: boolean) => {
    setApprove(next);
    approvalModal.open();
  };
  if (sanction.status === 'proposed') {
    return (
      <Group gap="xs" data-testid="sanction-decision-actions">
        <Button size="xs" leftSection={<IconCheck size={14} />} onClick={() => openDecision('confirm')}>
          Confirm
        </Button>
        <Button size="xs" variant="light" leftSection={<IconPencil size={14} />} onClick={() => openDecision('change')}>
          Change
        </Button>
        <Button size="xs" variant="default" leftSection={<IconX size={14} />} onClick={() => openDecision('dismiss')}>
          Dismiss
        </Button>
        <DecisionModal sanction={sanction} decision={decision} opened={decisionOpened} onClose={decisionModal.close} />
      </Group>
    );
  }
  if (sanction.status === 'awaiting_approval') {
    return (
      <Group gap="xs" data-testid="sanction-decision-actions">
        <Button size="xs" leftSection={<IconCheck size={14} />} onClick={() => openApproval(true)}>
          Approve
        </Button>
        <Button
          size="xs"
          variant="light"
          color="red"
          leftSection={<IconX size={14} />}
          onClick={() => openApproval(false)}
        >
          Refuse
        </Button>
        <ApprovalModal sanction={sanction} approve={approve} opened={approvalOpened} onClose={approvalModal.close} />
      </Group>
    );
  }
  return null;
}
