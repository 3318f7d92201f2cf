import { Anchor, Group, Paper, Select, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { type Review, type ReviewStatus, reviewStatuses } from '../../api/types';
import { type Column, DataTable } from '../../components/data-table';
import { formatDateTime, humanize, orDash } from '../../components/format';
import { PageHeader } from '../../components/page-header';
import { ReviewStatusBadge } from './sanction-badges';
import { useReviews } from './sanctions.api';

export const reviewColumns: Column<Review>[] = [
  {
    key: 'org',
    header: 'Organisation',
    render: (r) => (
      <Anchor component={Link} to={`/reviews/${r.id}`} size="sm" fw={600}>
        {r.orgName || r.orgId.slice(0, 8)}
      </Anchor>
    ),
  },
  { key: 'round', header: 'Round', render: (r) => r.round },
  { key: 'status', header: 'Status', render: (r) => <ReviewStatusBadge status={r.status} /> },
  { key: 'opened', header: 'Opened', render: (r) => formatDateTime(r.openedAt) },
  {
    key: 'decision',
    header: 'Decision',
    render: (r) =>
      r.decision ? (
        <Text size="sm" lineClamp={2}>
          {humanize(r.decision)}: {orDash(r.decisionReason)}
        </Text>
      ) : (
        '—'
      ),
  },
  {
    key: 'sanction',
    header: 'Sanction',
    render: (r) => (
      <Anchor component={Link} to={`/sanctions/${r.sanctionId}`} size="sm">
        Open
      </Anchor>
    ),
  },
];

/** Reinstatement reviews: by default those whose partner has answered and which wait for a decision. */
export function ReviewsPage() {
  const [status, setStatus] = useState<ReviewStatus | null>(null);
  const [page, setPage] = useState(1);
  const pageSize = 50;
  const query = useReviews({ status: status ?? undefined, limit: pageSize, offset: (page - 1) * pageSize });
  return (
    <>
      <PageHeader
        title="Reinstatement reviews"
        description="Opened when a suspension ends; the partner submits its rectification, a manager decides."
      />
      <Paper withBorder p="sm" radius="sm">
        <Group gap="sm" mb="sm">
          <Select
            aria-label="Review status"
            placeholder="Any status"
            size="xs"
            w={220}
            clearable
            data={reviewStatuses.map((value) => ({ value, label: humanize(value) }))}
            value={status}
            onChange={(value) => {
              setStatus(value as ReviewStatus | null);
              setPage(1);
            }}
            data-testid="reviews-status"
          />
        </Group>
        <DataTable
          testId="reviews-table"
          columns={reviewColumns}
          rows={query.data?.items}
          rowKey={(r) => r.id}
          loading={query.isLoading}
          error={query.error}
          emptyText={status ? 'No reviews with this status.' : 'No reinstatement reviews yet.'}
          paging={{ page, pageSize, total: query.data?.total ?? 0, onPageChange: setPage }}
        />
      </Paper>
    </>
  );
}
