import { ActionIcon, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { Contact } from '../../api/types';

interface ContactsEditorProps {
  value: Contact[];
  onChange: (contacts: Contact[]) => void;
  // Field errors keyed like "contacts.0.email".
  errors: Record<string, string>;
}

const fields = [
  { key: 'name', label: 'Name', required: true },
  { key: 'email', label: 'Email', required: true },
  { key: 'phone', label: 'Phone', required: false },
  { key: 'role', label: 'Role', required: false },
] as const;

export function ContactsEditor({ value, onChange, errors }: ContactsEditorProps) {
  const update = (index: number, key: keyof Contact, text: string) => {
    onChange(value.map((contact, i) => (i === index ? { ...contact, [key]: text } : contact)));
  };
  return (
    <Stack gap={6} data-testid="contacts-editor">
      <Group justify="space-between">
        <Text size="sm" fw={500}>
          Contacts
        </Text>
        <Button
          size="compact-xs"
          variant="light"
          leftSection={<IconPlus size={12} />}
          onClick={() => onChange([...value, { name: '', email: '', phone: '', role: '' }])}
        >
          Add contact
        </Button>
      </Group>
      {value.length === 0 && (
        <Text size="xs" c="dimmed">
          No contacts yet. Add the people the operator should reach for coordination.
        </Text>
      )}
      {value.map((contact, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: contacts have no id; rows are edited in place.
        <Group key={index} gap={6} align="flex-start" wrap="nowrap">
          {fields.map((field) => (
            <TextInput
              key={field.key}
              size="xs"
              style={{ flex: 1 }}
              aria-label={`Contact ${index + 1} ${field.label.toLowerCase()}`}
              placeholder={field.label}
              required={field.required}
              value={contact[field.key] ?? ''}
              onChange={(event) => update(index, field.key, event.currentTarget.value)}
              error={errors[`contacts.${index}.${field.key}`]}
            />
          ))}
          <ActionIcon
            variant="subtle"
            color="red"
            mt={4}
            aria-label={`Remove contact ${index + 1}`}
            onClick={() => onChange(value.filter((_, i) => i !== index))}
          >
            <IconTrash size={14} />
          </ActionIcon>
        </Group>
      ))}
    </Stack>
  );
}

// Drops empty optional fields so the API's schema (no empty strings for phone/role) is satisfied.
export function cleanContacts(contacts: Contact[]): Contact[] {
  return contacts.map((contact) => {
    const clean: Contact = { name: contact.name.trim(), email: contact.email.trim() };
    if (contact.phone?.trim()) clean.phone = contact.phone.trim();
    if (contact.role?.trim()) clean.role = contact.role.trim();
    return clean;
  });
}
