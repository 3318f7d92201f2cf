import { Button, FileInput, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { type Tlp, tlps } from '../../../api/types';
import { ErrorAlert } from '../../../components/error-alert';
import { pickerToIso } from '../../../components/format';
import { type ImportReportBody, useImportReport } from '../reports.api';

/** Report by uploading a CVE JSON 5 record or a CSAF 2.0 document (one report per CSAF vulnerability). */
export function ImportModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const [format, setFormat] = useState<ImportReportBody['format']>('cve5');
  const [file, setFile] = useState<File | null>(null);
  const [tlp, setTlp] = useState<Tlp | null>(null);
  const [aware, setAware] = useState('');
  const [parseError, setParseError] = useState<string | null>(null);
  const upload = useImportReport();
  const { reset: resetUpload } = upload;
  const navigate = useNavigate();

  // The modal's state outlives its closing: each opening starts without the last file or its error.
  useEffect(() => {
    if (!opened) return;
    setFile(null);
    setParseError(null);
    resetUpload();
  }, [opened, resetUpload]);

  // Another file makes the last file's error stale.
  const chooseFile = (next: File | null) => {
    setFile(next);
    setParseError(null);
    resetUpload();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    let document: Record<string, unknown>;
    try {
      document = JSON.parse(await file.text()) as Record<string, unknown>;
      setParseError(null);
    } catch {
      // The server's answer to an earlier upload would otherwise hide this one's problem.
      resetUpload();
      setParseError(`${file.name} is not JSON`);
      return;
    }
    const awareAt = pickerToIso(aware || null);
    try {
      const { items } = await upload.mutateAsync({
        format,
        document,
        tlp: tlp ?? undefined,
        timeline: awareAt ? { awareAt } : undefined,
      });
      notifications.show({
        color: 'green',
        title: `${items.length} report(s) received`,
        message: items.map((i) => i.report.ref).join(', '),
      });
      onClose();
      const first = items[0];
      if (first) navigate(`/reports/${first.report.id}`, { state: { submission: first.submission } });
    } catch {
      // upload.error is shown in the modal.
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title="Upload CVE JSON 5 or CSAF 2.0" size="lg">
      <form onSubmit={submit} data-testid="import-form">
        <Stack gap="sm">
          <ErrorAlert error={upload.error ?? (parseError ? new Error(parseError) : null)} />
          <Select
            label="Format"
            data={[
              { value: 'cve5', label: 'CVE JSON 5 record' },
              { value: 'csaf', label: 'CSAF 2.0 document (one report per vulnerability)' },
            ]}
            value={format}
            onChange={(value) => value && setFormat(value as ImportReportBody['format'])}
            allowDeselect={false}
          />
          <FileInput label="Document" required accept="application/json,.json" value={file} onChange={chooseFile} />
          <Group grow>
            <Select
              label="TLP"
              placeholder="As the document says"
              data={[...tlps]}
              value={tlp}
              onChange={(v) => setTlp(v as Tlp | null)}
              clearable
            />
            <TextInput
              type="datetime-local"
              label="Became aware"
              value={aware}
              onChange={(e) => setAware(e.currentTarget.value)}
            />
          </Group>
          <Text size="xs" c="dimmed">
            The document is mapped to the report form's fields and checked the same way; each report gets its receipt.
          </Text>
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={upload.isPending} disabled={!file}>
              Upload and submit
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
