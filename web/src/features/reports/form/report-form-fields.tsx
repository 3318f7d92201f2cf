import { Paper, Select, SimpleGrid, Stack, TagsInput, Textarea, TextInput, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { type Exploitation, exploitationStates, type Tier, type Tlp, tiers, tlps } from '../../../api/types';
import type { FormState } from '../../../components/form-state';
import { ProductsEditor } from './products-editor';
import { errorsUnder, type ReportFormValues, type TimelineValues, timelineFieldLabels } from './report-form-model';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" radius="sm">
      <Title order={3} size="h5" mb="sm">
        {title}
      </Title>
      <Stack gap="sm">{children}</Stack>
    </Paper>
  );
}

/** A native date-time input: typeable, keyboard-friendly, in the browser's local time. */
function DateTimeField(props: {
  label: string;
  description?: string;
  value: string | null;
  onChange: (value: string | null) => void;
  error?: string;
}) {
  return (
    <TextInput
      type="datetime-local"
      label={props.label}
      description={props.description}
      value={props.value ?? ''}
      onChange={(event) => props.onChange(event.currentTarget.value || null)}
      error={props.error}
    />
  );
}

const timelineDescriptions: [keyof TimelineValues, string][] = [
  ['discoveredAt', 'When the flaw was found'],
  ['awareAt', 'Starts the reporting clocks'],
  ['vendorNotifiedAt', ''],
  ['fixAvailableAt', 'Starts the CRA final-report clock'],
  ['publiclyDisclosedAt', ''],
];

const exploitationLabels: Record<Exploitation, string> = {
  none: 'None known',
  poc: 'Proof of concept',
  active: 'Actively exploited',
};

/** Every field the server-side errors[] may point at is rendered here, so pointers land next to inputs. */
export const reportFieldPrefixes = [
  'title',
  'description',
  'technicalDetails',
  'impact',
  'scopeOfImpact',
  'products',
  'cwes',
  'cvssV31',
  'cvssV40',
  'exploitation',
  'exploitationEvidence',
  'timeline',
  'cveId',
  'references',
  'tlp',
  'tier',
  'embargoUntil',
];

export function ReportFormFields({ form }: { form: FormState<ReportFormValues> }) {
  const { values, errors } = form;
  // form.setValue drops only the field's own error: the errors of its parts (products.0.versions, cwes.1,
  // timeline.awareAt) are as stale once the field changes.
  const set = <K extends keyof ReportFormValues>(key: K, value: ReportFormValues[K]) => {
    form.setValue(key, value);
    const kept = Object.entries(errors).filter(([field]) => field !== key && !field.startsWith(`${key}.`));
    if (kept.length < Object.keys(errors).length) form.setErrors(Object.fromEntries(kept));
  };
  const text = (key: 'title' | 'cveId' | 'cvssV31' | 'cvssV40', label: string, extra = {}) => (
    <TextInput
      label={label}
      value={values[key]}
      onChange={(event) => set(key, event.currentTarget.value)}
      error={errorsUnder(errors, key)}
      {...extra}
    />
  );
  const area = (
    key: 'description' | 'technicalDetails' | 'impact' | 'scopeOfImpact' | 'exploitationEvidence',
    label: string,
    extra = {},
  ) => (
    <Textarea
      label={label}
      autosize
      minRows={key === 'description' || key === 'technicalDetails' ? 4 : 2}
      maxRows={16}
      value={values[key]}
      onChange={(event) => set(key, event.currentTarget.value)}
      error={errorsUnder(errors, key)}
      {...extra}
    />
  );
  const setTimeline = (field: keyof TimelineValues, value: string | null) =>
    set('timeline', { ...values.timeline, [field]: value });

  return (
    <Stack gap="md">
      <Section title="Vulnerability">
        {text('title', 'Title', { required: true, placeholder: 'Remote code execution in … via …' })}
        {area('description', 'Description', { required: true })}
        {area('technicalDetails', 'Technical details', {
          description: 'Root cause, affected component, reproduction steps',
        })}
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
          {area('impact', 'Impact', { description: 'What an attacker gains' })}
          {area('scopeOfImpact', 'Scope of impact', { description: 'Who and what is affected, how widely' })}
        </SimpleGrid>
      </Section>
      <Section title="Affected products">
        <ProductsEditor value={values.products} onChange={(products) => set('products', products)} errors={errors} />
      </Section>
      <Section title="Classification and scoring">
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
          <TagsInput
            label="CWE ids"
            description="Press Enter after each, e.g. CWE-502"
            value={values.cwes}
            onChange={(cwes) =>
              set(
                'cwes',
                cwes.map((c) => c.trim().toUpperCase()),
              )
            }
            error={errorsUnder(errors, 'cwes')}
            clearable
          />
          {text('cveId', 'CVE id', { placeholder: 'CVE-2024-12345' })}
          {text('cvssV31', 'CVSS v3.1 vector', { placeholder: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' })}
          {text('cvssV40', 'CVSS v4.0 vector', { placeholder: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/…' })}
          <Select
            label="Exploitation"
            data={exploitationStates.map((value) => ({ value, label: exploitationLabels[value] }))}
            value={values.exploitation}
            onChange={(value) => value && set('exploitation', value as Exploitation)}
            allowDeselect={false}
            error={errorsUnder(errors, 'exploitation')}
          />
          {area('exploitationEvidence', 'Exploitation evidence', {
            disabled: values.exploitation === 'none',
            minRows: 1,
          })}
        </SimpleGrid>
      </Section>
      <Section title="Timeline">
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
          {timelineDescriptions.map(([field, description]) => (
            <DateTimeField
              key={field}
              label={timelineFieldLabels[field]}
              description={description || undefined}
              value={values.timeline[field]}
              onChange={(value) => setTimeline(field, value)}
              error={errorsUnder(errors, `timeline.${field}`)}
            />
          ))}
        </SimpleGrid>
      </Section>
      <Section title="References and handling">
        <Textarea
          label="References"
          description="One http(s) URL per line: advisories, patches, write-ups"
          autosize
          minRows={2}
          value={values.references}
          onChange={(event) => set('references', event.currentTarget.value)}
          error={errorsUnder(errors, 'references')}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <Select
            label="TLP"
            description="Traffic Light Protocol 2.0"
            data={[...tlps]}
            value={values.tlp}
            onChange={(value) => value && set('tlp', value as Tlp)}
            allowDeselect={false}
            error={errorsUnder(errors, 'tlp')}
          />
          <Select
            label="Classification tier"
            description="Important and core are encrypted at rest"
            data={tiers.map((value) => ({ value, label: value }))}
            value={values.tier}
            onChange={(value) => value && set('tier', value as Tier)}
            allowDeselect={false}
            error={errorsUnder(errors, 'tier')}
          />
          <DateTimeField
            label="Embargo until"
            description="No publication before this time"
            value={values.embargoUntil}
            onChange={(value) => set('embargoUntil', value)}
            error={errorsUnder(errors, 'embargoUntil')}
          />
        </SimpleGrid>
      </Section>
    </Stack>
  );
}
