import { Button, Group, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { DateTimePicker } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import type { FormEvent } from 'react';
import type { ReviewDecision, ReviewDetail } from '../../api/types';
import { ErrorAlert } from '../../components/error-alert';
import { useFormState } from '../../components/form-state';
import { pickerToIso } from '../../components/format';
import { useDecideReview } from './sanctions.api';

interface ReviewDecisionForm {
  decision: ReviewDecision;
  reason: string;
  endsAt: string | null;
}

const initial: ReviewDecisionForm = { decision: 'reinstate', reason: '', endsAt: null };

const labels: Record<ReviewDecision, { button: string; done: string; color: string; explain: string }> = {
  reinstate: {
    button: 'Reinstate partner',
    done: 'reinstated as a partner',
    color: 'green',
    explain: 'The partner becomes active again and receives partner-only content.',
  },
  extend: {
    button: 'Extend suspension',
    done: 'suspension extended',
    color: 'orange',
    explain: 'The partner stays suspended until the new end; another review opens then.',
  },
  revoke: {
    button: 'Revoke partnership',
    done: 'partnership revoked',
    color: 'red',
    explain: 'The partnership ends: the partner is revoked and no longer receives partner-only content.',
  },
};

/** A manager decides the review: reinstate, extend (until a new end) or revoke, always with a reason. */
export function ReviewDecisionForm({ review }: { review: ReviewDetail }) {
  const form = useFormState<ReviewDecisionForm>(initial);
  const decide = useDecideReview(review.id);
  const { decision } = form.values;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const reason = form.values.reason.trim();
    const errors: Record<string, string> = {};
    if (!reason) errors.reason = 'A reason is required';
    if (decision === 'extend' && !form.values.endsAt) errors.endsAt = 'An extension needs a new end';
    if (Object.keys(errors).length > 0) {
      form.setErrors(errors);
      return;
    }
    try {
      await decide.mutateAsync({
        decision,
        reason,
        ...(decision === 'extend' ? { endsAt: pickerToIso(form.values.endsAt) } : {}),
      });
      notifications.show({
        color: 'green',
        title: 'Review decided',
        message: `${review.orgName}: ${labels[decision].done}`,
      });
      form.reset();
    } catch (error) {
      form.applyError(error);
    }
  };

  return (
    <form onSubmit={submit} data-testid="review-decision-form">
      <Stack gap="sm">
        <ErrorAlert error={form.formError} shownFields={['decision', 'reason', 'endsAt']} />
        <SegmentedControl
          aria-label="Decision"
          data={[
            { value: 'reinstate', label: 'Reinstate' },
            { value: 'extend', label: 'Extend' },
            { value: 'revoke', label: 'Revoke' },
          ]}
          value={decision}
          onChange={(value) => form.setValue('decision', value as ReviewDecision)}
          w="fit-content"
        />
        <Text size="sm" c="dimmed">
          {labels[decision].explain}
        </Text>
        {decision === 'extend' && (
          <DateTimePicker
            label="New end"
            required
            valueFormat="YYYY-MM-DD HH:mm"
            value={form.values.endsAt}
            onChange={(value) => form.setValue('endsAt', value)}
            error={form.error('endsAt')}
            w={260}
          />
        )}
        <Textarea
          label="Reason"
          description="The partner sees it"
          required
          autosize
          minRows={3}
          value={form.values.reason}
          onChange={(event) => form.setValue('reason', event.currentTarget.value)}
          error={form.error('reason')}
        />
        <Group justify="flex-end">
          <Button type="submit" color={labels[decision].color} loading={decide.isPending}>
            {labels[decision].button}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
