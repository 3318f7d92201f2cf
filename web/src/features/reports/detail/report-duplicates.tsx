import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconCopy } from '@tabler/icons-react';
import { Link } from 'react-router';
import { ReportStatusBadge } from '../report-badges';
import { useDuplicates } from '../reports.api';

/** Possible duplicates for the analyst to decide on; hidden when there are none. */
export function PossibleDuplicates({ reportId }: { reportId: string }) {
  const query = useDuplicates(reportId, true);
  const items = query.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Paper withBorder p="sm" radius="sm" bg="yellow.0" data-testid="possible-duplicates">
      <Group gap={6} mb={4}>
        <IconCopy size={16} />
        <Title order={3} size="h6">
          Possible duplicates ({items.length})
        </Title>
      </Group>
      <Stack gap={4}>
        {items.map(({ report, reasons }) => (
          <Group key={report.id} gap="xs" wrap="nowrap">
            <Anchor component={Link} to={`/reports/${report.id}`} size="sm" ff="monospace">
              {report.ref}
            </Anchor>
            <Text size="sm" lineClamp={1} style={{ flex: 1 }}>
              {report.title}
            </Text>
            <ReportStatusBadge status={report.status} testId="duplicate-status" />
            {reasons.map((r) => (
              <Badge key={r} size="xs" variant="outline" color="gray" tt="none">
                {r}
              </Badge>
            ))}
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
