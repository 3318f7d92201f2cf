import { Button, Group, Modal, PasswordInput, Select, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useEffect, useState } from 'react';
import { type Role, roles } from '../../api/types';
import { ErrorAlert } from '../../components/error-alert';
import { useFormState } from '../../components/form-state';
import { humanize } from '../../components/format';
import { SecretOnceModal } from '../../components/secret-once-modal';
import { isOperatorAdmin, useMe } from '../auth/session-context';
import { useOrganisationOptions } from '../organisations/organisations.api';
import { useCreateUser } from './users.api';

interface CreateForm {
  orgId: string;
  email: string;
  name: string;
  role: Role;
  password: string;
}

const initial: CreateForm = { orgId: '', email: '', name: '', role: 'analyst', password: '' };

interface UserCreateModalProps {
  opened: boolean;
  onClose: () => void;
  defaultOrgId?: string;
}

export function UserCreateModal({ opened, onClose, defaultOrgId }: UserCreateModalProps) {
  const me = useMe();
  const operator = isOperatorAdmin(me);
  const orgs = useOrganisationOptions(operator && opened);
  const form = useFormState<CreateForm>(initial);
  const create = useCreateUser();
  const [initialPassword, setInitialPassword] = useState<string | null>(null);
  const { reset } = form;

  useEffect(() => {
    if (opened) reset({ ...initial, orgId: operator ? (defaultOrgId ?? '') : me.orgId });
  }, [opened, operator, defaultOrgId, me.orgId, reset]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const { orgId, email, name, role, password } = form.values;
    if (!orgId) {
      form.setErrors({ orgId: 'Choose an organisation' });
      return;
    }
    try {
      const created = await create.mutateAsync({
        orgId,
        email: email.trim(),
        name: name.trim(),
        role,
        password: password === '' ? undefined : password,
      });
      notifications.show({ color: 'green', title: 'User created', message: created.user.email });
      onClose();
      if (created.initialPassword) setInitialPassword(created.initialPassword);
    } catch (error) {
      form.applyError(error);
    }
  };

  return (
    <>
      <Modal opened={opened} onClose={onClose} title="New user">
        <form onSubmit={submit} data-testid="user-create-form">
          <Stack gap="sm">
            <ErrorAlert error={form.formError} shownFields={['orgId', 'email', 'name', 'role', 'password']} />
            {operator && (
              <Select
                label="Organisation"
                required
                searchable
                data={orgs.options}
                value={form.values.orgId || null}
                onChange={(value) => form.setValue('orgId', value ?? '')}
                error={form.error('orgId')}
                nothingFoundMessage="No organisation found"
              />
            )}
            <TextInput
              label="Email"
              type="email"
              required
              value={form.values.email}
              onChange={(event) => form.setValue('email', event.currentTarget.value)}
              error={form.error('email')}
            />
            <TextInput
              label="Name"
              required
              value={form.values.name}
              onChange={(event) => form.setValue('name', event.currentTarget.value)}
              error={form.error('name')}
            />
            <Select
              label="Role"
              required
              data={roles.map((value) => ({ value, label: humanize(value) }))}
              value={form.values.role}
              onChange={(value) => value && form.setValue('role', value as Role)}
              allowDeselect={false}
              error={form.error('role')}
            />
            <PasswordInput
              label="Initial password"
              description="Optional. Leave empty to have a strong password generated; it will be shown once."
              autoComplete="new-password"
              value={form.values.password}
              onChange={(event) => form.setValue('password', event.currentTarget.value)}
              error={form.error('password')}
            />
            <Group justify="flex-end" gap="xs">
              <Button variant="default" onClick={onClose}>
                Cancel
              </Button>
              <Button type="submit" loading={create.isPending}>
                Create user
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
      <SecretOnceModal
        opened={initialPassword !== null}
        onClose={() => setInitialPassword(null)}
        title="Initial password"
        label="Give this password to the user over a secure channel. They must change it at first sign-in."
        secret={initialPassword ?? ''}
        testId="initial-password"
        warning="This password will not be shown again. Copy it now; it cannot be retrieved later."
      />
    </>
  );
}
