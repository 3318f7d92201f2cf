import { Button, Group, Modal, MultiSelect, NumberInput, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useEffect } from 'react';
import { type TokenCreated, type TokenScope, tokenScopes } from '../../api/types';
import { ErrorAlert } from '../../components/error-alert';
import { useFormState } from '../../components/form-state';
import { useCreateToken } from './tokens.api';

interface TokenForm {
  name: string;
  scopes: TokenScope[];
  expiresInDays: number | string;
}

const initial: TokenForm = { name: '', scopes: ['read'], expiresInDays: 90 };

const scopeLabels: Record<TokenScope, string> = {
  read: 'read — fetch data',
  write: 'write — submit and change data',
  admin: 'admin — manage organisation settings',
};

interface TokenCreateModalProps {
  opened: boolean;
  onClose: () => void;
  onCreated: (created: TokenCreated) => void;
}

export function TokenCreateModal({ opened, onClose, onCreated }: TokenCreateModalProps) {
  const form = useFormState<TokenForm>(initial);
  const create = useCreateToken();
  const { reset } = form;

  useEffect(() => {
    if (opened) reset(initial);
  }, [opened, reset]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const { name, scopes, expiresInDays } = form.values;
    const days = Number(expiresInDays);
    const local: Record<string, string> = {};
    if (scopes.length === 0) local.scopes = 'Choose at least one scope';
    if (!Number.isInteger(days) || days < 1 || days > 365) local.expiresInDays = 'Between 1 and 365 days';
    if (Object.keys(local).length > 0) {
      form.setErrors(local);
      return;
    }
    try {
      const created = await create.mutateAsync({ name: name.trim(), scopes, expiresInDays: days });
      notifications.show({ color: 'green', title: 'Token created', message: created.token.name });
      onClose();
      onCreated(created);
    } catch (error) {
      form.applyError(error);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title="Create API token">
      <form onSubmit={submit} data-testid="token-create-form">
        <Stack gap="sm">
          <ErrorAlert error={form.formError} shownFields={['name', 'scopes', 'expiresInDays']} />
          <TextInput
            label="Name"
            description="What the token is for, e.g. “SIEM export”"
            required
            value={form.values.name}
            onChange={(event) => form.setValue('name', event.currentTarget.value)}
            error={form.error('name')}
            data-autofocus
          />
          <MultiSelect
            label="Scopes"
            required
            data={tokenScopes.map((value) => ({ value, label: scopeLabels[value] }))}
            value={form.values.scopes}
            onChange={(value) => form.setValue('scopes', value as TokenScope[])}
            error={form.error('scopes')}
          />
          <NumberInput
            label="Expires in (days)"
            required
            min={1}
            max={365}
            clampBehavior="strict"
            allowDecimal={false}
            value={form.values.expiresInDays}
            onChange={(value) => form.setValue('expiresInDays', value)}
            error={form.error('expiresInDays')}
          />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Create
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
