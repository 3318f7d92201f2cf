import { Button, Group, Paper, Select, TextInput } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { IconSearch, IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { PageHeader } from '../../components/page-header';
import { isOperatorAdmin, isOrgAdmin, useMe } from '../auth/session-context';
import { useOrganisationOptions } from '../organisations/organisations.api';
import { UserCreateModal } from './user-create-modal';
import { UsersTable } from './users-table';

export function UsersPage() {
  const me = useMe();
  const operator = isOperatorAdmin(me);
  const orgs = useOrganisationOptions(operator);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [orgFilter, setOrgFilter] = useState<string | null>(null);
  const [creating, { open, close }] = useDisclosure(false);
  // Org admins and other non-operators only ever see their own organisation's users.
  const orgId = operator ? (orgFilter ?? undefined) : me.orgId;

  return (
    <>
      <PageHeader
        title="Users"
        description={
          operator ? 'People with accounts in every organisation.' : `People with accounts in ${me.orgName}.`
        }
        actions={
          isOrgAdmin(me) && (
            <Button leftSection={<IconUserPlus size={16} />} onClick={open}>
              New user
            </Button>
          )
        }
      />
      <Paper withBorder p="sm" radius="sm">
        <Group gap="sm" mb="sm">
          <TextInput
            aria-label="Search users"
            placeholder="Search by name or email"
            leftSection={<IconSearch size={14} />}
            value={search}
            onChange={(event) => setSearch(event.currentTarget.value)}
            w={280}
            data-testid="user-search"
          />
          {operator ? (
            <Select
              aria-label="Filter by organisation"
              placeholder="All organisations"
              clearable
              searchable
              data={orgs.options}
              value={orgFilter}
              onChange={setOrgFilter}
              w={260}
              data-testid="user-org-filter"
            />
          ) : (
            <Select aria-label="Organisation" data={[me.orgName]} value={me.orgName} disabled w={260} />
          )}
        </Group>
        <UsersTable orgId={orgId} q={q || undefined} />
      </Paper>
      <UserCreateModal opened={creating} onClose={close} defaultOrgId={orgFilter ?? undefined} />
    </>
  );
}
