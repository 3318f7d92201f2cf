import { Button, Group, Modal, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useEffect } from 'react';
import { useNavigate } from 'react-router';
import { type Org, type SanctionMeasure, sanctionMeasures, type Violation } from '../../api/types';
import { ErrorAlert } from '../../components/error-alert';
import { useFormState } from '../../components/form-state';
import { humanize } from '../../components/format';
import { useViolations } from '../violations/violations.api';
import { measureText } from './sanction-badges';
import { useProposeSanction } from './sanctions.api';

interface ProposeForm {
  violationId: string | null;
  measure: SanctionMeasure;
  period: string;
  reason: string;
  legalBasis: string;
}

const initial: ProposeForm = { violationId: null, measure: 'warning', period: '', reason: '', legalBasis: '' };

function defaultsFor(violation: Violation | undefined): ProposeForm {
  if (!violation) return initial;
  const major = violation.severity === 'major';
  return {
    ...initial,
    violationId: violation.id,
    measure: major ? 'suspension' : 'warning',
    period: major ? 'P6M' : '',
    reason: violation.summary,
  };
}

interface ProposeSanctionModalProps {
  org: Pick<Org, 'id' | 'name'>;
  violation?: Violation;
  opened: boolean;
  onClose: () => void;
}

/** A manager proposes a measure by hand, for one of the organisation's violations or on its own. */
export function ProposeSanctionModal({ org, violation, opened, onClose }: ProposeSanctionModalProps) {
  const navigate = useNavigate();
  const form = useFormState<ProposeForm>(initial);
  const propose = useProposeSanction();
  const violations = useViolations({ orgId: org.id, limit: 200 }, opened);
  const { reset } = form;
  useEffect(() => {
    if (opened) reset(defaultsFor(violation));
  }, [opened, violation, reset]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const v = form.values;
    if (!v.reason.trim()) {
      form.setErrors({ reason: 'A reason is required: the partner sees it once the sanction is in force' });
      return;
    }
    try {
      const created = await propose.mutateAsync({
        orgId: org.id,
        violationId: v.violationId ?? undefined,
        measure: v.measure,
        period: v.measure === 'suspension' ? v.period.trim() || undefined : undefined,
        reason: v.reason.trim(),
        legalBasis: v.legalBasis.trim() || undefined,
      });
      notifications.show({
        color: 'green',
        title: 'Sanction proposed',
        message: `${measureText(created.measure, created.period)} for ${org.name}; a manager decides it next.`,
      });
      onClose();
      void navigate(`/sanctions/${created.id}`);
    } catch (error) {
      form.applyError(error);
    }
  };

  const options = (violations.data?.items ?? []).map((item) => ({
    value: item.id,
    label: `${item.severity} · ${item.ruleId} · ${item.summary.slice(0, 80)} (${item.status})`,
  }));
  return (
    <Modal opened={opened} onClose={onClose} title={`Propose a sanction — ${org.name}`} size="lg">
      <form onSubmit={submit} data-testid="propose-sanction-form">
        <Stack gap="sm">
          <ErrorAlert
            error={form.formError}
            shownFields={['violationId', 'measure', 'period', 'reason', 'legalBasis']}
          />
          <Select
            label="Violation"
            description="Optional: the violation this sanction answers"
            placeholder="None"
            clearable
            searchable
            data={options}
            value={form.values.violationId}
            onChange={(value) => form.setValue('violationId', value)}
            error={form.error('violationId')}
          />
          <SimpleGrid cols={2}>
            <Select
              label="Measure"
              required
              data={sanctionMeasures.map((value) => ({ value, label: humanize(value) }))}
              value={form.values.measure}
              onChange={(value) => value && form.setValue('measure', value as SanctionMeasure)}
              allowDeselect={false}
              error={form.error('measure')}
            />
            <TextInput
              label="Period"
              description="For a suspension: ISO 8601 duration, e.g. P6M"
              disabled={form.values.measure !== 'suspension'}
              required={form.values.measure === 'suspension'}
              value={form.values.measure === 'suspension' ? form.values.period : ''}
              onChange={(event) => form.setValue('period', event.currentTarget.value)}
              error={form.error('period')}
            />
          </SimpleGrid>
          <Textarea
            label="Reason"
            description="Shown to the partner once the sanction is in force"
            required
            autosize
            minRows={3}
            value={form.values.reason}
            onChange={(event) => form.setValue('reason', event.currentTarget.value)}
            error={form.error('reason')}
          />
          <TextInput
            label="Legal basis"
            placeholder="e.g. Partner agreement § 7"
            value={form.values.legalBasis}
            onChange={(event) => form.setValue('legalBasis', event.currentTarget.value)}
            error={form.error('legalBasis')}
          />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={propose.isPending}>
              Propose sanction
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
