import {
  Anchor,
  Breadcrumbs,
  Button,
  DataList,
  Grid,
  Group,
  Paper,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconChartBar, IconPencil, IconUserPlus } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import type { Org } from '../../api/types';
import { OrgKindBadge } from '../../components/badges';
import { ErrorAlert } from '../../components/error-alert';
import { formatDateTime, orDash } from '../../components/format';
import { PageHeader } from '../../components/page-header';
import { isOperator, isOperatorAdmin, isOrgAdmin, useMe } from '../auth/session-context';
import { OrgProgrammeCard } from '../sanctions/org-programme-card';
import { UserCreateModal } from '../users/user-create-modal';
import { UsersTable } from '../users/users-table';
import { OrganisationFormModal } from './organisation-form-modal';
import { useOrganisation } from './organisations.api';
import { PartnerStatusCard } from './partner-status-card';

function Fields({ org }: { org: Org }) {
  const rows: [string, ReactNode][] = [
    ['Name', org.name],
    ['Short name', orDash(org.shortName)],
    ['Kind', <OrgKindBadge key="kind" kind={org.kind} />],
    ['Country', orDash(org.country)],
    ['Sector', orDash(org.sector)],
    ['Created', formatDateTime(org.createdAt)],
    ['Updated', formatDateTime(org.updatedAt)],
  ];
  return (
    <DataList data-testid="organisation-fields">
      {rows.map(([label, value]) => (
        <DataList.Item key={label}>
          <DataList.ItemLabel>{label}</DataList.ItemLabel>
          <DataList.ItemValue>{value}</DataList.ItemValue>
        </DataList.Item>
      ))}
    </DataList>
  );
}

function Contacts({ org }: { org: Org }) {
  if (org.contacts.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No contacts recorded. Add the people to reach for coordination and warnings.
      </Text>
    );
  }
  return (
    <Table fz="sm" verticalSpacing={4} withTableBorder data-testid="organisation-contacts">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Name</Table.Th>
          <Table.Th>Email</Table.Th>
          <Table.Th>Phone</Table.Th>
          <Table.Th>Role</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {org.contacts.map((contact) => (
          <Table.Tr key={`${contact.email}:${contact.name}`}>
            <Table.Td>{contact.name}</Table.Td>
            <Table.Td>
              <Anchor href={`mailto:${contact.email}`} size="sm">
                {contact.email}
              </Anchor>
            </Table.Td>
            <Table.Td>{orDash(contact.phone)}</Table.Td>
            <Table.Td>{orDash(contact.role)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function SectionTitle({ children }: { children: string }) {
  return (
    <Title order={3} size="h5" mb="sm">
      {children}
    </Title>
  );
}

export function OrganisationDetailPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const query = useOrganisation(id);
  const [editing, edit] = useDisclosure(false);
  const [addingUser, addUser] = useDisclosure(false);
  const operatorAdmin = isOperatorAdmin(me);
  const org = query.data;

  const breadcrumbs = (
    <Breadcrumbs mb="xs" fz="sm">
      <Anchor component={Link} to="/organisations" size="sm">
        Organisations
      </Anchor>
      <Text size="sm">{org?.name ?? '…'}</Text>
    </Breadcrumbs>
  );
  if (query.isLoading) {
    return (
      <Stack>
        {breadcrumbs}
        <Skeleton height={28} width={300} />
        <Skeleton height={200} />
      </Stack>
    );
  }
  if (query.error || !org) {
    return (
      <Stack>
        {breadcrumbs}
        <ErrorAlert error={query.error ?? new Error('Organisation not found')} />
      </Stack>
    );
  }
  const canAddUser = operatorAdmin || (isOrgAdmin(me) && me.orgId === org.id);
  return (
    <>
      {breadcrumbs}
      <PageHeader
        title={org.name}
        description={org.shortName ?? undefined}
        actions={
          <>
            {(isOperator(me) || me.orgId === org.id) && (
              <Button
                component={Link}
                to={`/organisations/${org.id}/scorecard`}
                variant="default"
                leftSection={<IconChartBar size={16} />}
                data-testid="organisation-scorecard"
              >
                Scorecard
              </Button>
            )}
            {operatorAdmin && (
              <Button variant="default" leftSection={<IconPencil size={16} />} onClick={edit.open}>
                Edit
              </Button>
            )}
          </>
        }
      />
      <Stack gap="md">
        <Grid gap="md">
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Paper withBorder p="md" radius="sm" h="100%">
              <SectionTitle>Details</SectionTitle>
              <Fields org={org} />
            </Paper>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Paper withBorder p="md" radius="sm" h="100%">
              <SectionTitle>Contacts</SectionTitle>
              <Contacts org={org} />
            </Paper>
          </Grid.Col>
        </Grid>
        {org.kind === 'partner' && <PartnerStatusCard org={org} canChange={operatorAdmin} />}
        {org.kind === 'partner' && isOperator(me) && <OrgProgrammeCard org={org} canPropose={operatorAdmin} />}
        <Paper withBorder p="md" radius="sm">
          <Group justify="space-between" mb="sm">
            <Title order={3} size="h5">
              Users
            </Title>
            {canAddUser && (
              <Button size="xs" variant="light" leftSection={<IconUserPlus size={14} />} onClick={addUser.open}>
                New user
              </Button>
            )}
          </Group>
          <UsersTable orgId={org.id} showOrganisation={false} />
        </Paper>
      </Stack>
      {operatorAdmin && <OrganisationFormModal opened={editing} onClose={edit.close} org={org} />}
      <UserCreateModal opened={addingUser} onClose={addUser.close} defaultOrgId={org.id} />
    </>
  );
}
