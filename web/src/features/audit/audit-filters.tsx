import { Button, Group, Select, TextInput } from '@mantine/core';
import { DateTimePicker } from '@mantine/dates';
import { IconFilterOff } from '@tabler/icons-react';
import { useOrganisationOptions } from '../organisations/organisations.api';
import { useAuditActions } from './audit.api';

export interface AuditFilterValues {
  action: string | null;
  actorId: string;
  orgId: string | null;
  subjectType: string;
  subjectId: string;
  from: string | null;
  to: string | null;
}

export const emptyAuditFilters: AuditFilterValues = {
  action: null,
  actorId: '',
  orgId: null,
  subjectType: '',
  subjectId: '',
  from: null,
  to: null,
};

// Offer each action plus its namespace prefixes ("org." matches every org.* action).
function actionOptions(actions: string[]): { group: string; items: string[] }[] {
  const prefixes = new Set<string>();
  for (const action of actions) {
    const dot = action.indexOf('.');
    if (dot > 0) prefixes.add(action.slice(0, dot + 1));
  }
  return [
    { group: 'Prefixes', items: [...prefixes].sort() },
    { group: 'Actions', items: [...actions].sort() },
  ].filter((group) => group.items.length > 0);
}

interface AuditFiltersProps {
  value: AuditFilterValues;
  onChange: (value: AuditFilterValues) => void;
}

export function AuditFilters({ value, onChange }: AuditFiltersProps) {
  const actions = useAuditActions();
  const orgs = useOrganisationOptions();
  const set = <K extends keyof AuditFilterValues>(key: K, next: AuditFilterValues[K]) =>
    onChange({ ...value, [key]: next });
  return (
    <Group gap="xs" align="flex-end" data-testid="audit-filters">
      <Select
        label="Action"
        placeholder="Any action"
        size="xs"
        w={200}
        clearable
        searchable
        data={actionOptions(actions.data?.items ?? [])}
        value={value.action}
        onChange={(next) => set('action', next)}
      />
      <TextInput
        label="Actor id"
        size="xs"
        w={160}
        value={value.actorId}
        onChange={(event) => set('actorId', event.currentTarget.value)}
      />
      <Select
        label="Organisation"
        placeholder="Any"
        size="xs"
        w={180}
        clearable
        searchable
        data={orgs.options}
        value={value.orgId}
        onChange={(next) => set('orgId', next)}
      />
      <TextInput
        label="Subject type"
        size="xs"
        w={120}
        value={value.subjectType}
        onChange={(event) => set('subjectType', event.currentTarget.value)}
      />
      <TextInput
        label="Subject id"
        size="xs"
        w={160}
        value={value.subjectId}
        onChange={(event) => set('subjectId', event.currentTarget.value)}
      />
      <DateTimePicker
        label="From"
        size="xs"
        w={150}
        clearable
        valueFormat="YYYY-MM-DD HH:mm"
        value={value.from}
        onChange={(next) => set('from', next)}
      />
      <DateTimePicker
        label="To"
        size="xs"
        w={150}
        clearable
        valueFormat="YYYY-MM-DD HH:mm"
        value={value.to}
        onChange={(next) => set('to', next)}
      />
      <Button
        size="xs"
        variant="subtle"
        color="gray"
        leftSection={<IconFilterOff size={14} />}
        onClick={() => onChange(emptyAuditFilters)}
      >
        Clear
      </Button>
    </Group>
  );
}
