import { Button, FileInput, Group, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPaperclip, IconSend } from '@tabler/icons-react';
import type { FormEvent } from 'react';
import type { Review } from '../../api/types';
import { ErrorAlert } from '../../components/error-alert';
import { toBase64 } from '../../components/files';
import { useFormState } from '../../components/form-state';
import { useSubmitRectification } from './sanctions.api';

interface RectificationForm {
  summary: string;
  processes: string;
  contacts: string;
  tooling: string;
  files: File[];
}

const initial: RectificationForm = { summary: '', processes: '', contacts: '', tooling: '', files: [] };

// The server checks the content against the declared type; browsers leave some types empty or vague.
const byExtension: Record<string, string> = {
  txt: 'text/plain',
  log: 'text/plain',
  md: 'text/plain',
  csv: 'text/plain',
  json: 'application/json',
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  zip: 'application/zip',
  pcap: 'application/vnd.tcpdump.pcap',
  pcapng: 'application/vnd.tcpdump.pcap',
};
const accepted = new Set(Object.values(byExtension));
const accept = [...Object.keys(byExtension).map((ext) => `.${ext}`), ...accepted].join(',');

function mediaTypeOf(file: File): string {
  if (accepted.has(file.type)) return file.type;
  const ext = file.name.split('.').pop()?.toLowerCase() ?? '';
  return byExtension[ext] ?? (file.type || 'application/octet-stream');
}

const text = (value: string) => value.trim() || undefined;

/** The partner answers its review: what changed in processes, contacts and tooling, with supporting files. */
export function RectificationFormCard({ review }: { review: Review }) {
  const form = useFormState<RectificationForm>(initial);
  const submit = useSubmitRectification(review.id);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const v = form.values;
    if (!v.summary.trim()) {
      form.setErrors({ summary: 'A summary is required' });
      return;
    }
    try {
      const attachments = await Promise.all(
        v.files.map(async (file) => ({
          filename: file.name,
          mediaType: mediaTypeOf(file),
          contentBase64: await toBase64(file),
        })),
      );
      await submit.mutateAsync({
        summary: v.summary.trim(),
        processes: text(v.processes),
        contacts: text(v.contacts),
        tooling: text(v.tooling),
        ...(attachments.length > 0 ? { attachments } : {}),
      });
      notifications.show({
        color: 'green',
        title: 'Rectification submitted',
        message: 'The operator will decide your reinstatement review.',
      });
      form.reset();
    } catch (error) {
      form.applyError(error);
    }
  };

  const area = (key: 'summary' | 'processes' | 'contacts' | 'tooling', label: string, description: string) => (
    <Textarea
      label={label}
      description={description}
      required={key === 'summary'}
      autosize
      minRows={key === 'summary' ? 3 : 2}
      value={form.values[key]}
      onChange={(event) => form.setValue(key, event.currentTarget.value)}
      error={form.error(key)}
    />
  );

  return (
    <form onSubmit={onSubmit} data-testid="rectification-form">
      <Stack gap="sm">
        <ErrorAlert
          error={form.formError}
          shownFields={['summary', 'processes', 'contacts', 'tooling', 'attachments', 'content', 'mediaType']}
        />
        {area('summary', 'Summary', 'What went wrong and what you changed so it does not happen again')}
        {area('processes', 'Processes', 'Changes to how you find, assess and report vulnerabilities')}
        {area('contacts', 'Contacts', 'New or changed people and how the operator reaches them')}
        {area('tooling', 'Tooling', 'Tools, automation and monitoring you introduced')}
        <FileInput
          label="Attachments"
          description="Plans, procedures, evidence: text, JSON, PDF, PNG, JPEG, ZIP or packet captures, up to 10 MiB each"
          placeholder="Choose files"
          multiple
          clearable
          accept={accept}
          leftSection={<IconPaperclip size={14} />}
          value={form.values.files}
          onChange={(files) => form.setValue('files', files)}
          error={form.error('attachments') ?? form.error('content') ?? form.error('mediaType')}
        />
        <Group justify="space-between">
          <Text size="xs" c="dimmed">
            Files are checked by content and encrypted at rest; the submission is audited.
          </Text>
          <Button type="submit" leftSection={<IconSend size={14} />} loading={submit.isPending}>
            Submit rectification
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
