import { ActionIcon, Group, Menu, Text, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDots, IconPencil, IconUserCheck, IconUserOff } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { Me, User } from '../../api/types';
import { ActiveBadge, RoleBadge } from '../../components/badges';
import { ConfirmModal } from '../../components/confirm-modal';
import { type Column, DataTable } from '../../components/data-table';
import { formatDateTime } from '../../components/format';
import { useTableState } from '../../components/table-state';
import { isOperatorAdmin, isOrgAdmin, useMe } from '../auth/session-context';
import { UserEditModal } from './user-edit-modal';
import { useSetUserDisabled, useUsers } from './users.api';

function canManage(me: Me, user: User): boolean {
  return isOperatorAdmin(me) || (isOrgAdmin(me) && user.orgId === me.orgId);
}

interface RowActionsProps {
  user: User;
  onEdit: (user: User) => void;
  onToggle: (user: User) => void;
  isSelf: boolean;
}

function RowActions({ user, onEdit, onToggle, isSelf }: RowActionsProps) {
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${user.email}`}>
          <IconDots size={16} />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item leftSection={<IconPencil size={14} />} onClick={() => onEdit(user)}>
          Edit
        </Menu.Item>
        {!isSelf && (
          <Menu.Item
            color={user.disabled ? 'green' : 'red'}
            leftSection={user.disabled ? <IconUserCheck size={14} /> : <IconUserOff size={14} />}
            onClick={() => onToggle(user)}
          >
            {user.disabled ? 'Enable' : 'Disable'}
          </Menu.Item>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}

interface UsersTableProps {
  orgId?: string;
  q?: string;
  showOrganisation?: boolean;
}

export function UsersTable({ orgId, q, showOrganisation = true }: UsersTableProps) {
  const me = useMe();
  const table = useTableState('name');
  const [editing, setEditing] = useState<User | null>(null);
  const [toggling, setToggling] = useState<User | null>(null);
  const setDisabled = useSetUserDisabled();
  const { resetPage } = table;
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new filter must start again at page 1.
  useEffect(() => resetPage(), [q, orgId]);
  const query = useUsers({
    limit: table.pageSize,
    offset: table.offset,
    sort: table.sort,
    order: table.order,
    q,
    orgId,
  });

  const confirmToggle = async () => {
    if (!toggling) return;
    try {
      const user = await setDisabled.mutateAsync({ id: toggling.id, disabled: !toggling.disabled });
      notifications.show({
        color: 'green',
        title: user.disabled ? 'User disabled' : 'User enabled',
        message: user.email,
      });
      setToggling(null);
    } catch {
      // The error is shown inside the confirmation dialog.
    }
  };

  const columns: Column<User>[] = [
    { key: 'name', header: 'Name', sortField: 'name', render: (user) => <Text size="sm">{user.name}</Text> },
    { key: 'email', header: 'Email', sortField: 'email', render: (user) => user.email },
    ...(showOrganisation ? [{ key: 'org', header: 'Organisation', render: (user: User) => user.orgName }] : []),
    { key: 'role', header: 'Role', sortField: 'role', render: (user) => <RoleBadge role={user.role} /> },
    {
      key: 'status',
      header: 'Status',
      render: (user) => <ActiveBadge active={!user.disabled} inactiveLabel="disabled" />,
    },
    {
      key: 'lastSignInAt',
      header: 'Last sign-in',
      sortField: 'lastSignInAt',
      render: (user) => formatDateTime(user.lastSignInAt),
    },
    {
      key: 'actions',
      header: <VisuallyHidden>Actions</VisuallyHidden>,
      width: 48,
      render: (user) =>
        canManage(me, user) ? (
          <Group justify="flex-end">
            <RowActions user={user} onEdit={setEditing} onToggle={setToggling} isSelf={user.id === me.id} />
          </Group>
        ) : null,
    },
  ];

  return (
    <>
      <DataTable
        testId="users-table"
        columns={columns}
        rows={query.data?.items}
        rowKey={(user) => user.id}
        loading={query.isLoading}
        error={query.error}
        emptyText={q ? 'No users match this search.' : 'No users here yet. Admins can add one with "New user".'}
        sort={table.sort}
        order={table.order}
        onSort={table.toggleSort}
        paging={{
          page: table.page,
          pageSize: table.pageSize,
          total: query.data?.total ?? 0,
          onPageChange: table.setPage,
          onPageSizeChange: table.setPageSize,
        }}
      />
      <UserEditModal user={editing} onClose={() => setEditing(null)} />
      <ConfirmModal
        opened={toggling !== null}
        title={toggling?.disabled ? 'Enable user' : 'Disable user'}
        message={
          toggling?.disabled
            ? `${toggling.email} will be able to sign in again.`
            : `${toggling?.email ?? ''} will be signed out and can no longer sign in or use API tokens.`
        }
        confirmLabel={toggling?.disabled ? 'Enable' : 'Disable'}
        color={toggling?.disabled ? 'green' : 'red'}
        loading={setDisabled.isPending}
        error={setDisabled.error}
        onConfirm={() => void confirmToggle()}
        onClose={() => {
          setToggling(null);
          setDisabled.reset();
        }}
      />
    </>
  );
}
