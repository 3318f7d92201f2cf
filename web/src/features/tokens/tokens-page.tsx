import { Badge, Button, Code, Group, Paper, Switch, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconKey } from '@tabler/icons-react';
import { useState } from 'react';
import type { Token, TokenCreated } from '../../api/types';
import { ConfirmModal } from '../../components/confirm-modal';
import { type Column, DataTable } from '../../components/data-table';
import { formatDateTime } from '../../components/format';
import { PageHeader } from '../../components/page-header';
import { SecretOnceModal } from '../../components/secret-once-modal';
import { TokenCreateModal } from './token-create-modal';
import { type TokenStatus, tokenStatus, useRevokeToken, useTokens } from './tokens.api';

const statusColors: Record<TokenStatus, string> = { active: 'green', expired: 'gray', revoked: 'red' };

function columns(onRevoke: (token: Token) => void): Column<Token>[] {
  return [
    { key: 'name', header: 'Name', render: (token) => <Text size="sm">{token.name}</Text> },
    { key: 'prefix', header: 'Prefix', render: (token) => <Code>{token.prefix}…</Code> },
    {
      key: 'scopes',
      header: 'Scopes',
      render: (token) => (
        <Group gap={4}>
          {token.scopes.map((scope) => (
            <Badge
              miw="fit-content"
              style={{ flexShrink: 0 }}
              key={scope}
              size="xs"
              variant="light"
              color={scope === 'admin' ? 'red' : 'blue'}
            >
              {scope}
            </Badge>
          ))}
        </Group>
      ),
    },
    { key: 'user', header: 'Owner', render: (token) => token.userName },
    { key: 'createdAt', header: 'Created', render: (token) => formatDateTime(token.createdAt) },
    { key: 'expiresAt', header: 'Expires', render: (token) => formatDateTime(token.expiresAt) },
    { key: 'lastUsedAt', header: 'Last used', render: (token) => formatDateTime(token.lastUsedAt) },
    {
      key: 'status',
      header: 'Status',
      render: (token) => {
        const status = tokenStatus(token);
        return (
          <Badge
            miw="fit-content"
            style={{ flexShrink: 0 }}
            size="sm"
            variant="dot"
            color={statusColors[status]}
            data-testid="token-status"
          >
            {status}
          </Badge>
        );
      },
    },
    {
      key: 'actions',
      header: '',
      align: 'right',
      render: (token) =>
        tokenStatus(token) === 'revoked' ? null : (
          <Button size="compact-xs" variant="subtle" color="red" onClick={() => onRevoke(token)}>
            Revoke
          </Button>
        ),
    },
  ];
}

export function TokensPage() {
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(25);
  const [includeRevoked, setIncludeRevoked] = useState(false);
  const [creating, { open, close }] = useDisclosure(false);
  const [created, setCreated] = useState<TokenCreated | null>(null);
  const [revoking, setRevoking] = useState<Token | null>(null);
  const revoke = useRevokeToken();
  const query = useTokens({ limit: pageSize, offset: (page - 1) * pageSize, includeRevoked });

  const confirmRevoke = async () => {
    if (!revoking) return;
    try {
      await revoke.mutateAsync(revoking.id);
      notifications.show({ color: 'green', title: 'Token revoked', message: revoking.name });
      setRevoking(null);
    } catch {
      // Shown inside the confirmation dialog.
    }
  };

  return (
    <>
      <PageHeader
        title="API tokens"
        description="Tokens let scripts and integrations call the API as you. Keep them secret and give them short lives."
        actions={
          <Button leftSection={<IconKey size={16} />} onClick={open}>
            Create token
          </Button>
        }
      />
      <Paper withBorder p="sm" radius="sm">
        <Group mb="sm">
          <Switch
            label="Show revoked"
            checked={includeRevoked}
            onChange={(event) => {
              setIncludeRevoked(event.currentTarget.checked);
              setPage(1);
            }}
            data-testid="show-revoked"
          />
        </Group>
        <DataTable
          testId="tokens-table"
          columns={columns(setRevoking)}
          rows={query.data?.items}
          rowKey={(token) => token.id}
          loading={query.isLoading}
          error={query.error}
          emptyText={
            includeRevoked
              ? 'No tokens yet. Use "Create token" to make one for a script or integration.'
              : 'No active tokens. Use "Create token" to make one, or switch on "Show revoked" to see old ones.'
          }
          paging={{
            page,
            pageSize,
            total: query.data?.total ?? 0,
            onPageChange: setPage,
            onPageSizeChange: (size) => {
              setPageSize(size);
              setPage(1);
            },
          }}
        />
      </Paper>
      <TokenCreateModal opened={creating} onClose={close} onCreated={setCreated} />
      <SecretOnceModal
        opened={created !== null}
        onClose={() => setCreated(null)}
        title={`Token “${created?.token.name ?? ''}” created`}
        label="Your new API token. Send it as “Authorization: Bearer <token>”."
        secret={created?.secret ?? ''}
        testId="token-secret"
        warning="Copy this token now. It won't be shown again — only a hash is stored, so it cannot be recovered."
      />
      <ConfirmModal
        opened={revoking !== null}
        title="Revoke token"
        message={`Revoke “${revoking?.name ?? ''}”? Anything using it will stop working immediately. This cannot be undone.`}
        confirmLabel="Revoke token"
        loading={revoke.isPending}
        error={revoke.error}
        onConfirm={() => void confirmRevoke()}
        onClose={() => {
          setRevoking(null);
          revoke.reset();
        }}
      />
    </>
  );
}
