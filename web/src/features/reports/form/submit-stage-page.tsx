import { Anchor, Breadcrumbs, Button, Group, Paper, Select, Skeleton, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconSend } from '@tabler/icons-react';
import { type FormEvent, useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { type Stage, stages } from '../../../api/types';
import { ErrorAlert } from '../../../components/error-alert';
import { useFormState } from '../../../components/form-state';
import { humanize } from '../../../components/format';
import { PageHeader } from '../../../components/page-header';
import { useReport, useSubmitStage } from '../reports.api';
import { ReportFormFields } from './report-form-fields';
import {
  emptyReportForm,
  fromReportInput,
  type ReportFormValues,
  toReportInput,
  validateReportForm,
} from './report-form-model';
import { shownFields } from './submit-report-page';

const laterStages = stages.filter((s) => s !== 'initial') as Exclude<Stage, 'initial'>[];

/** A later stage (early warning, notification, final report, update) carries the full, revised content. */
export function SubmitStagePage() {
  const { id = '' } = useParams();
  const report = useReport(id);
  const [initial] = useState(emptyReportForm);
  const form = useFormState<ReportFormValues>(initial);
  const [stage, setStage] = useState<Exclude<Stage, 'initial'>>('update');
  const submit = useSubmitStage(id);
  const navigate = useNavigate();
  const { reset } = form;
  const content = report.data?.content;

  useEffect(() => {
    if (content) reset(fromReportInput(content));
  }, [content, reset]);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const clientErrors = validateReportForm(form.values);
    if (Object.keys(clientErrors).length > 0) {
      form.setErrors(clientErrors);
      return;
    }
    try {
      const created = await submit.mutateAsync({ stage, report: toReportInput(form.values) });
      notifications.show({ color: 'green', title: `${humanize(stage)} received`, message: created.report.ref });
      navigate(`/reports/${id}`, { state: { submission: created.submission } });
    } catch (error) {
      form.applyError(error);
    }
  };

  if (report.isLoading) return <Skeleton height={300} />;
  if (report.error || !report.data) return <ErrorAlert error={report.error} />;
  return (
    <form onSubmit={onSubmit} noValidate data-testid="stage-form">
      <Breadcrumbs mb="xs" fz="sm">
        <Anchor component={Link} to="/reports">
          Reports
        </Anchor>
        <Anchor component={Link} to={`/reports/${id}`}>
          {report.data.ref}
        </Anchor>
        <Text fz="sm">Submit next stage</Text>
      </Breadcrumbs>
      <PageHeader
        title={`Submit next stage — ${report.data.ref}`}
        description="The form holds the report's current content; revise it and submit. Each stage gets its own signed receipt."
      />
      <Stack gap="md" maw={1100}>
        <ErrorAlert
          error={form.formError}
          title="The stage was not accepted"
          shownFields={shownFields(form.formError)}
        />
        <Paper withBorder p="md" radius="sm">
          <Select
            label="Stage"
            w={260}
            data={laterStages.map((value) => ({ value, label: humanize(value) }))}
            value={stage}
            onChange={(value) => value && setStage(value as Exclude<Stage, 'initial'>)}
            allowDeselect={false}
          />
        </Paper>
        <ReportFormFields form={form} />
        <Group justify="flex-end">
          <Button variant="default" onClick={() => navigate(`/reports/${id}`)}>
            Cancel
          </Button>
          <Button type="submit" loading={submit.isPending} leftSection={<IconSend size={16} />}>
            Submit stage
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
