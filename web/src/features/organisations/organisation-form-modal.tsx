import { Button, Group, Modal, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useEffect } from 'react';
import { type Contact, type Org, type OrgKind, orgKinds } from '../../api/types';
import { ErrorAlert } from '../../components/error-alert';
import { useFormState } from '../../components/form-state';
import { humanize } from '../../components/format';
import { ContactsEditor, cleanContacts } from './contacts-editor';
import { useCreateOrganisation, useUpdateOrganisation } from './organisations.api';

interface OrgForm {
  name: string;
  shortName: string;
  kind: OrgKind;
  country: string;
  sector: string;
  contacts: Contact[];
}

const empty: OrgForm = { name: '', shortName: '', kind: 'member', country: '', sector: '', contacts: [] };

function toForm(org: Org | undefined): OrgForm {
  if (!org) return empty;
  return {
    name: org.name,
    shortName: org.shortName ?? '',
    kind: org.kind,
    country: org.country ?? '',
    sector: org.sector ?? '',
    contacts: org.contacts.map((contact) => ({ ...contact })),
  };
}

function optional(value: string): string | undefined {
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

interface OrganisationFormModalProps {
  opened: boolean;
  onClose: () => void;
  // Present when editing; absent when creating.
  org?: Org;
  onSaved?: (org: Org) => void;
}

export function OrganisationFormModal({ opened, onClose, org, onSaved }: OrganisationFormModalProps) {
  const form = useFormState<OrgForm>(empty);
  const create = useCreateOrganisation();
  const update = useUpdateOrganisation(org?.id ?? '');
  const saving = create.isPending || update.isPending;
  const { reset } = form;

  useEffect(() => {
    if (opened) reset(toForm(org));
  }, [opened, org, reset]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const { values } = form;
    const common = {
      name: values.name.trim(),
      shortName: optional(values.shortName),
      country: optional(values.country)?.toUpperCase(),
      sector: optional(values.sector),
      contacts: cleanContacts(values.contacts),
    };
    try {
      const saved = org ? await update.mutateAsync(common) : await create.mutateAsync({ ...common, kind: values.kind });
      notifications.show({
        color: 'green',
        title: org ? 'Organisation updated' : 'Organisation created',
        message: saved.name,
      });
      onSaved?.(saved);
      onClose();
    } catch (error) {
      form.applyError(error);
    }
  };

  const shown = ['name', 'shortName', 'kind', 'country', 'sector'];
  const contactFields = Object.keys(form.errors).filter((key) => key.startsWith('contacts.'));
  return (
    <Modal opened={opened} onClose={onClose} title={org ? 'Edit organisation' : 'New organisation'} size="xl">
      <form onSubmit={submit} data-testid="organisation-form">
        <Stack gap="sm">
          <ErrorAlert error={form.formError} shownFields={[...shown, ...contactFields]} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label="Name"
              required
              value={form.values.name}
              onChange={(event) => form.setValue('name', event.currentTarget.value)}
              error={form.error('name')}
              data-autofocus
            />
            <TextInput
              label="Short name"
              value={form.values.shortName}
              onChange={(event) => form.setValue('shortName', event.currentTarget.value)}
              error={form.error('shortName')}
            />
            <Select
              label="Kind"
              required
              disabled={Boolean(org)}
              data={orgKinds.map((kind) => ({ value: kind, label: humanize(kind) }))}
              value={form.values.kind}
              onChange={(value) => value && form.setValue('kind', value as OrgKind)}
              allowDeselect={false}
              error={form.error('kind')}
            />
            <TextInput
              label="Country"
              description="ISO 3166-1 alpha-2, e.g. DE"
              maxLength={2}
              value={form.values.country}
              onChange={(event) => form.setValue('country', event.currentTarget.value.toUpperCase())}
              error={form.error('country')}
            />
            <TextInput
              label="Sector"
              value={form.values.sector}
              onChange={(event) => form.setValue('sector', event.currentTarget.value)}
              error={form.error('sector')}
            />
          </SimpleGrid>
          <ContactsEditor
            value={form.values.contacts}
            onChange={(contacts) => form.setValue('contacts', contacts)}
            errors={form.errors}
          />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={saving}>
              {org ? 'Save changes' : 'Create organisation'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
