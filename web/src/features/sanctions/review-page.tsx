import { Anchor, Breadcrumbs, Button, Grid, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import type { ReviewDetail } from '../../api/types';
import { ErrorAlert } from '../../components/error-alert';
import { formatDateTime, humanize, orDash } from '../../components/format';
import { isOperator, isOperatorAdmin, useMe } from '../auth/session-context';
import { RectificationList } from './rectifications';
import { ReviewDecisionForm } from './review-decision';
import { MeasureBadge, measureText, ReviewStatusBadge, SanctionStatusBadge, termText } from './sanction-badges';
import { Card, Fields } from './sanction-parts';
import { useReview } from './sanctions.api';

function SanctionSummary({ review }: { review: ReviewDetail }) {
  const s = review.sanction;
  return (
    <Card
      title={
        <Group justify="space-between">
          <span>Sanction</span>
          <Anchor component={Link} to={`/sanctions/${s.id}`} size="sm">
            Open the sanction
          </Anchor>
        </Group>
      }
      testId="review-sanction"
    >
      <Group gap="xs" mb="xs">
        <SanctionStatusBadge status={s.status} />
        <MeasureBadge measure={s.measure} />
      </Group>
      <Fields
        rows={[
          ['Measure', measureText(s.measure, s.period)],
          ['Term', termText(s)],
          ['Reason', s.decisionReason ?? s.reason],
          ['Legal basis', orDash(s.legalBasis)],
          ['Decided by', `${s.decidedByLabel ?? '—'}, ${formatDateTime(s.decidedAt)}`],
        ]}
      />
    </Card>
  );
}

function Outcome({ review }: { review: ReviewDetail }) {
  const me = useMe();
  if (review.decision) {
    return (
      <Fields
        testId="review-outcome"
        rows={[
          ['Decision', humanize(review.decision)],
          ['Reason', orDash(review.decisionReason)],
          ...(review.newEndsAt ? [['New end', formatDateTime(review.newEndsAt)] as [string, string]] : []),
          ['Decided by', `${review.decidedByLabel ?? '—'}, ${formatDateTime(review.decidedAt)}`],
        ]}
      />
    );
  }
  if (isOperatorAdmin(me)) return <ReviewDecisionForm review={review} />;
  if (isOperator(me)) {
    return (
      <Text size="sm" c="dimmed">
        Waiting for an operator manager's decision.
      </Text>
    );
  }
  return (
    <Group justify="space-between">
      <Text size="sm" c="dimmed">
        The operator decides once you have submitted your rectification.
      </Text>
      <Button component={Link} to="/programme" size="xs" variant="light">
        Answer on the programme page
      </Button>
    </Group>
  );
}

export function ReviewPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const query = useReview(id);
  const review = query.data;
  const crumbs = (
    <Breadcrumbs mb="xs" fz="sm">
      <Anchor component={Link} to={isOperator(me) ? '/reviews' : '/programme'} size="sm">
        {isOperator(me) ? 'Reviews' : 'Programme'}
      </Anchor>
      <Text size="sm">{review ? `${review.orgName}, round ${review.round}` : '…'}</Text>
    </Breadcrumbs>
  );
  if (query.isLoading) {
    return (
      <Stack>
        {crumbs}
        <Skeleton height={120} />
      </Stack>
    );
  }
  if (query.error || !review) {
    return (
      <Stack>
        {crumbs}
        <ErrorAlert error={query.error ?? new Error('Review not found')} />
      </Stack>
    );
  }
  return (
    <Stack gap="md" data-testid="review-page">
      <div>{crumbs}</div>
      <Paper withBorder p="md" radius="sm">
        <Stack gap={6}>
          <Group gap="xs">
            <ReviewStatusBadge status={review.status} />
          </Group>
          <Title order={2} size="h3" data-testid="review-title">
            Reinstatement review {review.round}:{' '}
            {isOperator(me) ? (
              <Anchor component={Link} to={`/organisations/${review.orgId}`} inherit>
                {review.orgName}
              </Anchor>
            ) : (
              review.orgName
            )}
          </Title>
          <Text size="sm" c="dimmed">
            Opened {formatDateTime(review.openedAt)} when the suspension ended
          </Text>
        </Stack>
      </Paper>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <SanctionSummary review={review} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Card title={`Rectifications (${review.rectifications.length})`} testId="review-rectifications">
            <RectificationList reviewId={review.id} items={review.rectifications} />
          </Card>
        </Grid.Col>
      </Grid>
      <Card title="Decision" testId="review-decision">
        <Outcome review={review} />
      </Card>
    </Stack>
  );
}
