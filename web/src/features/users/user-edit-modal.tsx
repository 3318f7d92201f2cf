import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useEffect } from 'react';
import { type Role, roles, type User } from '../../api/types';
import { ErrorAlert } from '../../components/error-alert';
import { useFormState } from '../../components/form-state';
import { humanize } from '../../components/format';
import { useUpdateUser } from './users.api';

interface EditForm {
  name: string;
  role: Role;
}

const initial: EditForm = { name: '', role: 'viewer' };

export function UserEditModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const form = useFormState<EditForm>(initial);
  const update = useUpdateUser();
  const { reset } = form;

  useEffect(() => {
    if (user) reset({ name: user.name, role: user.role });
  }, [user, reset]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!user) return;
    try {
      const saved = await update.mutateAsync({
        id: user.id,
        body: { name: form.values.name.trim(), role: form.values.role },
      });
      notifications.show({ color: 'green', title: 'User updated', message: `${saved.name} (${saved.role})` });
      onClose();
    } catch (error) {
      form.applyError(error);
    }
  };

  return (
    <Modal opened={user !== null} onClose={onClose} title={`Edit user — ${user?.email ?? ''}`}>
      <form onSubmit={submit} data-testid="user-edit-form">
        <Stack gap="sm">
          <ErrorAlert error={form.formError} shownFields={['name', 'role']} />
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
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={update.isPending}>
              Save changes
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
