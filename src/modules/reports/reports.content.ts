import type { ReportFacts } from './reports.ports.ts';
import type { ReportRow } from './reports.repository.ts';
import { type ReportInput, type TimelineField, timelineFields } from './reports.schemas.ts';

/** The confidential prose of a report, sealed together. */
export interface ReportTexts {
  description: string;
  technicalDetails?: string | undefined;
  impact?: string | undefined;
  scopeOfImpact?: string | undefined;
}

const timelineColumn: Record<TimelineField, keyof ReportRow> = {
  discoveredAt: 'discoveredAt',
  awareAt: 'awareAt',
  vendorNotifiedAt: 'vendorNotifiedAt',
  fixAvailableAt: 'fixAvailableAt',
  publiclyDisclosedAt: 'publiclyDisclosedAt',
};

export const textsOf = (input: ReportInput): ReportTexts => ({
  description: input.description,
  technicalDetails: input.technicalDetails,
  impact: input.impact,
  scopeOfImpact: input.scopeOfImpact,
});

export function timelineOf(row: ReportRow): ReportFacts['timeline'] {
  const timeline: ReportFacts['timeline'] = {};
  for (const field of timelineFields) {
    const value = row[timelineColumn[field]];
    if (value instanceof Date) timeline[field] = value;
  }
  return timeline;
}

/** The report's columns for an input (what every submission stage sets). */
export function columnsOf(input: ReportInput, cvss: { v31?: { baseScore: number }; v40?: { baseScore: number } }) {
  const date = (field: TimelineField) => {
    const value = input.timeline?.[field];
    return value ? new Date(value) : null;
  };
  return {
    title: input.title,
    tlp: input.tlp,
    tier: input.tier,
    cveId: input.cveId ?? null,
    cwes: input.cwes,
    cvssV31Vector: input.cvssV31 ?? null,
    cvssV31Score: cvss.v31?.baseScore ?? null,
    cvssV40Vector: input.cvssV40 ?? null,
    cvssV40Score: cvss.v40?.baseScore ?? null,
    exploitation: input.exploitation,
    products: input.products.map((p) => ({ ...p, versions: p.versions ?? [] })),
    references: input.references,
    discoveredAt: date('discoveredAt'),
    awareAt: date('awareAt'),
    vendorNotifiedAt: date('vendorNotifiedAt'),
    fixAvailableAt: date('fixAvailableAt'),
    publiclyDisclosedAt: date('publiclyDisclosedAt'),
    embargoUntil: input.embargoUntil ? new Date(input.embargoUntil) : null,
  };
}

/** Rebuilds the full input a report stands for from its columns and its sealed prose. */
export function contentOf(row: ReportRow, texts: ReportTexts, evidence: string | undefined): ReportInput {
  const timeline: NonNullable<ReportInput['timeline']> = {};
  for (const [field, value] of Object.entries(timelineOf(row))) timeline[field as TimelineField] = value.toISOString();
  const content: ReportInput = {
    title: row.title,
    description: texts.description,
    products: row.products,
    cwes: row.cwes,
    exploitation: row.exploitation as ReportInput['exploitation'],
    references: row.references,
    tlp: row.tlp as ReportInput['tlp'],
    tier: row.tier as ReportInput['tier'],
    timeline,
  };
  if (texts.technicalDetails) content.technicalDetails = texts.technicalDetails;
  if (texts.impact) content.impact = texts.impact;
  if (texts.scopeOfImpact) content.scopeOfImpact = texts.scopeOfImpact;
  if (row.cvssV31Vector) content.cvssV31 = row.cvssV31Vector;
  if (row.cvssV40Vector) content.cvssV40 = row.cvssV40Vector;
  if (evidence) content.exploitationEvidence = evidence;
  if (row.cveId) content.cveId = row.cveId;
  if (row.embargoUntil) content.embargoUntil = row.embargoUntil.toISOString();
  return content;
}
