import { Anchor, Button, Divider, Group, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { Review } from '../../api/types';
import { ErrorAlert } from '../../components/error-alert';
import { formatDateTime, humanize } from '../../components/format';
import { useMe } from '../auth/session-context';
import { RectificationFormCard } from '../sanctions/rectification-form';
import { RectificationList } from '../sanctions/rectifications';
import { ReviewStatusBadge } from '../sanctions/sanction-badges';
import { Card } from '../sanctions/sanction-parts';
import { useReview, useReviews } from '../sanctions/sanctions.api';

function PastReviews({ reviews }: { reviews: Review[] }) {
  if (reviews.length === 0) return null;
  return (
    <Stack gap={4}>
      <Text size="xs" fw={600} c="dimmed" tt="uppercase">
        Earlier reviews
      </Text>
      {reviews.map((r) => (
        <Group key={r.id} gap="xs">
          <Anchor component={Link} to={`/reviews/${r.id}`} size="sm">
            Round {r.round}, opened {formatDateTime(r.openedAt)}
          </Anchor>
          <ReviewStatusBadge status={r.status} />
          {r.decision && (
            <Text size="sm">
              {humanize(r.decision)}: {r.decisionReason}
            </Text>
          )}
        </Group>
      ))}
    </Stack>
  );
}

/** Once a rectification is in, more can follow until the decision; the form then opens on request. */
function AnswerForm({ review }: { review: Review }) {
  const [adding, { open }] = useDisclosure(false);
  if (review.status === 'rectification_submitted' && !adding) {
    return (
      <Group>
        <Button variant="light" size="xs" leftSection={<IconPlus size={14} />} onClick={open}>
          Add to your rectification
        </Button>
      </Group>
    );
  }
  return <RectificationFormCard review={review} />;
}

/**
 * The review the partner must answer (when one is open): the rectification form, and what it has submitted so far.
 * Shown only once a review exists.
 */
export function ProgrammeReview() {
  const me = useMe();
  const reviews = useReviews({ limit: 50 });
  const items = reviews.data?.items ?? [];
  const open = items.find((r) => r.status !== 'decided');
  const current = open ?? items[0];
  const detail = useReview(current?.id);
  if (reviews.error) return <ErrorAlert error={reviews.error} />;
  if (!current) return null;
  const canAnswer = me.role !== 'viewer';
  const title = open ? 'Reinstatement review: your rectification' : 'Reinstatement review';
  return (
    <Card
      title={
        <Group gap="xs">
          <span>{title}</span>
          <ReviewStatusBadge status={current.status} />
        </Group>
      }
      testId="programme-review"
    >
      <Stack gap="md">
        {open ? (
          <Text size="sm">
            Your suspension has ended: round {open.round} of your reinstatement review opened on{' '}
            {formatDateTime(open.openedAt)}. Tell the operator what you changed so that the violation does not happen
            again, in your processes, your contacts and your tooling, with documents that show it.
            {open.status === 'rectification_submitted' &&
              ' You have submitted a rectification; you can add to it until the operator decides.'}
          </Text>
        ) : (
          <Text size="sm" data-testid="programme-review-outcome">
            Round {current.round} was decided on {formatDateTime(current.decidedAt)}:{' '}
            <b>{current.decision ? humanize(current.decision) : '—'}</b>. {current.decisionReason}
          </Text>
        )}
        {open && canAnswer && <AnswerForm review={open} />}
        {open && !canAnswer && (
          <Text size="sm" c="dimmed">
            Your organisation's admins, analysts and reporters submit the rectification.
          </Text>
        )}
        <Divider label="Rectifications you submitted" labelPosition="left" />
        {detail.error && <ErrorAlert error={detail.error} />}
        {detail.data && <RectificationList reviewId={detail.data.id} items={detail.data.rectifications} />}
        <PastReviews reviews={items.filter((r) => r.id !== current.id)} />
      </Stack>
    </Card>
  );
}
