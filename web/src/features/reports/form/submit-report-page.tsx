import { Alert, Button, Group, Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconFileUpload, IconInfoCircle, IconSend } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { fieldErrors } from '../../../api/client';
import { ErrorAlert } from '../../../components/error-alert';
import { useFormState } from '../../../components/form-state';
import { PageHeader } from '../../../components/page-header';
import { useMe } from '../../auth/session-context';
import { useSubmitReport } from '../reports.api';
import { canSubmitReports } from '../reports.permissions';
import { ImportModal } from './import-modal';
import { ReportFormFields, reportFieldPrefixes } from './report-form-fields';
import { emptyReportForm, type ReportFormValues, toReportInput, validateReportForm } from './report-form-model';

/**
 * The problem's fields that have an input in the form: their errors show next to it, and the alert lists only the
 * others. Taken from the problem, not from the errors still shown, so that a field put right leaves both.
 */
export const shownFields = (error: unknown) =>
  Object.keys(fieldErrors(error)).filter((key) =>
    reportFieldPrefixes.some((p) => key === p || key.startsWith(`${p}.`)),
  );

export function SubmitReportPage() {
  const me = useMe();
  const [initial] = useState(emptyReportForm);
  const form = useFormState<ReportFormValues>(initial);
  const submit = useSubmitReport();
  const navigate = useNavigate();
  const [importOpened, importModal] = useDisclosure(false);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const clientErrors = validateReportForm(form.values);
    if (Object.keys(clientErrors).length > 0) {
      form.setErrors(clientErrors);
      return;
    }
    try {
      const created = await submit.mutateAsync(toReportInput(form.values));
      notifications.show({ color: 'green', title: 'Report received', message: created.report.ref });
      navigate(`/reports/${created.report.id}`, { state: { submission: created.submission } });
    } catch (error) {
      form.applyError(error);
    }
  };

  if (!canSubmitReports(me))
    return (
      <Alert color="gray" icon={<IconInfoCircle size={18} />} title="Read-only account">
        Viewers cannot submit reports. Ask your organisation's admin for the reporter role.
      </Alert>
    );
  return (
    <>
      {/* Outside the report form: a portal's submit event still bubbles through React's tree. */}
      <ImportModal opened={importOpened} onClose={importModal.close} />
      <form onSubmit={onSubmit} noValidate data-testid="report-form">
        <PageHeader
          title="Submit a vulnerability report"
          description="You get a signed, timestamped receipt as proof of when you reported. The reporting clocks of your regimes start from “Became aware”."
          actions={
            <Button variant="default" leftSection={<IconFileUpload size={16} />} onClick={importModal.open}>
              Upload CVE JSON 5 / CSAF
            </Button>
          }
        />
        <Stack gap="md" maw={1100}>
          <ErrorAlert
            error={form.formError}
            title="The report was not accepted"
            shownFields={shownFields(form.formError)}
          />
          <ReportFormFields form={form} />
          {Object.keys(form.errors).length > 0 && !form.formError && (
            <Alert color="red" variant="light" data-testid="form-invalid">
              Please correct the highlighted fields.
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => navigate('/reports')}>
              Cancel
            </Button>
            <Button type="submit" loading={submit.isPending} leftSection={<IconSend size={16} />}>
              Submit report
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}
