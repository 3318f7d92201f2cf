import { Anchor, Breadcrumbs, Group, Paper, Skeleton, Stack, Tabs, Text, Title } from '@mantine/core';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import type { Report, Submission } from '../../../api/types';
import { ErrorAlert } from '../../../components/error-alert';
import { formatDateTime } from '../../../components/format';
import { isOperatorAdmin, useMe } from '../../auth/session-context';
import { ReportSeverityBadge, ReportStatusBadge, TierBadge, TlpBadge } from '../report-badges';
import { useReport } from '../reports.api';
import { canTriage } from '../reports.permissions';
import { TriageActions } from './report-actions';
import { ReportAttachments } from './report-attachments';
import { ReportAudit } from './report-audit';
import { ReportComments } from './report-comments';
import { ReportDetails } from './report-details';
import { PossibleDuplicates } from './report-duplicates';
import { ReportObligations } from './report-obligations';
import { ReceiptBlock, ReportReceipts } from './report-receipts';
import { ReportTimeline } from './report-timeline';
import { ReportVendors } from './report-vendors';

function Crumbs({ label }: { label: string }) {
  return (
    <Breadcrumbs mb="xs" fz="sm">
      <Anchor component={Link} to="/reports">
        Reports
      </Anchor>
      <Text fz="sm">{label}</Text>
    </Breadcrumbs>
  );
}

function Header({ report }: { report: Report }) {
  const me = useMe();
  const score = report.cvss.v40?.score ?? report.cvss.v31?.score ?? null;
  return (
    <Paper withBorder p="md" radius="sm">
      <Group justify="space-between" align="flex-start" gap="md">
        <Stack gap={6} style={{ flex: 1, minWidth: 300 }}>
          <Group gap="xs">
            <Text ff="monospace" fw={700} c="dimmed" data-testid="report-ref">
              {report.ref}
            </Text>
            <ReportStatusBadge status={report.status} />
            <ReportSeverityBadge severity={report.severity} score={score} />
            <TlpBadge tlp={report.content.tlp} />
            <TierBadge tier={report.content.tier} />
          </Group>
          <Title order={2} size="h3" data-testid="report-title">
            {report.content.title}
          </Title>
          <Text size="sm" c="dimmed">
            Reported by {report.reporter?.name ?? 'an organisation'} · received {formatDateTime(report.receivedAt)} ·
            assignee {report.assignee?.name ?? 'none'}
          </Text>
        </Stack>
        {canTriage(me) && report.relation === 'operator' && <TriageActions report={report} />}
      </Group>
    </Paper>
  );
}

const tabs = ['details', 'timeline', 'obligations', 'receipts', 'comments', 'vendors', 'attachments', 'audit'] as const;
type Tab = (typeof tabs)[number];

export function ReportPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const query = useReport(id);
  const report = query.data;
  const justSubmitted = (location.state as { submission?: Submission } | null)?.submission;
  const showAudit = isOperatorAdmin(me);
  const requested = params.get('tab') as Tab | null;
  const tab: Tab =
    requested && tabs.includes(requested) && (requested !== 'audit' || showAudit) ? requested : 'details';

  // A vendor sees the report and its own statements; obligations, receipts and the thread are not its business.
  const insider = report?.relation !== 'vendor';
  if (query.isLoading)
    return (
      <Stack>
        <Crumbs label="…" />
        <Skeleton height={110} />
        <Skeleton height={300} />
      </Stack>
    );
  if (query.error || !report)
    return (
      <Stack>
        <Crumbs label="Not found" />
        <ErrorAlert error={query.error ?? new Error('Report not found')} />
      </Stack>
    );
  return (
    <Stack gap="md" data-testid="report-page">
      <Crumbs label={report.ref} />
      <Header report={report} />
      {justSubmitted && <ReceiptBlock reportId={report.id} submission={justSubmitted} />}
      {canTriage(me) && <PossibleDuplicates reportId={report.id} />}
      <Tabs
        value={tab}
        onChange={(value) =>
          setParams(value && value !== 'details' ? { tab: value } : {}, { replace: true, state: location.state })
        }
        keepMounted={false}
        variant="outline"
      >
        <Tabs.List>
          <Tabs.Tab value="details">Details</Tabs.Tab>
          <Tabs.Tab value="timeline">Timeline</Tabs.Tab>
          {insider && <Tabs.Tab value="obligations">Obligations</Tabs.Tab>}
          {insider && <Tabs.Tab value="receipts">Receipts</Tabs.Tab>}
          {insider && <Tabs.Tab value="comments">Comments</Tabs.Tab>}
          <Tabs.Tab value="vendors">Vendors</Tabs.Tab>
          <Tabs.Tab value="attachments">Attachments</Tabs.Tab>
          {showAudit && <Tabs.Tab value="audit">Audit trail</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="details" pt="md">
          <ReportDetails report={report} />
        </Tabs.Panel>
        <Tabs.Panel value="timeline" pt="md">
          <ReportTimeline report={report} />
        </Tabs.Panel>
        <Tabs.Panel value="obligations" pt="md">
          <ReportObligations reportId={report.id} />
        </Tabs.Panel>
        <Tabs.Panel value="receipts" pt="md">
          <ReportReceipts report={report} />
        </Tabs.Panel>
        <Tabs.Panel value="comments" pt="md">
          <ReportComments report={report} />
        </Tabs.Panel>
        <Tabs.Panel value="vendors" pt="md">
          <ReportVendors report={report} />
        </Tabs.Panel>
        <Tabs.Panel value="attachments" pt="md">
          <ReportAttachments report={report} />
        </Tabs.Panel>
        {showAudit && (
          <Tabs.Panel value="audit" pt="md">
            <ReportAudit reportId={report.id} />
          </Tabs.Panel>
        )}
      </Tabs>
    </Stack>
  );
}
