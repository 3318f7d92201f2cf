import { Anchor, Badge, DataList, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Report, VersionRange } from '../../../api/types';
import { formatDateTime, humanize, orDash } from '../../../components/format';

export function Section({ title, children, testId }: { title: ReactNode; children: ReactNode; testId?: string }) {
  return (
    <Paper withBorder p="md" radius="sm" data-testid={testId}>
      <Title order={3} size="h5" mb="xs">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

function Prose({ text, testId }: { text: string | undefined; testId?: string }) {
  return (
    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} c={text ? undefined : 'dimmed'} data-testid={testId}>
      {text || 'Not given.'}
    </Text>
  );
}

export const rangeText = (r: VersionRange) =>
  r.version ??
  ([r.introduced && `from ${r.introduced}`, r.fixed && `before ${r.fixed}`, r.lastAffected && `up to ${r.lastAffected}`]
    .filter(Boolean)
    .join(' ') ||
    'all versions');

function Products({ report }: { report: Report }) {
  const { products } = report.content;
  if (products.length === 0)
    return (
      <Text size="sm" c="dimmed">
        No affected products given.
      </Text>
    );
  return (
    <Table.ScrollContainer minWidth={600}>
      <Table fz="sm" data-testid="report-products">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>#</Table.Th>
            <Table.Th>Vendor</Table.Th>
            <Table.Th>Product</Table.Th>
            <Table.Th>Identifiers</Table.Th>
            <Table.Th>Affected versions</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {products.map((p, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: products are addressed by index in the API.
            <Table.Tr key={i}>
              <Table.Td>{i + 1}</Table.Td>
              <Table.Td>{p.vendor}</Table.Td>
              <Table.Td>
                {p.product}
                {p.model ? ` (${p.model})` : ''}
              </Table.Td>
              <Table.Td>
                <Stack gap={0}>
                  {p.purl && (
                    <Text size="xs" ff="monospace">
                      {p.purl}
                    </Text>
                  )}
                  {p.cpe && (
                    <Text size="xs" ff="monospace">
                      {p.cpe}
                    </Text>
                  )}
                  {!p.purl && !p.cpe && '—'}
                </Stack>
              </Table.Td>
              <Table.Td>
                {p.versions.length === 0
                  ? '—'
                  : p.versions.map((r) => (
                      <Badge key={`${rangeText(r)}-${r.scheme}`} variant="outline" color="gray" mr={4} tt="none">
                        {rangeText(r)} ({r.scheme})
                      </Badge>
                    ))}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function Facts({ report }: { report: Report }) {
  const c = report.content;
  const cvss = (v: { vector: string; score: number } | null) =>
    v ? (
      <Group gap={6} wrap="nowrap">
        <Badge variant="light" color="gray" miw="fit-content" style={{ flexShrink: 0 }}>
          {v.score.toFixed(1)}
        </Badge>
        <Text size="xs" ff="monospace" style={{ wordBreak: 'break-all' }}>
          {v.vector}
        </Text>
      </Group>
    ) : (
      '—'
    );
  const rows: [string, ReactNode][] = [
    ['Reporter', orDash(report.reporter?.name)],
    ['Received', formatDateTime(report.receivedAt)],
    ['Source', report.source],
    [
      'CVE',
      c.cveId && report.catalog.cve ? (
        <Anchor key="cve" component={Link} to={`/catalog/${c.cveId}`} size="sm" data-testid="report-cve-link">
          {c.cveId}
        </Anchor>
      ) : (
        orDash(c.cveId)
      ),
    ],
    [
      'Known exploited',
      report.catalog.kevDateAdded ? (
        <Badge key="kev" color="red" variant="light" miw="fit-content" data-testid="report-kev">
          CISA KEV since {report.catalog.kevDateAdded}
        </Badge>
      ) : (
        'not in the KEV catalog'
      ),
    ],
    ['CWE', c.cwes.length ? c.cwes.join(', ') : '—'],
    ['CVSS v3.1', cvss(report.cvss.v31)],
    ['CVSS v4.0', cvss(report.cvss.v40)],
    ['Exploitation', humanize(c.exploitation)],
    ['Embargo until', formatDateTime(c.embargoUntil)],
    ['Your relation', report.relation],
  ];
  return (
    <DataList data-testid="report-facts">
      {rows.map(([label, value]) => (
        <DataList.Item key={label}>
          <DataList.ItemLabel>{label}</DataList.ItemLabel>
          <DataList.ItemValue>{value}</DataList.ItemValue>
        </DataList.Item>
      ))}
    </DataList>
  );
}

export function ReportDetails({ report }: { report: Report }) {
  const c = report.content;
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, lg: 3 }} spacing="md">
        <Stack gap="md" style={{ gridColumn: 'span 2' }}>
          <Section title="Description">
            <Prose text={c.description} testId="report-description" />
          </Section>
          <Section title="Technical details">
            <Prose text={c.technicalDetails} />
          </Section>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <Section title="Impact">
              <Prose text={c.impact} />
            </Section>
            <Section title="Scope of impact">
              <Prose text={c.scopeOfImpact} />
            </Section>
          </SimpleGrid>
          {c.exploitationEvidence && (
            <Section title="Exploitation evidence">
              <Prose text={c.exploitationEvidence} />
            </Section>
          )}
        </Stack>
        <Section title="Facts">
          <Facts report={report} />
        </Section>
      </SimpleGrid>
      <Section title={`Affected products (${c.products.length})`}>
        <Products report={report} />
      </Section>
      <Section title={`References (${c.references.length})`}>
        {c.references.length === 0 ? (
          <Text size="sm" c="dimmed">
            None.
          </Text>
        ) : (
          <Stack gap={4}>
            {c.references.map((r) => (
              <Anchor
                key={r.url}
                href={r.url}
                target="_blank"
                rel="noreferrer noopener"
                size="sm"
                style={{ wordBreak: 'break-all' }}
              >
                {r.name ?? r.url}
              </Anchor>
            ))}
          </Stack>
        )}
      </Section>
    </Stack>
  );
}
