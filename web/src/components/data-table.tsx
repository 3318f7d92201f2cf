import { Box, Center, Group, Pagination, Select, Skeleton, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconChevronUp, IconDatabaseOff, IconSelector } from '@tabler/icons-react';
import { Fragment, type ReactNode } from 'react';
import type { SortOrder } from '../api/types';
import { ErrorAlert } from './error-alert';

export interface Column<T> {
  key: string;
  header: ReactNode;
  render: (row: T) => ReactNode;
  // The API's sort field name; columns without one are not sortable.
  sortField?: string;
  width?: number | string;
  align?: 'left' | 'right' | 'center';
}

export interface DataTablePaging {
  page: number;
  pageSize: number;
  total: number;
  onPageChange: (page: number) => void;
  onPageSizeChange?: (size: number) => void;
}

export interface DataTableProps<T> {
  columns: Column<T>[];
  rows: T[] | undefined;
  rowKey: (row: T) => string;
  loading?: boolean;
  error?: unknown;
  emptyText: ReactNode;
  sort?: string;
  order?: SortOrder;
  onSort?: (field: string) => void;
  paging?: DataTablePaging;
  renderExpanded?: (row: T) => ReactNode;
  isExpanded?: (row: T) => boolean;
  onRowClick?: (row: T) => void;
  testId?: string;
}

function SortHeader({
  label,
  active,
  order,
  onClick,
}: {
  label: ReactNode;
  active: boolean;
  order?: SortOrder;
  onClick: () => void;
}) {
  const Icon = active ? (order === 'desc' ? IconChevronDown : IconChevronUp) : IconSelector;
  return (
    <UnstyledButton onClick={onClick} style={{ fontWeight: 600, fontSize: 'inherit' }}>
      <Group gap={4} wrap="nowrap">
        <span>{label}</span>
        <Icon size={14} stroke={1.5} opacity={active ? 1 : 0.5} />
      </Group>
    </UnstyledButton>
  );
}

function ariaSort(active: boolean, order?: SortOrder): 'ascending' | 'descending' | 'none' | undefined {
  if (!active) return 'none';
  return order === 'desc' ? 'descending' : 'ascending';
}

function LoadingRows({ columns }: { columns: number }) {
  return (
    <>
      {Array.from({ length: 6 }, (_, row) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholder rows have no identity.
        <Table.Tr key={row} data-testid="table-skeleton">
          {Array.from({ length: columns }, (_, cell) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: placeholder cells have no identity.
            <Table.Td key={cell}>
              <Skeleton height={12} radius="sm" />
            </Table.Td>
          ))}
        </Table.Tr>
      ))}
    </>
  );
}

function PagingBar({ paging }: { paging: DataTablePaging }) {
  const pages = Math.max(1, Math.ceil(paging.total / paging.pageSize));
  const first = paging.total === 0 ? 0 : (paging.page - 1) * paging.pageSize + 1;
  const last = Math.min(paging.total, paging.page * paging.pageSize);
  return (
    <Group justify="space-between" mt="xs">
      <Text size="xs" c="dimmed" data-testid="table-range">
        {first}–{last} of {paging.total}
      </Text>
      <Group gap="xs">
        {paging.onPageSizeChange && (
          <Select
            size="xs"
            w={90}
            aria-label="Rows per page"
            data={['10', '25', '50', '100', '200']}
            value={String(paging.pageSize)}
            onChange={(value) => value && paging.onPageSizeChange?.(Number(value))}
            allowDeselect={false}
          />
        )}
        <Pagination size="sm" total={pages} value={paging.page} onChange={paging.onPageChange} withEdges />
      </Group>
    </Group>
  );
}

export function DataTable<T>(props: DataTableProps<T>) {
  const { columns, rows, loading, error, sort, order, onSort, paging } = props;
  const showSkeleton = loading && !rows;
  const empty = !loading && !error && rows !== undefined && rows.length === 0;
  return (
    <Stack gap={0} data-testid={props.testId}>
      {Boolean(error) && (
        <Box mb="sm">
          <ErrorAlert error={error} />
        </Box>
      )}
      <Table.ScrollContainer minWidth={600}>
        <Table striped highlightOnHover verticalSpacing={6} horizontalSpacing="sm" fz="sm" withTableBorder>
          <Table.Thead>
            <Table.Tr>
              {columns.map((column) => {
                const active = column.sortField !== undefined && column.sortField === sort;
                return (
                  <Table.Th
                    key={column.key}
                    style={{ width: column.width, textAlign: column.align }}
                    aria-sort={column.sortField ? ariaSort(active, order) : undefined}
                  >
                    {column.sortField && onSort ? (
                      <SortHeader
                        label={column.header}
                        active={active}
                        order={order}
                        onClick={() => column.sortField && onSort(column.sortField)}
                      />
                    ) : (
                      column.header
                    )}
                  </Table.Th>
                );
              })}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {showSkeleton && <LoadingRows columns={columns.length} />}
            {empty && (
              <Table.Tr>
                <Table.Td colSpan={columns.length}>
                  <Center py="lg" data-testid="table-empty">
                    <Group gap="xs" c="dimmed">
                      <IconDatabaseOff size={18} />
                      <Text size="sm">{props.emptyText}</Text>
                    </Group>
                  </Center>
                </Table.Td>
              </Table.Tr>
            )}
            {rows?.map((row) => (
              <Fragment key={props.rowKey(row)}>
                <Table.Tr
                  onClick={props.onRowClick ? () => props.onRowClick?.(row) : undefined}
                  style={props.onRowClick ? { cursor: 'pointer' } : undefined}
                >
                  {columns.map((column) => (
                    <Table.Td key={column.key} style={{ textAlign: column.align }}>
                      {column.render(row)}
                    </Table.Td>
                  ))}
                </Table.Tr>
                {props.renderExpanded && props.isExpanded?.(row) && (
                  <Table.Tr>
                    <Table.Td colSpan={columns.length} bg="var(--mantine-color-gray-0)">
                      {props.renderExpanded(row)}
                    </Table.Td>
                  </Table.Tr>
                )}
              </Fragment>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {paging && !empty && paging.total > 0 && <PagingBar paging={paging} />}
    </Stack>
  );
}
